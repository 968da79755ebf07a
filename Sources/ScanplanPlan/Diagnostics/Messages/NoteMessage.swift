/// The wording of a diagnostic's notes: each points at a place that explains the problem.
enum NoteMessage: Sendable, Equatable {
  /// The first of two assets with one name.
  case firstAsset(name: String)
  /// The first of two scans of an asset with one name.
  case firstScan(name: String)
  /// A key of a profile that mixes vendors, and its vendor.
  case vendorKey(key: String, vendor: String)
  /// One step of an `extends` cycle.
  case extendsHere(profile: String, base: String)
  /// The `max_interval` an `initial_interval` exceeds.
  case maxIntervalSetHere
  /// A key a profile sets, where the profile is used by a scan it does not fit.
  case setInProfile(key: String, profile: String)
  /// The setting that makes another one have no effect.
  case scanHasSetting(scan: String, setting: String, value: String)
  /// The gate a `wait: false` makes unreachable.
  case gateSetHere

  /// The note's text.
  var text: String {
    switch self {
    case .firstAsset(let name): "the first asset named `\(name)` is here"
    case .firstScan(let name): "the first scan named `\(name)` is here"
    case .vendorKey(let key, let vendor): "`\(key)` is a key of \(vendor)"
    case .extendsHere(let profile, let base): "`\(profile)` extends `\(base)` here"
    case .maxIntervalSetHere: "`max_interval` is set here"
    case .setInProfile(let key, let profile): "`\(key)` is set here, in profile `\(profile)`"
    case .scanHasSetting(let scan, let setting, let value):
      "\(scan) has `\(setting): \(value)` here"
    case .gateSetHere: "the gate is set here"
    }
  }
}
