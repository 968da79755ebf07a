import ScanplanJSON
import ScanplanVendorKit
import ScanplanYAML

/// The scan settings written in one place: a provider's `defaults`, a profile, or a scan.
/// Merging stacks layers, later ones winning key by key at the leaves.
struct SettingsLayer {
  /// One leaf setting.
  struct Entry {
    /// The index in `PlanFormat.settingLeaves`.
    let slot: Int
    let value: JSONValue
    let keyRange: SourceRange
    let valueRange: SourceRange
  }

  /// A top-level settings key as written, for vendor checks (an empty `options: {}` is
  /// still an S4E key).
  struct TopKey {
    let field: Field
    let range: SourceRange
  }

  /// The top-level settings written, by position in `PlanFormat.scanSettings`.
  var writtenKeys = KeyBits()

  var entries: [Entry] = []
  /// Where the layer's keys were written, for the key ranges diagnostics point at.
  var source: NodeReader.Fields.Positions?

  /// The top-level settings keys as written, worked out when a check needs their ranges.
  func topKeys(in document: YAMLDocument, format: PlanFormat) -> [TopKey] {
    guard let source = source?.fields(in: document) else { return [] }
    return format.scanSettings.fields.enumerated().compactMap { position, field in
      guard writtenKeys.contains(position), let entry = source[field.key] else { return nil }
      return TopKey(field: field, range: entry.keyRange)
    }
  }

}

/// Stacks settings layers, base first: maps merge key by key, everything else is
/// replaced. Every leaf has a slot, so replacing leaves merges the maps that hold them,
/// and the result comes out in table order whatever order the plan used. One buffer
/// serves every scan of a plan.
struct SettingsMerger {
  private var slots: [(entry: SettingsLayer.Entry, origin: SettingOrigin)?]
  private let leaves: [SettingLeaf]

  init(format: PlanFormat) {
    leaves = format.settingLeaves
    slots = .init(repeating: nil, count: leaves.count)
  }

  mutating func merge(_ layers: MergedSettings) -> [ScanSetting] {
    for index in slots.indices { slots[index] = nil }
    for entry in layers.base.entries { slots[entry.slot] = (entry, .defaults) }
    for profile in layers.profiles {
      for entry in profile.layer.entries { slots[entry.slot] = (entry, .profile(profile.name)) }
    }
    for entry in layers.own.entries { slots[entry.slot] = (entry, .scan) }
    var settings: [ScanSetting] = []
    settings.reserveCapacity(layers.base.entries.count + layers.own.entries.count + 2)
    for slot in slots {
      if let (entry, origin) = slot {
        settings.append(
          ScanSetting(
            leaf: leaves[entry.slot], value: entry.value, range: entry.valueRange, origin: origin))
      }
    }
    return settings
  }
}
