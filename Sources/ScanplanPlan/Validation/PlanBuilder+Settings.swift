import ScanplanJSON
import ScanplanVendorKit
import ScanplanVendors
import ScanplanYAML

extension PlanBuilder {
  // MARK: Settings

  /// Reports keys of a layer that a provider type does not accept, at the key.
  mutating func checkFit(
    _ layer: SettingsLayer, type: ProviderType, owner: @autoclosure () -> String
  ) {
    guard layer.writtenKeys & ~Self.acceptedKeys(type) != 0 else { return }
    for key in layer.topKeys(in: document) where !key.field.accepts(type) {
      reader.report(
        VendorFitMessage.settingOfOtherVendor(field: key.field, owner: owner(), type: type),
        at: key.range)
    }
  }
}
