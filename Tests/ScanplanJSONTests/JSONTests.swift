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

  @Test func deepNestingIsAnErrorNotACrash() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(throws: JSONParser.ParseError.self) { try JSONParser().parse(deep) }
  }

  @Test func controlCharactersAreEscapedOnOutput() {
    #expect(JSONWriter.compact("a\u{01}b\tc") == #""a\u0001b\tc""#)
  }
}
