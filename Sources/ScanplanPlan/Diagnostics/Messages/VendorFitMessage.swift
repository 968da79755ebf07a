import ScanplanVendorKit
import ScanplanVendors

/// The wording of keys and values that do not fit a provider's vendor: another vendor's
/// key, a profile that fits no provider, a base URL
/// or poll interval the vendor's API would not take, a setting that has no effect.
enum VendorFitMessage: DiagnosticMessage {
  /// An asset key of another vendor.
  case assetKeyOfOtherVendor(field: Field, provider: String, type: ProviderType)
  /// A setting of another vendor; `owner` names where it is written.
  case settingOfOtherVendor(field: Field, owner: String, type: ProviderType)
  /// A profile, used by a scan, with a key of another vendor.
  case profileMismatch(profile: String, provider: String, type: ProviderType, field: Field)
  /// A profile with keys of two vendors, so no scan can use it; its first key of each.
  case mixedProfile(name: String, keys: [(vendor: String, key: String)])
  /// A `base_url` that ends with the API's own path.
  case apiPrefixInBaseURL(type: ProviderType, fixed: String)
  /// A poll interval of 0, raised to the 1 second floor.
  case pollIntervalClamped(key: String)
  /// `initial_interval` above `max_interval`, both in seconds.
  case pollIntervalOrder(initial: Int, maximum: Int)
  /// A setting another setting's value makes pointless; `others` are the values with
  /// which it works.
  case unusedSetting(key: String, value: String, reason: String, others: [String])
  /// `fail_on` with `wait: false`; `scan` names the scan.
  case gateNeverChecked(scan: String)

  var code: DiagnosticCode {
    switch self {
    case .assetKeyOfOtherVendor, .settingOfOtherVendor: .wrongProviderType
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
    case .assetKeyOfOtherVendor(let field, let provider, let type):
      "`\(field.key)` is \(Self.vendorPhrase(field)) key, but provider `\(provider)` is of type \(type.rawValue)"
    case .settingOfOtherVendor(let field, let owner, let type):
      "`\(field.key)` is \(Self.vendorPhrase(field)) setting, but \(owner) is of type \(type.rawValue)"
    case .profileMismatch(let profile, let provider, let type, let field):
      "profile `\(profile)` does not fit provider `\(provider)` (type \(type.rawValue)): `\(field.key)` is \(Self.vendorPhrase(field)) setting"
    case .mixedProfile(let name, let keys):
      "profile `\(name)` mixes "
        + keys.map { "\($0.vendor) keys (`\($0.key)`)" }.joined(separator: " and ")
        + ", so no scan can use it"
    case .apiPrefixInBaseURL(let type, _):
      "`base_url` ends with `\(type.table.apiPrefix)`, which scanplan adds to every \(type.table.displayName) request"
    case .pollIntervalClamped(let key):
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
    case .assetKeyOfOtherVendor(_, _, let type):
      [
        "\(type.table.displayName) assets take "
          + Suggestions.list(type.table.assetFields.map(\.key))
      ]
    case .settingOfOtherVendor(_, _, let type), .profileMismatch(_, _, let type, _):
      [Self.acceptedSettings(type)]
    case .pollIntervalOrder: []
    case .mixedProfile: ["split it into one profile per provider type"]
    case .apiPrefixInBaseURL(_, let fixed): ["write `base_url: \(fixed)`"]
    case .pollIntervalClamped: ["S4E documents polling no more than once per second"]
    case .unusedSetting(_, _, _, let others):
      ["remove it, or use it only with " + Suggestions.list(others)]
    case .gateNeverChecked: ["remove `wait: false`, or remove the gate"]
    }
  }

  /// "an S4E", "an Invicti": the vendors whose key a field is.
  private static func vendorPhrase(_ field: Field) -> String {
    let tables = field.vendors.sorted().map(\.table)
    return (tables.first?.article ?? "a") + " "
      + tables.map(\.displayName).joined(separator: " and ")
  }

  /// The settings a vendor's scans take.
  private static func acceptedSettings(_ type: ProviderType) -> String {
    let keys = PlanShapes.scanSettings.fields.filter { $0.vendors.contains(type) }.map(\.key)
    return "\(type.table.displayName) scans take " + Suggestions.list(keys)
  }
}
