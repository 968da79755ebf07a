import ScanplanYAML
import Testing

/// Loads text and returns the result, for brevity.
func load(_ text: String, limits: YAMLLimits = .plan) -> YAMLLoadResult {
  load(bytes: Array(text.utf8), limits: limits)
}

/// Loads raw bytes with libyaml on the calling thread and again on a thread of its own,
/// and expects the same outcome; every loader test so runs both ways.
func load(bytes: [UInt8], limits: YAMLLimits = .plan) -> YAMLLoadResult {
  let source = SourceText(path: "t.yaml", bytes: bytes)
  let alone = YAMLLoader(limits: limits, concurrentParsingThreshold: .max).load(source)
  let threaded = YAMLLoader(limits: limits, concurrentParsingThreshold: 0).load(source)
  #expect(alone.errors == threaded.errors)
  #expect(alone.document.map(dump) == threaded.document.map(dump))
  return alone
}

/// Every node reachable from the root with its range, style, tag and text; an alias
/// shows where its target is.
func dump(_ document: YAMLDocument) -> String {
  var lines: [String] = []
  func visit(_ id: YAMLNodeID, _ indent: String) {
    let node = document[id]
    var line = "\(indent)\(node.kind) \(node.range) \(node.style) \(node.tag) \(node.text)"
    if node.kind == .alias { line += " -> \(document[document.resolve(id)].range)" }
    lines.append(line)
    for item in document.items(of: id) { visit(item, indent + "  ") }
    for pair in document.pairs(of: id) {
      visit(pair.key, indent + "  ")
      visit(pair.value, indent + "    ")
    }
  }
  visit(document.root, "")
  return lines.joined(separator: "\n")
}

/// The value node for `key` in a mapping, following aliases.
func value(_ document: YAMLDocument, _ mapping: YAMLNodeID, _ key: String) -> YAMLNodeID? {
  let pairs = document.pairs(of: document.resolve(mapping))
  for pair in pairs where document[document.resolve(pair.key)].text == key {
    return document.resolve(pair.value)
  }
  return nil
}

func pos(_ line: Int, _ column: Int) -> SourcePosition {
  SourcePosition(line: line, column: column)
}

@Suite struct LoaderTests {
  @Test func keysAndValuesKeepTheirRanges() throws {
    let result = load("version: 1\nproviders:\n  s4e:\n    type: \"s4e\"\n")
    #expect(result.errors.isEmpty)
    let document = try #require(result.document)
    let pairs = document.pairs(of: document.root)
    #expect(pairs.count == 2)
    #expect(document[pairs[0].key].range == SourceRange(start: pos(1, 1), end: pos(1, 8)))
    #expect(document[pairs[0].value].range == SourceRange(start: pos(1, 10), end: pos(1, 11)))
    let providers = try #require(value(document, document.root, "providers"))
    let s4e = try #require(value(document, providers, "s4e"))
    let type = try #require(value(document, s4e, "type"))
    #expect(document[type].range == SourceRange(start: pos(4, 11), end: pos(4, 16)))
    #expect(document[type].style == .doubleQuoted)
    #expect(document[type].scalar == .string("s4e"))
  }

  @Test func duplicateKeyPointsAtTheSecondWithANoteAtTheFirst() throws {
    let result = load("a: 1\nb: 2\na: 3\n")
    #expect(result.errors.count == 1)
    let error = try #require(result.errors.first)
    #expect(error.kind == .duplicateKey)
    #expect(error.range.start == pos(3, 1))
    #expect(error.notes.first?.range.start == pos(1, 1))
    // Loading goes on with the first value kept.
    let document = try #require(result.document)
    #expect(document[try #require(value(document, document.root, "a"))].scalar == .int(1))
  }

  @Test func duplicateKeysInLargeMappingsAreFoundToo() throws {
    var text = (0..<20).map { "k\($0): \($0)" }.joined(separator: "\n")
    text += "\nk7: again\n"
    let result = load(text)
    #expect(result.errors.map(\.kind) == [.duplicateKey])
    #expect(result.errors.first?.range.start == pos(21, 1))
  }

  @Test func aliasesShareTheAnchoredNode() throws {
    let result = load("a: &x {k: v}\nb: *x\n")
    let document = try #require(result.document)
    let pairs = document.pairs(of: document.root)
    #expect(document[pairs[1].value].kind == .alias)
    #expect(document[pairs[1].value].range.start == pos(2, 4))
    #expect(document.resolve(pairs[1].value) == document.resolve(pairs[0].value))
  }

  @Test func mergeKeysApplyWithOwnKeysWinning() throws {
    let text = """
      base: &base {a: 1, b: 2}
      other: &other {b: 3, c: 4}
      single:
        <<: *base
        a: 10
      list:
        <<: [*base, *other]
        d: 5
      """
    let result = load(text)
    #expect(result.errors.isEmpty)
    let document = try #require(result.document)
    let single = try #require(value(document, document.root, "single"))
    #expect(document[try #require(value(document, single, "a"))].scalar == .int(10))
    #expect(document[try #require(value(document, single, "b"))].scalar == .int(2))
    let list = try #require(value(document, document.root, "list"))
    let keys = document.pairs(of: list).map { document[$0.key].text }
    #expect(keys == ["d", "a", "b", "c"])
    // The earlier merged mapping wins: b comes from base.
    #expect(document[try #require(value(document, list, "b"))].scalar == .int(2))
    // A merged key keeps its own range, at the anchor.
    let mergedB = document.pairs(of: list).first { document[$0.key].text == "b" }!
    #expect(document[mergedB.key].range.start == pos(1, 20))
  }

  @Test func aMergeOfAScalarIsAnError() {
    let result = load("a: &s text\nb:\n  <<: *s\n")
    #expect(result.errors.map(\.kind) == [.invalidMerge])
  }

  @Test func nestingStopsAtTheLimit() throws {
    let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
    #expect(load(ok).errors.isEmpty)
    let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
    let error = try #require(load(deep).errors.first)
    #expect(error.kind == .nestingTooDeep)
    #expect(error.range.start == pos(1, 65))
  }

  @Test func aHundredThousandOpenBracketsStopEarly() throws {
    let result = load(String(repeating: "[", count: 100_000))
    #expect(result.document == nil)
    #expect(result.errors.first?.kind == .nestingTooDeep)
  }

  @Test func aliasBombsStopAtTheExpansionLimit() throws {
    var lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for level in 1..<9 {
      let previous = String(UnicodeScalar(UInt8(ascii: "a") + UInt8(level - 1)))
      let name = String(UnicodeScalar(UInt8(ascii: "a") + UInt8(level)))
      let items = Array(repeating: "*\(previous)", count: 10).joined(separator: ", ")
      lines.append("\(name): &\(name) [\(items)]")
    }
    let result = load(lines.joined(separator: "\n"))
    #expect(result.document == nil)
    let error = try #require(result.errors.first)
    #expect(error.kind == .aliasExpansionLimit)
    #expect(error.range.start.line == 4)  // 110 + 1,110 + 8 x 1,111 passes 10,000
  }

  @Test func undefinedAndRecursiveAliases() {
    #expect(load("a: *nope\n").errors.map(\.kind) == [.undefinedAlias])
    #expect(load("a: &x [*x]\n").errors.map(\.kind) == [.recursiveAlias])
  }

  @Test func fileSizeLimit() throws {
    let limits = YAMLLimits(maxDepth: 64, maxAliasExpansion: 10_000, maxBytes: 100)
    let error = try #require(load(String(repeating: "#", count: 101), limits: limits).errors.first)
    #expect(error.kind == .fileTooLarge)
    #expect(load(String(repeating: "#", count: 100), limits: limits).errors.isEmpty)
  }

  @Test func aSecondDocumentIsRejected() throws {
    let error = try #require(load("a: 1\n---\nb: 2\n").errors.first)
    #expect(error.kind == .multipleDocuments)
    #expect(error.range.start == pos(2, 1))
  }

  @Test func syntaxErrorsUseLibyamlsPositionAndText() throws {
    let error = try #require(load("a: b: c\n").errors.first)
    #expect(error.kind == .syntax)
    #expect(error.message == "mapping values are not allowed in this context")
    #expect(error.range.start == pos(1, 5))
  }

  @Test func syntaxErrorsCarryLibyamlsContext() throws {
    let error = try #require(load("a:\n  - b\n c: d\n").errors.first)
    #expect(error.kind == .syntax)
    #expect(error.notes.first?.message == "while parsing a block mapping")
  }

  @Test func invalidUTF8IsReportedAtItsByte() throws {
    let error = try #require(load(bytes: Array("a: 1\nb: x".utf8) + [0xFF, 0x0A]).errors.first)
    #expect(error.kind == .invalidEncoding)
    #expect(error.range.start == pos(2, 5))
    #expect(error.message.contains("0xFF"))
  }

  @Test func nulBytesAreRejected() throws {
    let error = try #require(load(bytes: Array("a: 1\nbb: x".utf8) + [0x00]).errors.first)
    #expect(error.kind == .invalidCharacter)
    #expect(error.message.contains("NUL"))
    #expect(error.range.start == pos(2, 6))
  }

  @Test func utf16IsRejected() {
    #expect(load(bytes: [0xFF, 0xFE, 0x61, 0x00]).errors.map(\.kind) == [.invalidEncoding])
  }

  @Test func aByteOrderMarkDoesNotShiftColumns() throws {
    let document = try #require(load(bytes: [0xEF, 0xBB, 0xBF] + Array("key: v\n".utf8)).document)
    let pair = document.pairs(of: document.root)[0]
    #expect(document[pair.key].range.start == pos(1, 1))
    #expect(document[pair.value].range.start == pos(1, 6))
  }

  @Test(arguments: ["\r\n", "\r", "\n"])
  func lineEndingsKeepPositions(_ newline: String) throws {
    let text = ["a: 1", "bb: 2", "ccc: 3"].joined(separator: newline) + newline
    let document = try #require(load(text).document)
    let third = document.pairs(of: document.root)[2]
    #expect(document[third.value].range.start == pos(3, 6))
    let source = SourceText(path: "t", text: text)
    let starts = source.lineStarts()
    #expect(
      source.line(2, lineStarts: starts).map { String(decoding: $0, as: UTF8.self) } == "bb: 2")
  }

  @Test func unsupportedTagsAreReportedAndLoadingGoesOn() throws {
    let result = load("a: !custom x\nb: !!str 5\nc: !!int \"7\"\n")
    #expect(result.errors.map(\.kind) == [.unsupportedTag])
    let document = try #require(result.document)
    #expect(document[try #require(value(document, document.root, "b"))].scalar == .string("5"))
    #expect(document[try #require(value(document, document.root, "c"))].scalar == .int(7))
  }

  @Test func complexKeysAreRejected() {
    #expect(load("? [a, b]\n: c\n").errors.map(\.kind) == [.nonScalarKey])
  }

  @Test func anEmptyFileHasANullRoot() throws {
    let document = try #require(load("# nothing\n").document)
    #expect(document[document.root].kind == .scalar)
    #expect(document[document.root].scalar == .null)
  }
}
