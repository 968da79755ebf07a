/// One `fail_on` entry: a completed scan that reports at least `count` findings of
/// `severity` fails its gate.
package struct GateThreshold: Sendable, Equatable {
  /// `critical`, `high`, `medium`, `low` or `info`.
  package let severity: String
  /// The fewest findings that fail the gate.
  package let count: Int

  package init(severity: String, count: Int) {
    self.severity = severity
    self.count = count
  }
}
