/// A `fail_on` gate's verdict on a completed scan.
package enum GateVerdict: Equatable, Sendable {
  /// Every threshold was under.
  case passed
  /// These thresholds were reached (`critical: 2 >= 1`), or the reason the findings
  /// could not be counted.
  case failed([String])
}
