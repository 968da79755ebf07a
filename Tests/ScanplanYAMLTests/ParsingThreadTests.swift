import ScanplanYAML
import Testing

/// Large inputs, so that libyaml's events cross many batches and the batch ring wraps
/// several times; every `load` here runs both with and without the parsing thread.
@Suite struct ParsingThreadTests {
  /// About 60,000 events.
  static let large: String = {
    var text = "root:\n"
    for index in 0..<6000 {
      text += "  - { name: n\(index), list: [\(index), b, c], quoted: \"q\(index)\" }\n"
    }
    return text
  }()

  @Test func aLargeDocumentLoadsTheSameBothWays() throws {
    let result = load(Self.large)
    #expect(result.errors.isEmpty)
    let document = try #require(result.document)
    let root = try #require(value(document, document.root, "root"))
    #expect(document.items(of: root).count == 6000)
    let last = try #require(document.items(of: root).last)
    #expect(document[try #require(value(document, last, "quoted"))].text == "q5999")
  }

  @Test func aSyntaxErrorAfterManyBatchesIsReportedAtItsPlace() throws {
    let result = load(Self.large + "  - [unclosed\nnext: 1\n")
    #expect(result.document == nil)
    let error = try #require(result.errors.last)
    #expect(error.kind == .syntax)
    #expect(error.range.start.line == 6003)
  }

  @Test func deepNestingAfterManyBatchesStopsAtTheLimit() throws {
    let deep = String(repeating: "[", count: 100_000)
    let result = load(Self.large + "deep: " + deep)
    #expect(result.document == nil)
    let error = try #require(result.errors.first)
    #expect(error.kind == .nestingTooDeep)
    #expect(error.range.start.line == 6002)
  }

  @Test func aSecondDocumentStopsLoadingWhileTheParserIsAhead() throws {
    let result = load(Self.large + "---\n" + Self.large)
    #expect(result.document == nil)
    #expect(result.errors.map(\.kind) == [.multipleDocuments])
  }

  @Test func duplicateKeysFarApartAreFoundBothWays() throws {
    let result = load(Self.large + "root: again\n")
    #expect(result.errors.map(\.kind) == [.duplicateKey])
    #expect(result.errors.first?.range.start.line == 6002)
  }
}

/// A watcher that records what it is told.
final class RecordingWatcher: YAMLItemWatcher {
  let rootKey: String
  let keepsSnapshots: Bool
  var before: [String] = []
  var items: [String] = []
  var kept: [YAMLDocument] = []

  init(rootKey: String = "assets", keepsSnapshots: Bool = false) {
    self.rootKey = rootKey
    self.keepsSnapshots = keepsSnapshots
  }

  func listOpened(
    key: YAMLNodeID, pairs: [(key: YAMLNodeID, value: YAMLNodeID)], in document: YAMLDocument
  ) {
    before = pairs.map { document[document.resolve($0.key)].text }
  }

  func itemCompleted(_ item: YAMLNodeID, in document: YAMLDocument) {
    let node = document[document.resolve(item)]
    items.append("\(node.kind) \(node.range.start.line)")
    if keepsSnapshots { kept.append(document) }
  }
}

@Suite struct ItemWatcherTests {
  static let text = """
    version: 1
    base: &base { a: 1 }
    assets:
      - plain
      - { name: x }
      - [1, 2]
      - *base
      - name: y
        nested: { deep: [1, 2, 3] }
    after: 2

    """

  @Test(arguments: [0, Int.max])
  func itemsArriveInOrderAsTheyComplete(threshold: Int) throws {
    let watcher = RecordingWatcher()
    let result = YAMLLoader(concurrentParsingThreshold: threshold).load(
      SourceText(path: "t.yaml", text: Self.text), watcher: watcher)
    #expect(result.errors.isEmpty)
    #expect(watcher.before == ["version", "base"])
    #expect(
      watcher.items == ["scalar 4", "mapping 5", "sequence 6", "mapping 2", "mapping 8"])
  }

  @Test func onlyTheRootKeyIsWatched() {
    let watcher = RecordingWatcher()
    _ = YAMLLoader().load(
      SourceText(path: "t.yaml", text: "nested:\n  assets: [a, b]\nassets: x\n"), watcher: watcher)
    #expect(watcher.items.isEmpty)
  }

  @Test func aWatcherThatKeepsSnapshotsIsToldNoMore() {
    // Keeping one would make every later append copy the whole document.
    let watcher = RecordingWatcher(keepsSnapshots: true)
    _ = YAMLLoader().load(SourceText(path: "t.yaml", text: Self.text), watcher: watcher)
    #expect(watcher.items == ["scalar 4"])
  }

  @Test func snapshotsHoldEverythingLoadedSoFar() throws {
    final class Checker: YAMLItemWatcher {
      let rootKey = "assets"
      var names: [String] = []
      func listOpened(
        key: YAMLNodeID, pairs: [(key: YAMLNodeID, value: YAMLNodeID)], in document: YAMLDocument
      ) {}
      func itemCompleted(_ item: YAMLNodeID, in document: YAMLDocument) {
        for pair in document.pairs(of: document.resolve(item))
        where document[pair.key].text == "name" {
          names.append(document[document.resolve(pair.value)].text)
        }
      }
    }
    let checker = Checker()
    var text = "anchors: { shared: &s shared-name }\nassets:\n"
    for index in 0..<3000 { text += "  - { name: n\(index) }\n" }
    text += "  - { name: *s }\n"
    let result = YAMLLoader(concurrentParsingThreshold: 0).load(
      SourceText(path: "t.yaml", text: text), watcher: checker)
    #expect(result.errors.isEmpty)
    #expect(checker.names.count == 3001)
    #expect(checker.names.first == "n0")
    #expect(checker.names.last == "shared-name")
  }
}
