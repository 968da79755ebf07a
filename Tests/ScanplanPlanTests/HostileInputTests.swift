import ScanplanPlan
import ScanplanRendering
import ScanplanVendors
import ScanplanYAML
import Testing

/// Hostile plans: each must end with a clear diagnostic, and the work it can cause is
/// bounded by the format's limits (10 MiB, 64 levels, 10,000 alias-expanded nodes, 500
/// diagnostics). None of these may crash, hang or echo a megabyte back.
struct HostileCase: CustomTestStringConvertible, Sendable {
  let name: String
  let bytes: @Sendable () -> [UInt8]
  let expected: String
  var testDescription: String { name }

  static let header = "version: 1\nproviders:\n  s4e: { type: s4e, token: \"${S4E_API_TOKEN}\" }\n"
  static let asset =
    "assets:\n  - { name: web, provider: s4e, asset_id: a1b2c3d4-e5f6-7890-abcd-ef1234567890, scans: [{ scan_type: quick }] }\n"

  static func text(_ text: String) -> @Sendable () -> [UInt8] { { Array(text.utf8) } }

  static let all: [HostileCase] = [
    HostileCase(
      name: "billion laughs", bytes: text(laughs(levels: 9, prefix: "x-")), expected: "Y006"),
    HostileCase(
      name: "alias chain growing by one", bytes: text(aliasChain(5000)), expected: "Y006"),
    HostileCase(
      name: "alias bomb through merge keys",
      bytes: text(
        "x-a: &a {k0: 0, k1: 1, k2: 2, k3: 3, k4: 4, k5: 5, k6: 6, k7: 7, k8: 8, k9: 9}\n"
          + (1..<2000).map { "x-m\($0): {<<: *a}" }.joined(separator: "\n")),
      expected: "Y006"),
    HostileCase(
      name: "100,000-deep flow sequence",
      bytes: { Array(repeating: UInt8(ascii: "["), count: 100_000) }, expected: "Y005"),
    HostileCase(
      name: "100,000-deep flow mapping",
      bytes: { Array(String(repeating: "{a: ", count: 100_000).utf8) }, expected: "Y005"),
    HostileCase(
      name: "100,000-deep block sequence",
      bytes: { Array(String(repeating: "- ", count: 100_000).utf8) + Array("x\n".utf8) },
      expected: "Y005"),
    HostileCase(
      name: "a 50 MB file", bytes: { Array(repeating: UInt8(ascii: "#"), count: 50 * 1024 * 1024) },
      expected: "Y007"),
    HostileCase(
      name: "an overlong UTF-8 encoding", bytes: { Array("x-a: ".utf8) + [0xC0, 0x80] },
      expected: "Y002"),
    HostileCase(
      name: "a lone continuation byte", bytes: { Array("x-a: ".utf8) + [0x80] }, expected: "Y002"),
    HostileCase(
      name: "a sequence cut at the end", bytes: { Array("x-a: ".utf8) + [0xE2, 0x82] },
      expected: "Y002"),
    HostileCase(
      name: "an encoded surrogate", bytes: { Array("x-a: ".utf8) + [0xED, 0xA0, 0x80] },
      expected: "Y002"),
    HostileCase(
      name: "past U+10FFFF", bytes: { Array("x-a: ".utf8) + [0xF4, 0x90, 0x80, 0x80] },
      expected: "Y002"),
    HostileCase(name: "a NUL byte", bytes: { Array("version: 1\0\n".utf8) }, expected: "Y003"),
    HostileCase(
      name: "a UTF-32 byte-order mark", bytes: { [0x00, 0x00, 0xFE, 0xFF, 0, 0, 0, 0x61] },
      expected: "Y002"),
    HostileCase(
      name: "tabs in indentation", bytes: text(header + "\tassets: []\n"), expected: "Y001"),
    HostileCase(
      name: "a 1 MB value where a UUID belongs",
      bytes: text(
        header + "assets:\n  - { name: web, provider: s4e, asset_id: "
          + String(repeating: "a", count: 1 << 20) + ", scans: [{ scan_type: quick }] }\n"),
      expected: "P109"),
    // libyaml allows implicit keys of at most 1,024 characters.
    HostileCase(
      name: "a 1 MB implicit key",
      bytes: text(header + asset + String(repeating: "k", count: 1 << 20) + ": 1\n"),
      expected: "Y001"),
    HostileCase(
      name: "a 1 MB explicit key",
      bytes: text(header + asset + "? " + String(repeating: "k", count: 1 << 20) + "\n: 1\n"),
      expected: "P101"),
    HostileCase(
      name: "a 1 MB literal token",
      bytes: text(
        "version: 1\nproviders:\n  s4e: { type: s4e, token: "
          + String(repeating: "s", count: 1 << 20) + " }\n" + asset),
      expected: "S401"),
    HostileCase(
      name: "an integer past Int64",
      bytes: text(
        header.replacing(
          "token", with: "requests_per_second: 123456789012345678901234567890, token") + asset),
      expected: "P106"),
    HostileCase(
      name: "a negative duration",
      bytes: text(header.replacing("}", with: ", poll: { timeout: -5m } }") + asset),
      expected: "P108"),
    HostileCase(
      name: "a look-alike provider name",
      bytes: text(header + asset.replacing("provider: s4e", with: "provider: s4\u{0435}")),
      expected: "P110"),
    HostileCase(
      name: "100,000 unknown keys",
      bytes: text(
        header + asset + (0..<100_000).map { "k\($0): 1" }.joined(separator: "\n") + "\n"),
      expected: "Y016"),
  ]

  static func laughs(levels: Int, prefix: String) -> String {
    var lines = ["\(prefix)a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in 1..<levels {
      let name = "a\(level)"
      let previous = level == 1 ? "a" : "a\(level - 1)"
      lines.append(
        "\(prefix)\(name): &\(name) ["
          + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func aliasChain(_ count: Int) -> String {
    var lines = ["x-0: &n0 [x]"]
    for index in 1..<count { lines.append("x-\(index): &n\(index) [*n\(index - 1)]") }
    return lines.joined(separator: "\n") + "\n"
  }
}

@Suite struct HostileInputTests {
  @Test(arguments: HostileCase.all)
  func hostileInputEndsWithAClearDiagnostic(_ hostile: HostileCase) {
    let validation = PlanValidator(registry: Vendors.registry).validate(
      SourceText(path: "hostile.yaml", bytes: hostile.bytes()))
    let codes = validation.diagnostics.map(\.code.id)
    #expect(codes.contains(hostile.expected), "\(codes.prefix(5))")
    #expect(validation.hasErrors)
    // Bounded: never more than the cap (and its closing note), never a megabyte echoed.
    #expect(validation.diagnostics.count <= PlanValidator.maxDiagnosticsPerFile + 1)
    for diagnostic in validation.diagnostics {
      #expect(diagnostic.message.utf8.count < 400)
      #expect(diagnostic.help.allSatisfy { $0.utf8.count < 400 })
    }
    let text = TextRenderer(color: false).render([validation])
    #expect(text.split(separator: "\n").allSatisfy { $0.utf8.count < 400 })
  }

  @Test func theCapSaysHowManyMoreThereAre() {
    let plan =
      HostileCase.header + HostileCase.asset + (0..<600).map { "k\($0): 1" }.joined(separator: "\n")
    let validation = PlanValidator(registry: Vendors.registry).validate(
      SourceText(path: "p.yaml", text: plan))
    #expect(validation.diagnostics.count == 501)
    #expect(validation.diagnostics.last?.message == "100 more problems are not shown")
  }

  @Test func stoppedLoadsStoreLittle() {
    // The alias bomb is stopped while its anchors are small: the loader shares nodes.
    let result = YAMLLoader().load(
      SourceText(path: "b", text: HostileCase.laughs(levels: 30, prefix: "x-")))
    #expect(result.document == nil)
    #expect(result.errors.first?.kind == .aliasExpansionLimit)
  }

  @Test func aByteOrderMarkAndMixedLineEndingsKeepPositions() throws {
    let text = "version: 1\r\nproviders:\n  s4e: { type: s4e, token: \"${T}\" }\rassets: []\r\n"
    let validation = PlanValidator(registry: Vendors.registry).validate(
      SourceText(path: "p", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8)))
    let empty = try #require(validation.diagnostics.first { $0.code == .emptyCollection })
    #expect(empty.range.start == SourcePosition(line: 4, column: 1))
  }
}
