import ScanplanJSON
import Testing

@Suite struct JSONTests {
  @Test func roundTripsKeepingKeyOrder() throws {
    let text = #"{"b":1,"a":[true,false,null,-2.5,"x\"\n\u00e9\ud83d\ude00"],"c":{}}"#
    let value = try JSONParser().parse(text)
    #expect(value.objectValue?.keys == ["b", "a", "c"])
    #expect(value["a"]?.arrayValue?[4] == "x\"\né😀")
    #expect(JSONWriter.compact(value) == #"{"b":1,"a":[true,false,null,-2.5,"x\"\né😀"],"c":{}}"#)
  }

  @Test func prettyPrintsWithTwoSpaces() {
    #expect(
      JSONWriter.pretty(.object(["a": ["x", 2], "b": .object([:])]))
        == "{\n  \"a\": [\n    \"x\",\n    2\n  ],\n  \"b\": {}\n}\n")
  }

  @Test func aListOfNumbersStaysOnOneLine() {
    #expect(
      JSONWriter.pretty(.object(["polls": [1, 2.5, -3], "none": []]))
        == "{\n  \"polls\": [1, 2.5, -3],\n  \"none\": []\n}\n")
  }

  /// A list written item by item reads exactly as the whole value written at once.
  @Test(arguments: [0, 1, 3])
  func aListWrittenItemByItemIsTheSameText(_ count: Int) {
    let items: [JSONValue] = (0..<count).map { index in
      index % 2 == 0
        ? .object(["id": .int(index), "findings": [.object(["check": "x", "n": 1])], "e": []])
        : .object(["flat": .string("\(index)"), "n": .double(0.5)])
    }
    let head: JSONObject = ["version": 1, "summary": .object(["completed": 2]), "polls": [1, 2]]
    var whole = head
    whole["scans"] = .array(items)
    #expect(
      JSONWriter.pretty(head, endingWith: "scans", count: count) { items[$0] }
        == JSONWriter.pretty(.object(whole)))
    #expect(
      JSONWriter.pretty([:], endingWith: "scans", count: count) { items[$0] }
        == JSONWriter.pretty(.object(["scans": .array(items)])))
  }

  @Test func wholeDoublesPrintAsIntegers() {
    #expect(JSONWriter.compact(.double(2)) == "2")
    #expect(JSONWriter.compact(.double(0.5)) == "0.5")
  }

  @Test(arguments: [
    "", "{", "[1,]", "{\"a\" 1}", "01", "1.", "\"\u{01}\"", "tru", "[1] 2", "\"\\x\"",
  ])
  func rejectsMalformedDocuments(_ text: String) {
    #expect(throws: JSONParser.ParseError.self) { try JSONParser().parse(text) }
  }

  /// Strings with and without escapes, and bytes that are no UTF-8, read as text.
  @Test(arguments: [
    (Array(#""plain text""#.utf8), "plain text"),
    (Array(#""""#.utf8), ""),
    (Array(#""a\\b\/c\"d""#.utf8), "a\\b/c\"d"),
    (Array(#""\b\f\n\r\t""#.utf8), "\u{08}\u{0C}\n\r\t"),
    (Array(#""é\u00e9\ud83d\ude00😀""#.utf8), "éé😀😀"),
    // A lone surrogate, and bytes that are no UTF-8, become U+FFFD.
    (Array(#""\ud800x""#.utf8), "\u{FFFD}x"),
    ([0x22, 0x61, 0xFF, 0x62, 0x22], "a\u{FFFD}b"),
    ([0x22, 0xE2, 0x82, 0x5C, 0x6E, 0xAC, 0x22], "\u{FFFD}\n\u{FFFD}"),
  ])
  func stringsReadAsText(_ bytes: [UInt8], _ text: String) throws {
    #expect(try JSONParser().parse(bytes) == .string(text))
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(throws: JSONParser.ParseError.self) { try JSONParser().parse(deep) }
  }

  @Test func controlCharactersAreEscapedOnOutput() {
    #expect(JSONWriter.compact("a\u{01}b\tc") == #""a\u0001b\tc""#)
  }
}
