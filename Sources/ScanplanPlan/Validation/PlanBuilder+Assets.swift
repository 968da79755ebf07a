import ScanplanJSON
import ScanplanVendorKit
import ScanplanVendors
import ScanplanYAML

extension PlanBuilder {
  // MARK: Assets

  mutating func readAssets(_ entry: NodeReader.Entry) {
    guard let items = reader.list(entry, minCount: 1) else { return }
    assetNames = TextIndex(capacity: items.count)
    for item in items { readAsset(item) }
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

  /// Checks one asset, the next in plan order, and resolves its scans.
  mutating func readAsset(_ item: YAMLNodeID) {
    let index = assetsRead
    assetsRead += 1
    let isDuplicate = isDuplicateName(item)
    let head = reader.headRange(item)
    // Built only when a message needs it: most assets have nothing to report.
    let document = self.document
    func subject() -> String {
      Self.peekName(item, in: document).map { "asset `\($0)`" } ?? "asset #\(index + 1)"
    }
    guard
      let fields = reader.object(
        item, shape: PlanShapes.asset, key: "assets", subject: subject(), owner: head)
    else { return }
    var assetName: String?
    if let entry = fields["name"], let name = reader.value(entry)?.stringValue, !isDuplicate {
      assetName = name
    }
    var provider: ProviderDecl?
    if let entry = fields["provider"], let name = reader.value(entry)?.stringValue {
      provider = providers[name]
      if provider == nil {
        reader.report(
          NameMessage.unknownProvider(name: name, defined: providerOrder), at: entry.valueRange)
      }
    }
    let type = provider?.type
    var assetKeys: [AssetKey] = []
    for table in Vendors.tables {
      for field in table.assetFields {
        if let entry = fields[field.key] {
          let value = reader.value(entry)
          if let type, let provider, !field.accepts(type) {
            reader.report(
              VendorFitMessage.assetKeyOfOtherVendor(
                field: field, provider: provider.name, type: type), at: entry.keyRange)
          } else if let value {
            assetKeys.append(AssetKey(field.key, value))
          }
        } else if let type, table.type == type, let provider {
          reader.report(
            ShapeMessage.missingVendorKey(
              subject: subject(), field: field, vendor: table.displayName, provider: provider.name),
            at: head)
        }
      }
    }
    var tags: [String] = []
    if let entry = fields["tags"], let items = reader.list(entry, minCount: 0, nullIsEmpty: true) {
      for item in items {
        if let tag = reader.value(item, kind: .name, key: "tags", environment: false)?.stringValue {
          tags.append(tag)
        }
      }
    }
    if let entry = fields["scans"] {
      readScans(
        entry, asset: assetName, subject: subject, provider: provider, assetKeys: assetKeys,
        tags: tags)
    }
  }

  /// An asset's name, if it has a readable one, to name it in messages before it is read.
  static func peekName(_ item: YAMLNodeID, in document: YAMLDocument) -> String? {
    nameNode(item, in: document).map { document.text($0.text) }
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
