import ScanplanVendorKit
import ScanplanYAML

/// Reads a plan while its file loads: told about the root's `assets` list and each of
/// its items as they complete (`YAMLItemObserver`), it checks each asset then, on the
/// thread that builds the tree, while libyaml parses the rest of the file on its own.
///
/// There is one way to check an asset (`AssetDecoder`, then `PlanBuilder.check`); this
/// only chooses when. An asset needs the providers and profiles it names, so it is
/// checked as it loads when `providers` is written before `assets`, and `profiles` too
/// unless the asset names no profile; otherwise it is decoded as it loads and checked at
/// the end, and so is every asset after it, because assets are checked in plan order
/// (the first of two with one name is the one the note points at). What is read early is
/// what the finished document holds: the loader keeps the first of repeated keys, and a
/// merge key never replaces a key the mapping writes, so the first `providers` written
/// before the list is the plan's `providers`.
final class PlanStream: YAMLItemObserver {
  /// What was read while the file loaded, for `PlanBuilder.build` to skip.
  struct Progress {
    /// The key of the root's `assets` list that was followed.
    var assetsKey: YAMLNodeID?
    /// The `providers` and `profiles` values read before the list, when written before
    /// it.
    var providers: YAMLNodeID?
    var profiles: YAMLNodeID?
    /// Items decoded but not checked yet, in order: from the first that needed what was
    /// not read yet, to the last that loaded.
    var pending: [AssetDecl] = []
    /// How many of the list's items, from the first, were checked or are pending.
    var seen = 0
  }

  private var builder: PlanBuilder
  /// The file's size, to size the index of asset names before the list's length is known.
  private let bytes: Int
  private static let assets = Array("assets".utf8)
  private static let providers = Array("providers".utf8)
  private static let profiles = Array("profiles".utf8)

  /// A stream for a file of `bytes` bytes.
  init(file: String, bytes: Int, format: PlanFormat, resolving: Bool) {
    builder = PlanBuilder(document: .empty, file: file, format: format, resolving: resolving)
    self.bytes = bytes
  }

  /// The builder with what was read so far, to finish on the loaded document once the
  /// loader is done with this stream. Moved out, not shared, so that finishing copies
  /// none of what it holds.
  func takeBuilder() -> PlanBuilder {
    let taken = builder
    builder = PlanBuilder(
      document: .empty, file: taken.reader.file, format: taken.format, resolving: taken.resolving)
    return taken
  }

  func listOpened(key: YAMLNodeID, earlierPairs: [YAMLPair], in document: YAMLDocument) {
    guard builder.streamed.assetsKey == nil, Self.is(key, Self.assets, document) else { return }
    // A repeated `assets` is dropped by the loader: only the first is the plan's.
    guard first(Self.assets, in: earlierPairs, document) == nil else { return }
    builder.streamed.assetsKey = key
    guard let providers = first(Self.providers, in: earlierPairs, document) else { return }
    builder.use(document)
    defer { builder.use(.empty) }
    builder.readProviders(entry("providers", providers, document))
    builder.streamed.providers = providers.value
    // Assets will be checked before the list's length is known. They take 100 to 300
    // bytes each; an index too small grows, one too large costs 8 bytes a slot.
    builder.assetNames = TextIndex(capacity: bytes / 128)
    if let profiles = first(Self.profiles, in: earlierPairs, document) {
      builder.readProfiles(entry("profiles", profiles, document))
      builder.streamed.profiles = profiles.value
    }
  }

  func itemCompleted(
    _ item: YAMLNodeID, index: Int, listKey key: YAMLNodeID, in document: YAMLDocument
  ) {
    guard key == builder.streamed.assetsKey, index == builder.streamed.seen else { return }
    builder.streamed.seen += 1
    let asset = AssetDecoder.decode(
      item, index: index, in: document, file: builder.reader.file, format: builder.format)
    let ready =
      builder.streamed.providers != nil && builder.streamed.pending.isEmpty
      && (builder.streamed.profiles != nil || !asset.scans.contains(where: \.hasProfile))
    guard ready else {
      builder.streamed.pending.append(asset)
      return
    }
    builder.use(document)
    defer { builder.use(.empty) }
    builder.check(asset)
  }

  private static func `is`(_ key: YAMLNodeID, _ text: [UInt8], _ document: YAMLDocument) -> Bool {
    document.text(document.resolve(key), equals: text)
  }

  private func first(_ text: [UInt8], in pairs: [YAMLPair], _ document: YAMLDocument)
    -> YAMLPair?
  {
    pairs.first { Self.is($0.key, text, document) }
  }

  private func entry(_ key: String, _ pair: YAMLPair, _ document: YAMLDocument)
    -> NodeReader.Entry
  {
    NodeReader.Entry(
      field: builder.format.plan.field(key)!, pair: (pair.key, pair.value), in: document)
  }
}
