import ScanplanJSON
import ScanplanVendorKit
import ScanplanVendors
import ScanplanYAML

extension PlanBuilder {
  // MARK: Settings

  /// The scan settings of a mapping read with a settings shape.
  mutating func readSettings(_ fields: NodeReader.Fields) -> SettingsLayer {
    var layer = SettingsLayer(source: fields)
    var slot = 0
    for (position, field) in PlanShapes.scanSettings.fields.enumerated() {
      let nested: ObjectShape?
      if case .object(let shape) = field.kind { nested = shape } else { nested = nil }
      let firstSlot = slot
      slot += nested?.fields.count ?? 1
      guard let entry = fields[field.key] else { continue }
      layer.writtenKeys |= 1 << position
      guard let nested else {
        if let value = reader.value(entry) {
          layer.entries.append(
            .init(
              slot: firstSlot, value: value, keyRange: entry.keyRange,
              valueRange: entry.valueRange))
        }
        continue
      }
      guard
        let inner = reader.object(
          entry.value, shape: nested, key: field.key, subject: "`\(field.key)`",
          owner: entry.keyRange, nullIsEmpty: true)
      else { continue }
      for offset in nested.fields.indices {
        guard let leafEntry = inner.entry(at: offset), let value = reader.value(leafEntry) else {
          continue
        }
        layer.entries.append(
          .init(
            slot: firstSlot + offset, value: value,
            keyRange: leafEntry.keyRange, valueRange: leafEntry.valueRange))
      }
    }
    return layer
  }

  /// Reports keys of a layer that a provider type does not accept, at the key.
  mutating func checkFit(
    _ layer: SettingsLayer, type: ProviderType, owner: @autoclosure () -> String
  ) {
    guard layer.writtenKeys & ~Self.acceptedKeys(type) != 0 else { return }
    for key in layer.topKeys where !key.field.accepts(type) {
      if let reason = type.table.unsupported[key.field.key] {
        reader.report(
          VendorFitMessage.settingNotHonoured(key: key.field.key, owner: owner(), reason: reason),
          at: key.range)
      } else {
        reader.report(
          VendorFitMessage.settingOfOtherVendor(field: key.field, owner: owner(), type: type),
          at: key.range)
      }
    }
  }
}
