import ScanplanYAML
import Testing

/// What an observer is told while a document loads: each item of each list written as a
/// value of the root mapping, once, in order, complete, and nothing else.
@Suite struct ItemObserverTests {
  /// Records what it is told, reading each item from the document it is given.
  final class Recorder: YAMLItemObserver {
    var seen: [String] = []
    var kept: [YAMLDocument] = []
    let keeps: Bool

    init(keeps: Bool = false) { self.keeps = keeps }

    func itemCompleted(
      _ item: YAMLNodeID, index: Int, listKey key: YAMLNodeID, in document: YAMLDocument
    ) {
      seen.append("\(document[key].text)[\(index)] = \(Self.flat(item, in: document))")
      if keeps { kept.append(document) }
    }

    /// The item as one line: enough to see that it was complete when told.
    static func flat(_ id: YAMLNodeID, in document: YAMLDocument) -> String {
      let resolved = document.resolve(id)
      switch document.kind(resolved) {
      case .mapping:
        let pairs = document.pairs(of: resolved).map {
          "\(document[$0.key].text): \(flat($0.value, in: document))"
        }
        return "{" + pairs.joined(separator: ", ") + "}"
      case .sequence:
        return "["
          + document.items(of: resolved).map { flat($0, in: document) }
          .joined(separator: ", ") + "]"
      case .scalar, .alias:
        return document[resolved].text
      }
    }
  }

  static let text = """
    first: [a, b]
    nested: { inner: [not, told] }
    x-anchor: &shared { k: v }
    assets:
      - { name: one, scans: [x, y] }
      - *shared
      - plain
    scalar: 1
    [as, key]: ignored
    """

  @Test(arguments: [0, Int.max])
  func everyRootListItemIsToldOnceInOrderAndComplete(threshold: Int) throws {
    let recorder = Recorder()
    let result = YAMLLoader(concurrentParsingThreshold: threshold).load(
      SourceText(path: "t.yaml", text: Self.text), observer: recorder)
    #expect(result.document != nil)
    #expect(
      recorder.seen == [
        "first[0] = a", "first[1] = b",
        "assets[0] = {name: one, scans: [x, y]}", "assets[1] = {k: v}", "assets[2] = plain",
      ])
  }

  @Test func theItemIdsAreTheFinishedDocuments() throws {
    final class Ids: YAMLItemObserver {
      var items: [YAMLNodeID] = []
      func itemCompleted(
        _ item: YAMLNodeID, index: Int, listKey key: YAMLNodeID, in document: YAMLDocument
      ) { items.append(item) }
    }
    let ids = Ids()
    let result = YAMLLoader().load(SourceText(path: "t.yaml", text: Self.text), observer: ids)
    let document = try #require(result.document)
    let assets = try #require(value(document, document.root, "assets"))
    #expect(Array(document.items(of: assets)) == Array(ids.items.suffix(3)))
    #expect(ids.items == ids.items.sorted())
  }

  @Test func anObserverThatKeepsADocumentIsToldNoMoreAndTheLoadIsUnharmed() throws {
    let recorder = Recorder(keeps: true)
    let source = SourceText(path: "t.yaml", text: Self.text)
    let result = YAMLLoader().load(source, observer: recorder)
    #expect(recorder.seen == ["first[0] = a"])
    let document = try #require(result.document)
    #expect(dump(document) == dump(try #require(YAMLLoader().load(source).document)))
  }
}
