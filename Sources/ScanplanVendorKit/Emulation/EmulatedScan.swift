/// A scan as a vendor's emulation describes it at one moment.
public struct EmulatedScan: Sendable {
  /// The scan's id.
  public let id: String
  /// The asset or target it scans.
  public let asset: String
  /// The fields of the trigger that the vendor echoes (Invicti's `profile_id`).
  public let echoed: [String: String]
  /// Where it is.
  public let phase: EmulatedPhase
  /// Percent done.
  public let progress: Int
  /// Findings by severity, reported once it has completed.
  public let severities: [String: Int]
  /// When it started, ISO 8601.
  public let startDate: String

  /// Describes a scan.
  public init(
    id: String, asset: String, echoed: [String: String], phase: EmulatedPhase, progress: Int,
    severities: [String: Int], startDate: String
  ) {
    self.id = id
    self.asset = asset
    self.echoed = echoed
    self.phase = phase
    self.progress = progress
    self.severities = severities
    self.startDate = startDate
  }
}
