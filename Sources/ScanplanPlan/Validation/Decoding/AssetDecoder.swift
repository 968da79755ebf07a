import ScanplanJSON
import ScanplanVendorKit
import ScanplanYAML

/// Reads one asset's node into an `AssetDecl`. The same reading serves an asset decoded
/// as soon as it loads (`PlanStream`) and one decoded after the whole file.
struct AssetDecoder {
  var reader: NodeReader

  /// Decodes the asset at `item`, item `index` of `assets`, from `document`, which must
  /// hold the whole asset.
  static func decode(
    _ item: YAMLNodeID, index: Int, in document: YAMLDocument, file: String, format: PlanFormat
  ) -> AssetDecl {
    var decoder = AssetDecoder(
      reader: NodeReader(document: document, file: file, format: format))
    decoder.reader.deferredChoices = []
    return decoder.decode(item, index: index)
  }

  /// How messages name an asset: by its name when it has a valid one, else by place.
  static func subject(_ item: YAMLNodeID, index: Int, in document: YAMLDocument) -> String {
    PlanBuilder.nameNode(item, in: document).map { "asset `\(document.text($0.text))`" }
      ?? "asset #\(index + 1)"
  }

  mutating func decode(_ item: YAMLNodeID, index: Int) -> AssetDecl {
    let head = reader.headRange(item)
    // Built only when a message needs it: most assets have nothing to report.
    let document = reader.document
    func subject() -> String { Self.subject(item, index: index, in: document) }
    guard
      let fields = reader.object(
        item, shape: reader.format.asset, key: "assets", subject: subject(), owner: head)
    else {
      return AssetDecl(
        item: item, index: index, head: head, isMapping: false, name: nil, provider: nil,
        vendorKeys: [], tags: [], scans: [], diagnostics: reader.diagnostics,
        deferredChoices: [], secretRanges: reader.secretRanges)
    }
    let places = reader.format.places
    var name: String?
    if let entry = fields.entry(at: places.assetName) { name = reader.value(entry)?.stringValue }
    var provider: AssetDecl.Reference?
    if let entry = fields.entry(at: places.assetProvider),
      let value = reader.value(entry)?.stringValue
    {
      provider = .init(name: value, range: entry.valueRange)
    }
    var vendorKeys: [AssetDecl.VendorKey] = []
    for (position, (_, place)) in reader.format.vendorAssetFields.enumerated() {
      guard let entry = fields.entry(at: place) else { continue }
      vendorKeys.append(
        .init(position: position, keyRange: entry.keyRange, value: reader.value(entry)))
    }
    var tags: [String] = []
    if let entry = fields.entry(at: places.assetTags),
      let items = reader.list(entry, minCount: 0, nullIsEmpty: true)
    {
      for item in items {
        if let tag = reader.value(item, kind: .name, key: "tags", environment: false)?.stringValue {
          tags.append(tag)
        }
      }
    }
    var scans: [AssetDecl.Scan] = []
    if let entry = fields.entry(at: places.assetScans) {
      scans = decodeScans(entry, assetSubject: subject)
    }
    return AssetDecl(
      item: item, index: index, head: head, isMapping: true, name: name, provider: provider,
      vendorKeys: vendorKeys, tags: tags, scans: scans, diagnostics: reader.diagnostics,
      deferredChoices: reader.deferredChoices ?? [], secretRanges: reader.secretRanges)
  }

  /// The scans that are mappings, with their names checked for repeats in the asset.
  mutating func decodeScans(
    _ entry: NodeReader.Entry, assetSubject: () -> String
  ) -> [AssetDecl.Scan] {
    guard let items = reader.list(entry, minCount: 1) else { return [] }
    let places = reader.format.places
    var names = NameIndex()
    var scans: [AssetDecl.Scan] = []
    scans.reserveCapacity(items.count)
    for (index, item) in items.enumerated() {
      let head = reader.headRange(item)
      guard
        let fields = reader.object(
          item, shape: reader.format.scan, key: "scans",
          subject: "scan #\(index + 1) of \(assetSubject())", owner: head)
      else { continue }
      var name: String?
      if let entry = fields.entry(at: places.scanName), let value = reader.value(entry)?.stringValue
      {
        if let first = names.first(value) {
          reader.report(
            NameMessage.duplicateScan(asset: assetSubject(), name: value), at: entry.valueRange,
            notes: [.init(.firstScan(name: value), at: first)])
        } else {
          names.insert(value, at: entry.valueRange)
          name = value
        }
      }
      let profileEntry = fields.entry(at: places.scanProfile)
      let profile = profileEntry.flatMap { entry in
        reader.value(entry)?.stringValue.map {
          AssetDecl.Reference(name: $0, range: entry.valueRange)
        }
      }
      scans.append(
        AssetDecl.Scan(
          index: index, head: head, name: name, hasProfile: profileEntry != nil,
          profile: profile, own: reader.settings(fields)))
    }
    return scans
  }
}
