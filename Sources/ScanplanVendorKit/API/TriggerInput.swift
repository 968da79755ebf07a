import ScanplanJSON

/// What a trigger request is built from: the asset's keys and the scan's settings, both
/// resolved, so vendors need nothing of the plan's model.
public struct TriggerInput: Sendable {
  /// The asset's keys as sent (`asset_id`, or `target_id` and `user_authorized_to_scan`).
  public let assetKeys: [AssetKey]
  /// The body fields of the scan's settings, in table order (`VendorTable.settingsBody`).
  public let settings: JSONObject

  /// Creates a trigger's input.
  public init(assetKeys: [AssetKey], settings: JSONObject) {
    self.assetKeys = assetKeys
    self.settings = settings
  }

  /// The value of an asset key or a top-level setting.
  public func value(_ key: String) -> JSONValue? {
    assetKeys.first { $0.key == key }?.value ?? settings[key]
  }
}
