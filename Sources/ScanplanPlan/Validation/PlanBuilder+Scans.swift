import ScanplanJSON
import ScanplanVendorKit
import ScanplanVendors
import ScanplanYAML

extension PlanBuilder {
  // MARK: Scans

  struct PendingScan {
    let base: String
    let isExplicit: Bool
    let settings: [ScanSetting]
    let range: SourceRange
  }

  mutating func readScans(
    _ entry: NodeReader.Entry, asset: String?, subject assetSubject: () -> String,
    provider: ProviderDecl?,
    assetKeys: [AssetKey], tags: [String]
  ) {
    guard let items = reader.list(entry, minCount: 1) else { return }
    var explicitNames = NameIndex()
    var pending: [PendingScan] = []
    for (index, item) in items.enumerated() {
      let head = reader.headRange(item)
      func subject() -> String { "scan #\(index + 1) of \(assetSubject())" }
      guard
        let fields = reader.object(
          item, shape: PlanShapes.scan, key: "scans", subject: subject(), owner: head)
      else { continue }
      var name: String?
      if let entry = fields["name"], let value = reader.value(entry)?.stringValue {
        if let first = explicitNames.first(value) {
          reader.report(
            NameMessage.duplicateScan(asset: assetSubject(), name: value), at: entry.valueRange,
            notes: [.init(.firstScan(name: value), at: first)])
        } else {
          explicitNames.insert(value, at: entry.valueRange)
          name = value
        }
      }
      var profileChain: [ProfileDecl] = []
      var profileUse: (name: String, range: SourceRange)?
      // Settings are incomplete when the profile could not be followed; that was reported,
      // and "missing after merging" would only repeat it.
      var settingsComplete = true
      if let entry = fields["profile"] {
        settingsComplete = false
        if let value = reader.value(entry)?.stringValue {
          profileUse = (value, entry.valueRange)
          if let found = chain(value) {
            profileChain = found.profiles
            settingsComplete = found.isComplete
          } else {
            reportUnknownProfile(value, at: entry.valueRange)
          }
        }
      }
      let own = readSettings(fields)
      guard let provider, let type = provider.type else { continue }
      checkFit(own, type: type, owner: "provider `\(provider.name)`")
      if let profileUse, !profileChain.contains(where: \.isMixed) {
        checkProfileFit(profileChain, use: profileUse, type: type, provider: provider.name)
      }
      func scanLabel() -> String {
        asset.flatMap { a in name.map { "scan `\(a)/\($0)`" } } ?? subject()
      }
      // A key written with an invalid value was reported where it is written.
      let written = profileChain.reduce(provider.defaults.writtenKeys | own.writtenKeys) {
        $0 | $1.layer.writtenKeys
      }
      for (position, field) in PlanShapes.scanSettings.fields.enumerated()
      where settingsComplete && field.isRequiredAfterMerge && field.accepts(type)
        && written & (1 << position) == 0
      {
        reader.report(
          ShapeMessage.missingAfterMerge(
            scan: scanLabel(), key: field.key, provider: provider.name),
          at: head)
      }
      let layers = MergedSettings(base: provider.defaults, profiles: profileChain, own: own)
      checkSettingWarnings(layers, scanLabel: scanLabel)
      guard resolving else { continue }
      let settings = merger.merge(layers)
      let base =
        name ?? profileUse?.name ?? settings.first { $0.slot == Self.scanTypeSlot }?.value
        .stringValue
        ?? "scan"
      pending.append(
        PendingScan(base: base, isExplicit: name != nil, settings: settings, range: head))
    }
    guard resolving, let asset, let provider, let type = provider.type else { return }
    // Explicit names keep their exact id; other scans take their base and, where that
    // repeats or meets an explicit name, `#2`, `#3`, ... in plan order.
    var taken = explicitNames
    for scan in pending {
      var local = scan.base
      if !scan.isExplicit {
        var number = 1
        while taken.contains(local) {
          number += 1
          local = "\(scan.base)#\(number)"
        }
        taken.insert(local, at: scan.range)
      }
      var failOn: [GateThreshold] = []
      for setting in scan.settings where Self.failOnSlots.contains(setting.slot) {
        if let count = setting.value.intValue {
          failOn.append(GateThreshold(severity: setting.path[1], count: count))
        }
      }
      scans.append(
        ResolvedScan(
          id: asset + "/" + local, asset: asset, provider: provider.name, providerType: type,
          assetKeys: assetKeys, tags: tags, settings: scan.settings,
          wait: scan.settings.first { $0.slot == Self.waitSlot }?.value.boolValue ?? true,
          failOn: failOn, range: scan.range))
    }
  }
}
