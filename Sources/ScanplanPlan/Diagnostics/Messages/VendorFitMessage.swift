import ScanplanVendorKit

/// The wording of keys and values that do not fit a provider's vendor: another vendor's
/// key, a profile that fits no provider, a base URL
/// or poll interval the vendor's API would not take, a setting that has no effect.
///
/// Vendors are named by the tables the builder hands in, so the wording needs no
/// registry; what a vendor says of itself (`VendorTable.pollFloor`) comes from its table.
enum VendorFitMessage: DiagnosticMessage {
  /// An asset key of other vendors (`owners`), on an asset of `table`'s vendor.
  case assetKeyOfOtherVendor(
    key: String, owners: [VendorTable], provider: String, table: VendorTable)
  /// A provider key of other vendors (their credential key), on a provider of `table`'s.
  case providerKeyOfOtherVendor(
    key: String, owners: [VendorTable], provider: String, table: VendorTable)
  /// A setting (a key path) of other vendors; `owner` names where it is written and
  /// `accepted` lists the keys the vendor takes there.
  case settingOfOtherVendor(
    key: String, owners: [VendorTable], owner: String, table: VendorTable, accepted: [String])
  /// A value of a setting that other vendors take but `table`'s does not.
  case valueOfOtherVendor(
    key: String, value: String, owners: [VendorTable], owner: String, table: VendorTable,
    accepted: [String])
  /// A profile, used by a scan, whose setting (`what`, worded) does not fit the vendor.
  case profileMismatch(
    profile: String, provider: String, table: VendorTable, what: String, accepted: [String])
  /// A profile with keys of two vendors, so no scan can use it; its first key of each.
  case mixedProfile(name: String, keys: [(vendor: String, key: String)])
  /// A `base_url` that ends with the API's own path.
  case apiPrefixInBaseURL(table: VendorTable, fixed: String)
  /// A poll interval of 0, raised to the 1 second floor; `reason` is the vendor's.
  case pollIntervalClamped(key: String, reason: String?)
  /// `initial_interval` above `max_interval`, both in seconds.
  case pollIntervalOrder(initial: Int, maximum: Int)
  /// A setting another setting's value makes pointless; `others` are the values with
  /// which it works.
  case unusedSetting(key: String, value: String, reason: String, others: [String])
  /// `fail_on` with `wait: false`; `scan` names the scan.
  case gateNeverChecked(scan: String)

  var code: DiagnosticCode {
    switch self {
    case .assetKeyOfOtherVendor, .providerKeyOfOtherVendor, .settingOfOtherVendor,
      .valueOfOtherVendor:
      .wrongProviderType
    case .profileMismatch: .profileMismatch
    case .mixedProfile: .mixedProfile
    case .apiPrefixInBaseURL: .apiPrefixInBaseURL
    case .pollIntervalClamped: .pollIntervalClamped
    case .pollIntervalOrder: .pollIntervalOrder
    case .unusedSetting: .unusedSetting
    case .gateNeverChecked: .gateNeverChecked
    }
  }

  var message: String {
    switch self {
    case .assetKeyOfOtherVendor(let key, let owners, let provider, let table):
      "`\(key)` is \(Self.phrase(owners)) key, but provider `\(provider)` is of type \(table.type.rawValue)"
    case .providerKeyOfOtherVendor(let key, let owners, let provider, let table):
      "`\(key)` is \(Self.phrase(owners)) key, but provider `\(provider)` is of type \(table.type.rawValue)"
    case .settingOfOtherVendor(let key, let owners, let owner, let table, _):
      "`\(key)` is \(Self.phrase(owners)) setting, but \(owner) is of type \(table.type.rawValue)"
    case .valueOfOtherVendor(let key, let value, let owners, let owner, let table, _):
      "`\(key): \(value)` is \(Self.phrase(owners)) value, but \(owner) is of type \(table.type.rawValue)"
    case .profileMismatch(let profile, let provider, let table, let what, _):
      "profile `\(profile)` does not fit provider `\(provider)` (type \(table.type.rawValue)): \(what)"
    case .mixedProfile(let name, let keys):
      "profile `\(name)` mixes "
        + keys.map { "\($0.vendor) keys (`\($0.key)`)" }.joined(separator: " and ")
        + ", so no scan can use it"
    case .apiPrefixInBaseURL(let table, _):
      "`base_url` ends with `\(table.apiPrefix)`, which scanplan adds to every \(table.displayName) request"
    case .pollIntervalClamped(let key, _):
      "`\(key)` of 0s is below the 1 second floor; it is raised to 1s"
    case .pollIntervalOrder(let initial, let maximum):
      "`initial_interval` (\(PlanDuration.format(seconds: initial))) is above `max_interval` (\(PlanDuration.format(seconds: maximum))); polls wait \(PlanDuration.format(seconds: maximum))"
    case .unusedSetting(let key, let value, let reason, _):
      "`\(key)` has no effect on `\(value)` scans: \(reason)"
    case .gateNeverChecked(let scan):
      "\(scan) has `fail_on` but `wait: false`, so the gate is never checked"
    }
  }

  var help: [String] {
    switch self {
    case .assetKeyOfOtherVendor(_, _, _, let table):
      ["\(table.displayName) assets take " + Suggestions.list(table.assetFields.map(\.key))]
    case .providerKeyOfOtherVendor(_, _, _, let table):
      ["\(table.displayName) providers hold their credential in `\(table.credentialKey)`"]
    case .settingOfOtherVendor(let key, _, _, let table, let accepted):
      [Self.takes(table, place: key, accepted)]
    case .valueOfOtherVendor(let key, _, _, _, let table, let accepted):
      ["\(table.displayName)'s `\(key)` takes " + Suggestions.list(accepted)]
    case .profileMismatch(_, _, let table, _, let accepted):
      [Self.takes(table, place: "", accepted)]
    case .pollIntervalOrder: []
    case .mixedProfile: ["split it into one profile per provider type"]
    case .apiPrefixInBaseURL(_, let fixed): ["write `base_url: \(fixed)`"]
    case .pollIntervalClamped(_, let reason):
      [reason ?? "no poll of a scan is sent sooner than 1 second after the last"]
    case .unusedSetting(_, _, _, let others):
      ["remove it, or use it only with " + Suggestions.list(others)]
    case .gateNeverChecked: ["remove `wait: false`, or remove the gate"]
    }
  }

  /// "an S4E", "a ZAP", "an S4E and Invicti": the vendors whose key a field is.
  private static func phrase(_ owners: [VendorTable]) -> String {
    (owners.first?.article ?? "a") + " "
      + (owners.isEmpty ? "other vendor's" : owners.map(\.displayName).joined(separator: " and "))
  }

  /// What a vendor takes where a key was written: its scan settings, or a mapping's keys.
  private static func takes(_ table: VendorTable, place key: String, _ accepted: [String])
    -> String
  {
    let parent = key.split(separator: ".").dropLast().joined(separator: ".")
    let subject = parent.isEmpty ? "scans" : "scans' `\(parent)`"
    return "\(table.displayName) \(subject) take " + Suggestions.list(accepted)
  }
}
