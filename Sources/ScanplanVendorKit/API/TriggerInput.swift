package import ScanplanJSON

/// What a trigger request is built from: the asset's keys and the scan's settings, both
/// resolved, so vendors need nothing of the plan's model.
package struct TriggerInput: Sendable {
  /// The asset's keys as sent (`asset_id`, or `target_id` and `user_authorized_to_scan`).
  package let assetKeys: [AssetKey]
  /// The body fields of the scan's settings, in table order (`VendorTable.settingsBody`).
  package let settings: JSONObject

  /// Creates a trigger's input.
  package init(assetKeys: [AssetKey], settings: JSONObject) {
    self.assetKeys = assetKeys
    self.settings = settings
  }

  /// The value of an asset key or a top-level setting.
  package func value(_ key: String) -> JSONValue? {
    assetKeys.first { $0.key == key }?.value ?? settings[key]
  }
}
