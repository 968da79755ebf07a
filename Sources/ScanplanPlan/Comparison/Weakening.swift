import ScanplanJSON
import ScanplanVendorKit

/// Which changes make a scan weaker, for a security reviewer: a gate removed or loosened,
/// `wait: false`, a shorter `poll.timeout`, a stage dropped, and a setting its vendor's
/// table marks (`Field.Strength`) moved the weak way: `max_depth` or `timeout` lowered,
/// `enable_bruteforce` turned off. A removed scan is weaker too (`PlanDiff.weakened`).
enum Weakening {
  /// Whether `change` weakens the scan; `strengths` are the scan's marked fields, by name.
  static func weakens(_ change: PlanDiff.Change, strengths: [String: Field.Strength]) -> Bool {
    let field = change.field
    if field.hasPrefix("fail_on.") {
      // No gate, or a higher count, lets more through.
      guard let before = change.before?.intValue else { return false }
      guard let after = change.after?.intValue else { return true }
      return after > before
    }
    if field == "wait" { return change.before == true && change.after == false }
    if field == "poll.timeout" { return lower(change) }
    if field.hasPrefix("stage"), field.hasSuffix(".url") {
      return change.before != nil && change.after == nil
    }
    switch strengths[field] {
    case .higher?: return lower(change)
    case .enabled?: return change.before == true && change.after != true
    case nil: return false
    }
  }

  /// Both sides numbers, the head's smaller.
  private static func lower(_ change: PlanDiff.Change) -> Bool {
    guard let before = change.before?.doubleValue, let after = change.after?.doubleValue else {
      return false
    }
    return after < before
  }
}
