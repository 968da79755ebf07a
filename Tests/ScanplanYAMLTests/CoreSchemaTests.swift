import ScanplanYAML
import Testing

@Suite struct CoreSchemaTests {
  static let cases: [(String, YAMLScalar)] = [
    ("", .null), ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null),
    ("nULL", .string("nULL")),
    ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)), ("false", .bool(false)),
    ("yes", .string("yes")), ("no", .string("no")), ("on", .string("on")), ("off", .string("off")),
    ("0", .int(0)), ("-17", .int(-17)), ("+5", .int(5)), ("007", .int(7)),
    ("0o17", .int(15)), ("0x1F", .int(31)), ("0x", .string("0x")), ("0o8", .string("0o8")),
    ("9223372036854775807", .int(Int.max)), ("-9223372036854775808", .int(Int.min)),
    ("9223372036854775808", .integerOverflow), ("0xFFFFFFFFFFFFFFFFFF", .integerOverflow),
    ("1.5", .float(1.5)), (".5", .float(0.5)), ("1.", .float(1)), ("1e3", .float(1000)),
    ("-2.5E-1", .float(-0.25)), (".inf", .float(.infinity)), ("-.Inf", .float(-.infinity)),
    (".", .string(".")), ("1e", .string("1e")), ("1_000", .string("1_000")),
    ("15m", .string("15m")), ("1:30", .string("1:30")), ("a1b2", .string("a1b2")),
  ]

  @Test(arguments: cases)
  func plainScalarsResolve(_ text: String, _ expected: YAMLScalar) throws {
    let result = YAMLLoader().load(SourceText(path: "t", text: "k: \(text)\n"))
    let document = try #require(result.document)
    let value = document.pairs(of: document.root)[0].value
    #expect(document[value].scalar == expected)
  }

  @Test func nanResolvesToAFloat() throws {
    let document = try #require(YAMLLoader().load(SourceText(path: "t", text: "k: .nan")).document)
    guard case .float(let value) = document[document.pairs(of: document.root)[0].value].scalar
    else {
      Issue.record("not a float")
      return
    }
    #expect(value.isNaN)
  }

  @Test func quotedScalarsAreStrings() throws {
    let document = try #require(
      YAMLLoader().load(SourceText(path: "t", text: "a: 'true'\nb: \"5\"\nc: |\n  7\n")).document)
    let values = document.pairs(of: document.root).map { document[$0.value].scalar }
    #expect(values == [.string("true"), .string("5"), .string("7\n")])
  }
}
