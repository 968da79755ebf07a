import ScanplanJSON
import ScanplanVendorKit
import ScanplanYAML

extension PlanBuilder {
  // MARK: Assets

  /// Checks each asset of `assets` in order. Those of the list `PlanStream` followed
  /// were checked as they loaded, or decoded then and are checked now.
  mutating func readAssets(_ entry: NodeReader.Entry) {
    guard let items = reader.list(entry, minCount: 1) else { return }
    if assetNames.isEmpty { assetNames = TextIndex(capacity: items.count) }
    var next = 0
    if entry.key == streamed.assetsKey {
      next = min(streamed.seen, items.count)
      for asset in streamed.pending { check(asset) }
      streamed.pending = []
    }
    for index in next..<items.count {
      let item = items[items.startIndex + index]
      check(
        AssetDecoder.decode(item, index: index, in: document, file: reader.file, format: format))
    }
  }

  /// Whether an asset reuses an earlier asset's name, which is then reported. Earlier
  /// assets only: the answer for each asset is known when it is read.
  mutating func isDuplicateName(_ item: YAMLNodeID) -> Bool {
    guard let (text, value) = Self.nameNode(item, in: document),
      let first = assetNames.firstOrInsert(text, at: value, in: document)
    else { return false }
    let name = document.text(text)
    reader.report(
      NameMessage.duplicateAsset(name: name), at: document.range(value),
      notes: [.init(.firstAsset(name: name), at: document.range(first))])
    return true
  }

  /// Checks one decoded asset against the rest of the plan, the next in plan order, and
  /// resolves its scans.
  mutating func check(_ asset: AssetDecl) {
    reader.adopt(asset.diagnostics, secretRanges: asset.secretRanges)
    let isDuplicate = isDuplicateName(asset.item)
    guard asset.isMapping else { return }
    let document = self.document
    func subject() -> String { AssetDecoder.subject(asset.item, index: asset.index, in: document) }
    var provider: ProviderDecl?
    if let use = asset.provider {
      provider = providers[use.name]
      if provider == nil {
        reader.report(
          NameMessage.unknownProvider(name: use.name, defined: providerOrder), at: use.range)
      }
    }
    reader.reportDeferred(asset.deferredChoices, vendor: provider?.type)
    let assetKeys = checkAssetKeys(asset, provider: provider, subject: subject)
    checkScans(
      asset.scans, asset: isDuplicate ? nil : asset.name, subject: subject, provider: provider,
      assetKeys: assetKeys, tags: asset.tags)
  }

  /// The asset's vendor keys, in its vendor's order; keys of other vendors and missing
  /// keys are reported.
  mutating func checkAssetKeys(
    _ asset: AssetDecl, provider: ProviderDecl?, subject: () -> String
  ) -> [AssetKey] {
    let fields = format.vendorAssetFields
    guard let provider, let fit = provider.fit else {
      return asset.vendorKeys.compactMap { key in
        key.value.map { AssetKey(fields[key.position].field.key, $0) }
      }
    }
    let table = fit.table
    // By index, not by name: every asset of a large plan comes here.
    for key in asset.vendorKeys where !fit.takesAssetKey[key.position] {
      let field = fields[key.position].field
      let owners = format.registry.ordered(field.vendors).compactMap {
        format.registry.vendor($0)?.table
      }
      reader.report(
        VendorFitMessage.assetKeyOfOtherVendor(
          key: field.key, owners: owners, provider: provider.name, table: table),
        at: key.keyRange)
    }
    var assetKeys: [AssetKey] = []
    assetKeys.reserveCapacity(fit.assetKeys.count)
    for wanted in fit.assetKeys.indices {
      let index = fit.assetKeys[wanted].index
      var found = false
      for key in asset.vendorKeys where key.position == index {
        found = true
        if let value = key.value {
          assetKeys.append(AssetKey(fit.assetKeys[wanted].field.key, value))
        }
      }
      if !found {
        let field = fit.assetKeys[wanted].field
        reader.report(
          ShapeMessage.missingVendorKey(
            subject: subject(), field: field, vendor: table.displayName, provider: provider.name),
          at: asset.head)
      }
    }
    return assetKeys
  }

  static let nameKey = Array("name".utf8)

  /// An asset's valid name, read straight from the document: the scalar holding it, and
  /// the value as written (an alias, maybe) to point at.
  static func nameNode(
    _ item: YAMLNodeID, in document: YAMLDocument
  ) -> (text: YAMLNodeID, value: YAMLNodeID)? {
    let resolved = document.resolve(item)
    guard document.kind(resolved) == .mapping else { return nil }
    for pair in document.pairs(of: resolved)
    where document.text(document.resolve(pair.key), equals: nameKey) {
      let value = document.resolve(pair.value)
      guard document.kind(value) == .scalar,
        document.withTextBytes(value, { NodeReader.isName($0) })
      else { return nil }
      return (value, pair.value)
    }
    return nil
  }
}
