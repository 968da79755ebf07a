import ScanplanJSON
import ScanplanVendorKit
import ScanplanYAML

extension NodeReader {
  // MARK: Settings

  /// The scan settings of a mapping read with a settings shape.
  mutating func settings(_ fields: Fields) -> SettingsLayer {
    var layer = SettingsLayer(source: fields.positions)
    // Shapes that hold settings list them last (`ObjectShape.adding`), so a setting's
    // place is found by offset rather than by comparing its name.
    let all = format.scanSettings.fields
    let first = fields.shape.fields.count - all.count
    assert(zip(fields.shape.fields[first...], all).allSatisfy { $0 === $1 })
    // Room for a few leaves at once, when there are any: growing one by one reallocates.
    if (first..<fields.shape.fields.count).contains(where: { fields.has($0) }) {
      layer.entries.reserveCapacity(4)
    }
    var slot = 0
    for (position, field) in all.enumerated() {
      let nested: ObjectShape?
      if case .object(let shape) = field.kind { nested = shape } else { nested = nil }
      let firstSlot = slot
      slot += nested?.fields.count ?? 1
      guard let entry = fields.entry(at: first + position) else { continue }
      layer.writtenKeys.insert(position)
      guard let nested else {
        if let value = value(entry) {
          layer.entries.append(
            .init(
              slot: firstSlot, value: value, keyRange: entry.keyRange,
              valueRange: entry.valueRange))
        }
        continue
      }
      guard
        let inner = object(
          entry.value, shape: nested, key: field.key, subject: "`\(field.key)`",
          owner: entry.keyRange, nullIsEmpty: true)
      else { continue }
      for offset in nested.fields.indices {
        guard let leafEntry = inner.entry(at: offset), let value = value(leafEntry) else {
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
}
