import ScanplanJSON
import ScanplanVendorKit

/// Which changes make a scan weaker, for a security reviewer: a gate removed or loosened,
/// `wait: false`, a shorter `poll.timeout`, a stage dropped, and a setting its vendor's
/// table marks (`Field.Strength`) moved the weak way: `max_depth` or `timeout` lowered,
/// `enable_bruteforce` or ZAP's `crawl_first` turned off, a scan type or profile that
/// covers less (S4E's `full` to `quick`, ZAP's `active` to `spider`, Invicti's Full Scan
/// to Crawl Only). A removed scan is weaker too (`PlanDiff.weakened`).
enum Weakening {
  /// Whether changing `field` from `before` to `after` weakens the scan; `setting` is the
  /// vendor's table field of the setting it sends, whose strength is its weak direction
  /// and whose default is what an unset value means.
  static func weakens(
    _ field: String, _ before: JSONValue?, _ after: JSONValue?, setting: Field?
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
    guard let setting, let strength = setting.strength else { return false }
    // A setting left out is sent as, or taken by the vendor as, its default.
    let before = before ?? setting.defaultValue
    let after = after ?? setting.defaultValue
    switch strength {
    case .higher: return lower(before, after)
    case .enabled: return before == true && after != true
    case .disabled: return before != true && after == true
    case .covers(let checks): return narrower(before, after, checks: checks)
    }
  }

  /// Whether the head's value runs fewer of the checks than the base's. A value the table
  /// does not list (a custom profile, an environment reference) cannot be ranked, so a
  /// move to one fails closed as weaker; a move from one to a listed value weakens unless
  /// that value runs every check listed at all.
  private static func narrower(
    _ before: JSONValue?, _ after: JSONValue?, checks: [String: Set<String>]
  ) -> Bool {
    func known(_ value: JSONValue?) -> Set<String>? { Field.valueKey(value).flatMap { checks[$0] } }
    guard let new = known(after) else { return true }
    guard let old = known(before) else {
      return !new.isSuperset(of: checks.values.reduce(into: Set()) { $0.formUnion($1) })
    }
    return !new.isSuperset(of: old)
  }

  /// Both sides numbers, the head's smaller.
  private static func lower(_ before: JSONValue?, _ after: JSONValue?) -> Bool {
    guard let old = before?.doubleValue, let new = after?.doubleValue else { return false }
    return new < old
  }
}
