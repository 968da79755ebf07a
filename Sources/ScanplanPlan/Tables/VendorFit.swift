import ScanplanJSON
import ScanplanVendorKit

/// What one vendor accepts of the settings union: its own keys, its own definitions of
/// the keys it shares, what it requires once settings are merged, and what it ignores.
/// Checks on every scan are by position and slot, worked out here once.
final class VendorFit: Sendable {
  /// How a leaf of the union stands with this vendor.
  enum Leaf: Sendable {
    /// The vendor's own definition is the union's.
    case fits
    /// The vendor does not take the leaf.
    case otherVendor
    /// The vendor takes fewer values than the union: these.
    case choices([String])
  }

  let table: VendorTable
  /// The top-level keys of the union the vendor takes, by position.
  let accepted: KeyBits
  /// Per slot of the union's leaves.
  let leaves: [Leaf]
  /// Whether any leaf needs a look beyond its top-level key.
  let checksLeaves: Bool
  /// Top-level keys the vendor requires after merging: their position in the union.
  let required: [(position: Int, field: Field)]
  /// Settings the vendor ignores under a condition: their slot, and the slot of the
  /// setting the condition reads. Checked by slot, as merged settings are.
  let conditions: [(slot: Int, on: Int, condition: Field.Condition)]
  /// Per vendor asset key of the format (`PlanFormat.vendorAssetFields`), whether the
  /// vendor takes it.
  let takesAssetKey: [Bool]
  /// The vendor's asset keys in its own order, by index in `vendorAssetFields`.
  let assetKeys: [(index: Int, field: Field)]

  init(
    table: VendorTable, union: ObjectShape, leaves unionLeaves: [SettingLeaf],
    assetFields: [(field: Field, position: Int)]
  ) {
    self.table = table
    takesAssetKey = assetFields.map { $0.field.accepts(table.type) }
    assetKeys = table.assetFields.map { own in
      (assetFields.firstIndex { $0.field.key == own.key }!, own)
    }
    var accepted = KeyBits()
    var required: [(Int, Field)] = []
    for (position, field) in union.fields.enumerated() {
      guard let own = table.settings.first(where: { $0.key == field.key }) else { continue }
      accepted.insert(position)
      if own.isRequiredAfterMerge { required.append((position, own)) }
    }
    var leaves: [Leaf] = []
    var conditions: [(Int, Int, Field.Condition)] = []
    for leaf in unionLeaves {
      guard let own = Self.ownLeaf(leaf.path, in: table) else {
        leaves.append(.otherVendor)
        continue
      }
      if case .choice(let mine) = own.kind, case .choice(let all) = leaf.field.kind,
        mine != all
      {
        leaves.append(.choices(mine))
      } else {
        leaves.append(.fits)
      }
      if let condition = own.unusedWhen,
        let on = unionLeaves.first(where: { $0.path == [condition.setting] })
      {
        conditions.append((leaf.slot, on.slot, condition))
      }
    }
    self.accepted = accepted
    self.leaves = leaves
    checksLeaves = leaves.enumerated().contains { slot, leaf in
      // A leaf under a key the vendor does not take is reported with its key.
      if case .fits = leaf { return false }
      let top = unionLeaves[slot].path[0]
      return table.settings.contains { $0.key == top }
    }
    self.required = required
    self.conditions = conditions
  }

  /// The vendor's own field at a key path of its settings.
  static func ownLeaf(_ path: [String], in table: VendorTable) -> Field? {
    guard let top = table.settings.first(where: { $0.key == path[0] }) else { return nil }
    guard path.count > 1 else { return top }
    guard case .object(let nested) = top.kind else { return nil }
    return nested.field(path[1])
  }

  /// The vendor's own choices of a setting that is a choice, for messages.
  func choices(of key: String) -> [String]? {
    guard case .choice(let values)? = table.settings.first(where: { $0.key == key })?.kind else {
      return nil
    }
    return values
  }
}
