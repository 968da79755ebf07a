/// A scan as a vendor's emulation describes it at one moment.
package struct EmulatedScan: Sendable {
  package let id: String
  /// The asset or target it scans.
  package let asset: String
  /// The fields of the trigger that the vendor echoes (Invicti's `profile_id`).
  package let echoed: [String: String]
  package let phase: EmulatedPhase
  /// Percent done.
  package let progress: Int
  /// Findings by severity, reported once it has completed.
  package let severities: [String: Int]
  /// When it started, ISO 8601.
  package let startDate: String

  package init(
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
