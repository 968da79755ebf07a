import ScanplanJSON
import ScanplanVendorKit

/// Which changes make a scan weaker, for a security reviewer: a gate removed or loosened,
/// `wait: false`, a shorter `poll.timeout`, a stage dropped, and a setting its vendor's
/// table marks (`Field.Strength`) moved the weak way: `max_depth` or `timeout` lowered,
/// `enable_bruteforce` turned off. A removed scan is weaker too (`PlanDiff.weakened`).
enum Weakening {
  /// Whether changing `field` from `before` to `after` weakens the scan; `strengths` are
  /// the scan's marked fields, by name.
  static func weakens(
    _ field: String, _ before: JSONValue?, _ after: JSONValue?,
    strengths: [String: Field.Strength]
  ) -> Bool {
    if field.hasPrefix("fail_on.") {
      // No gate, or a higher count, lets more through.
      guard let old = before?.intValue else { return false }
      guard let new = after?.intValue else { return true }
      return new > old
    }
    if field == "wait" { return before == true && after == false }
    if field == "poll.timeout" { return lower(before, after) }
    if field.hasPrefix("stage"), field.hasSuffix(".url") { return before != nil && after == nil }
    switch strengths[field] {
    case .higher?: return lower(before, after)
    case .enabled?: return before == true && after != true
    case nil: return false
    }
  }

  /// Both sides numbers, the head's smaller.
  private static func lower(_ before: JSONValue?, _ after: JSONValue?) -> Bool {
    guard let old = before?.doubleValue, let new = after?.doubleValue else { return false }
    return new < old
  }
}
