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
