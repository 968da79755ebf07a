import ScanplanJSON
import ScanplanVendorKit
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
      guard let provider, let type = provider.type, let fit = provider.fit else { continue }
      checkFit(own, fit: fit, owner: "provider `\(provider.name)`")
      if let use = scan.profile, !profileChain.contains(where: \.isMixed) {
        checkProfileFit(profileChain, use: use, type: type, fit: fit, provider: provider.name)
      }
      func scanLabel() -> String {
        asset.flatMap { a in name.map { "scan `\(a)/\($0)`" } } ?? subject()
      }
      // A key written with an invalid value was reported where it is written.
      let written = profileChain.reduce(provider.defaults.writtenKeys.union(own.writtenKeys)) {
        $0.union($1.layer.writtenKeys)
      }
      for (position, field) in fit.required
      where settingsComplete && !written.contains(position) {
        reader.report(
          ShapeMessage.missingAfterMerge(
            scan: scanLabel(), key: field.key, provider: provider.name),
          at: head)
      }
      let layers = MergedSettings(base: provider.defaults, profiles: profileChain, own: own)
      checkSettingWarnings(layers, fit: fit, scanLabel: scanLabel)
      guard resolving else { continue }
      let settings = merger.merge(layers)
      let typeSlot = format.places.scanTypeSlot
      let base =
        name ?? scan.profile?.name
        ?? settings.first { $0.slot == typeSlot }?.value.stringValue ?? "scan"
      pending.append(
        PendingScan(base: base, isExplicit: name != nil, settings: settings, range: head))
    }
    guard resolving, let asset, let provider, let fit = provider.fit else { return }
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
      for setting in scan.settings where format.places.failOnSlots.contains(setting.slot) {
        if let count = setting.value.intValue {
          failOn.append(GateThreshold(severity: setting.path[1], count: count))
        }
      }
      scans.append(
        ResolvedScan(
          id: asset + "/" + local, asset: asset, provider: provider.name,
          vendor: format.vendor(fit.table.type), assetKeys: assetKeys, tags: tags,
          settings: scan.settings,
          wait: scan.settings.first { $0.slot == format.places.waitSlot }?.value.boolValue ?? true,
          failOn: failOn, range: scan.range))
    }
  }
}
