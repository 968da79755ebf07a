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

  /// Checks an asset's decoded scans against its provider and the profiles, and
  /// resolves them.
  mutating func checkScans(
    _ decls: [AssetDecl.Scan], asset: String?, subject assetSubject: () -> String,
    provider: ProviderDecl?, assetKeys: [AssetKey], tags: [String]
  ) {
    var pending: [PendingScan] = []
    for scan in decls {
      let head = scan.head
      let name = scan.name
      func subject() -> String { "scan #\(scan.index + 1) of \(assetSubject())" }
      var profileChain: [ProfileDecl] = []
      // Settings are incomplete when the profile could not be followed; that was reported,
      // and "missing after merging" would only repeat it.
      var settingsComplete = !scan.hasProfile
      if let use = scan.profile {
        if let found = chain(use.name) {
          profileChain = found.profiles
          settingsComplete = found.isComplete
        } else {
          reportUnknownProfile(use.name, at: use.range)
        }
      }
      let own = scan.own
      guard let provider, let type = provider.type else { continue }
      checkFit(own, type: type, owner: "provider `\(provider.name)`")
      if let use = scan.profile, !profileChain.contains(where: \.isMixed) {
        checkProfileFit(profileChain, use: use, type: type, provider: provider.name)
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
        name ?? scan.profile?.name ?? settings.first { $0.slot == Self.scanTypeSlot }?.value
        .stringValue
        ?? "scan"
      pending.append(
        PendingScan(base: base, isExplicit: name != nil, settings: settings, range: head))
    }
    guard resolving, let asset, let provider, let type = provider.type else { return }
    // Explicit names keep their exact id; other scans take their base and, where that
    // repeats or meets an explicit name, `#2`, `#3`, ... in plan order.
    var taken = NameIndex()
    for scan in decls {
      if let name = scan.name { taken.insert(name, at: scan.head) }
    }
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
