import ScanplanJSON
import ScanplanVendorKit
import ScanplanYAML

extension PlanBuilder {
  // MARK: Settings

  /// One setting of a layer that its vendor does not take, worded, and where to point.
  struct Misfit {
    /// A message for a key or value written where the vendor is known.
    let message: VendorFitMessage
    /// The same, said of a profile used by a scan.
    let what: String
    /// The key path as written, or `key: value`, for a note.
    let key: String
    let range: SourceRange
    let accepted: [String]
  }

  /// Reports settings of a layer that a provider's vendor does not take, at the key (or
  /// the value, for a value only other vendors take).
  mutating func checkFit(_ layer: SettingsLayer, fit: VendorFit, owner: @autoclosure () -> String) {
    guard fit.checksLeaves || layer.writtenKeys.hasAny(notIn: fit.accepted) else { return }
    for misfit in misfits(layer, fit: fit, owner: owner) {
      reader.report(misfit.message, at: misfit.range)
    }
  }

  /// The settings of a layer its vendor does not take: top-level keys by position, then,
  /// where the vendor narrows shared keys, leaves by slot. Nothing is worded unless found.
  func misfits(_ layer: SettingsLayer, fit: VendorFit, owner: () -> String) -> [Misfit] {
    var found: [Misfit] = []
    let table = fit.table
    if layer.writtenKeys.hasAny(notIn: fit.accepted) {
      let accepted = table.settings.map(\.key)
      for key in layer.topKeys(in: document, format: format) where !key.field.accepts(table.type) {
        let owners = format.registry.ordered(key.field.vendors).compactMap {
          format.registry.vendor($0)?.table
        }
        found.append(
          Misfit(
            message: .settingOfOtherVendor(
              key: key.field.key, owners: owners, owner: owner(), table: table,
              accepted: accepted),
            what: "`\(key.field.key)` is \(Self.phrase(owners)) setting", key: key.field.key,
            range: key.range,
            accepted: accepted))
      }
    }
    guard fit.checksLeaves else { return found }
    for entry in layer.entries {
      let leaf = format.settingLeaves[entry.slot]
      switch fit.leaves[entry.slot] {
      case .fits:
        continue
      case .otherVendor:
        // A leaf under a key the vendor does not take was reported with its key.
        guard fit.accepted.contains(format.scanSettings.position(of: leaf.path[0])!) else {
          continue
        }
        let key = leaf.path.joined(separator: ".")
        let owners = owners(of: entry.slot) { _ in true }
        var accepted: [String] = []
        if case .object(let nested)? = VendorFit.ownLeaf([leaf.path[0]], in: table)?.kind {
          accepted = nested.fields.map(\.key)
        }
        found.append(
          Misfit(
            message: .settingOfOtherVendor(
              key: key, owners: owners, owner: owner(), table: table, accepted: accepted),
            what: "`\(key)` is \(Self.phrase(owners)) setting", key: key, range: entry.keyRange,
            accepted: accepted))
      case .choices(let values):
        guard let value = entry.value.stringValue, !values.contains(value) else { continue }
        let key = leaf.path.joined(separator: ".")
        let owners = owners(of: entry.slot) { $0.contains(value) }
        found.append(
          Misfit(
            message: .valueOfOtherVendor(
              key: key, value: value, owners: owners, owner: owner(), table: table,
              accepted: values),
            what: "`\(key): \(value)` is \(Self.phrase(owners)) value", key: "\(key): \(value)",
            range: entry.valueRange,
            accepted: values))
      }
    }
    return found
  }

  /// The vendors that take a leaf, with a value `takes` accepts when it is a choice.
  private func owners(of slot: Int, takes: ([String]) -> Bool) -> [VendorTable] {
    format.registry.vendors.compactMap { vendor in
      switch format.fit(vendor.type).leaves[slot] {
      case .fits:
        guard case .choice(let all) = format.settingLeaves[slot].field.kind else {
          return vendor.table
        }
        return takes(all) ? vendor.table : nil
      case .otherVendor: return nil
      case .choices(let values): return takes(values) ? vendor.table : nil
      }
    }
  }

  /// "an S4E", "a ZAP and Invicti".
  static func phrase(_ owners: [VendorTable]) -> String {
    (owners.first?.article ?? "a") + " "
      + (owners.isEmpty ? "other vendor's" : owners.map(\.displayName).joined(separator: " and "))
  }
}
