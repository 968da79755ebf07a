/// One `fail_on` entry: a completed scan that reports at least `count` findings of
/// `severity` fails its gate.
public struct GateThreshold: Sendable, Equatable {
  /// `critical`, `high`, `medium`, `low` or `info`.
  public let severity: String
  /// The fewest findings that fail the gate.
  public let count: Int

  /// A threshold.
  public init(severity: String, count: Int) {
    self.severity = severity
    self.count = count
  }
}
