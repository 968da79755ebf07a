package import ScanplanJSON

/// One key an asset sends with every scan (`asset_id`, or `target_id` and
/// `user_authorized_to_scan`), with its value.
package struct AssetKey: Equatable, Sendable {
  /// The key, as the vendor names it.
  package let key: String
  /// The value as written, or as resolved when a run has resolved it.
  package var value: JSONValue

  package init(_ key: String, _ value: JSONValue) {
    self.key = key
    self.value = value
  }
}
