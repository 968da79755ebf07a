import Foundation
import ScanplanPlan
import ScanplanVendors
import ScanplanYAML
import Testing

/// `scanplan explain` shows each code as its fixture meets it. The examples are generated
/// from the fixtures into `DiagnosticExamples.swift`; this test fails when they drift
/// (`SCANPLAN_UPDATE_GOLDENS=1` writes them again).
@Suite struct DiagnosticExampleTests {
  static let output =
    String(
      #filePath.dropLast("Tests/ScanplanPlanTests/DiagnosticExampleTests.swift".count))
    + "Sources/ScanplanPlan/Diagnostics/DiagnosticExamples.swift"

  /// The first clean fixture that shows each code.
  static func generated() -> String {
    var examples: [String: String] = [:]
    // A fixture whose help names the fix is preferred: the example then shows it fixed;
    // best, one whose fixed lines have no other problem, so that the right example is.
    var scores: [String: Int] = [:]
    for fixture in Fixture.all() {
      guard let text = String(validating: fixture.bytes, as: UTF8.self),
        !text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" }),
        !text.hasPrefix("\u{FEFF}")
      else { continue }
      let lines = text.components(separatedBy: "\n")
      let validation = PlanValidator(registry: Vendors.registry).validate(
        SourceText(path: fixture.name, bytes: fixture.bytes))
      for diagnostic in validation.diagnostics where scores[diagnostic.code.id] != 2 {
        let number = diagnostic.range.start.line
        guard number >= 1, number <= lines.count else { continue }
        let fix = fix(for: diagnostic, in: fixture.name, lines: lines)
        let score = fix.map { problems(in: $0, lines: lines).isEmpty ? 2 : 1 } ?? 0
        if let best = scores[diagnostic.code.id], best >= score { continue }
        scores[diagnostic.code.id] = score
        let right = fix.map {
          excerpt($0.apply(to: lines), from: $0.line, through: $0.line + $0.with.count - 1)
        }
        examples[diagnostic.code.id] =
          "    \(literal(diagnostic.code.id)): DiagnosticExample(\n"
          + "      fixture: \(literal(fixture.name + ".yaml")), line: \(number),\n"
          + "      wrong: \(literal(excerpt(lines, from: number, through: number))),\n"
          + "      message: \(literal(diagnostic.message)),\n"
          + "      help: [\(diagnostic.help.map(literal).joined(separator: ", "))],\n"
          + "      right: \(right.map(literal) ?? "nil")),\n"
      }
    }
    var file = """
      // swift-format-ignore-file
      // Generated from Tests/ScanplanPlanTests/Fixtures/invalid by
      // `SCANPLAN_UPDATE_GOLDENS=1 swift test --filter DiagnosticExampleTests`; do not edit.

      extension DiagnosticExample {
        /// Each code's example, from the first fixture that shows it.
        package static let all: [String: DiagnosticExample] = [

      """
    for code in examples.keys.sorted() { file += examples[code]! }
    return file + "  ]\n}\n"
  }

  /// The fix for a diagnostic: the table's for its code and fixture, or else the flagged
  /// line as the help says to write it: `did you mean `X`?` puts X where the diagnostic
  /// points; `write `key: value`` replaces the line's content.
  static func fix(for diagnostic: Diagnostic, in fixture: String, lines: [String])
    -> DiagnosticFix?
  {
    let number = diagnostic.range.start.line
    let line = lines[number - 1]
    for help in diagnostic.help {
      if let mean = between(help, "did you mean `", "`") {
        let characters = Array(line)
        let start = diagnostic.range.start.column - 1
        let end =
          diagnostic.range.start.line == diagnostic.range.end.line
          ? diagnostic.range.end.column - 1 : characters.count
        guard start >= 0, start <= end, end <= characters.count else { return nil }
        let fixed = String(characters[..<start]) + mean + String(characters[end...])
        return DiagnosticFix(fixture, line: number, with: [fixed])
      }
      if let written = between(help, "write `", "`"), written.contains(": ") {
        let indent = line.prefix { $0 == " " || $0 == "-" }
        return DiagnosticFix(fixture, line: number, with: [indent + written])
      }
    }
    guard let fix = DiagnosticFix.byCode[diagnostic.code.id], fix.fixture == fixture else {
      return nil
    }
    return fix
  }

  /// The diagnostics of a fixture fixed that start on the lines its right example shows.
  static func problems(in fix: DiagnosticFix, lines: [String]) -> [Diagnostic] {
    let fixed = fix.apply(to: lines)
    let shown = max(1, fix.line - 2)...max(1, fix.line + fix.with.count + 1)
    return PlanValidator(registry: Vendors.registry).validate(
      SourceText(path: fix.fixture, bytes: Array(fixed.joined(separator: "\n").utf8))
    ).diagnostics.filter { shown.contains($0.range.start.line) }
  }

  /// Lines `from...through` with two on either side, numbered; the expectation headers are
  /// the test's, not the example's. `through` below `from` is a place where lines were
  /// deleted.
  static func excerpt(_ lines: [String], from: Int, through: Int) -> String {
    let window = max(1, from - 2)...max(max(1, from - 2), min(lines.count, through + 2))
    return window.filter { !lines[$0 - 1].hasPrefix("# expect:") && !lines[$0 - 1].isEmpty }
      .map { String(format: "%3d | ", $0) + lines[$0 - 1] }
      .joined(separator: "\n")
  }

  static func between(_ text: String, _ open: String, _ close: String) -> String? {
    guard let start = text.range(of: open),
      let end = text[start.upperBound...].range(of: close)
    else { return nil }
    return String(text[start.upperBound..<end.lowerBound])
  }

  static func literal(_ text: String) -> String {
    var output = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\t": output += "\\t"
      default: output.unicodeScalars.append(scalar)
      }
    }
    return output + "\""
  }

  @Test func theExamplesAreTheFixtures() throws {
    let generated = Self.generated()
    if ProcessInfo.processInfo.environment["SCANPLAN_UPDATE_GOLDENS"] == "1" {
      try generated.write(toFile: Self.output, atomically: true, encoding: .utf8)
    }
    let committed = try String(contentsOfFile: Self.output, encoding: .utf8)
    #expect(
      committed == generated,
      "run SCANPLAN_UPDATE_GOLDENS=1 swift test --filter DiagnosticExampleTests")
    // Nearly every code has one; Y007, Y015 and Y016 have no fixture.
    #expect(DiagnosticExample.all.count >= DiagnosticCode.all.count - 6)
    // Each shows the plan fixed: a new code's fixture needs a `DiagnosticFix` when its help
    // names no fix.
    let unfixed = DiagnosticExample.all.filter { $0.value.right == nil }.keys.sorted()
    #expect(unfixed.isEmpty, "\(unfixed)")
  }

  /// A right example is right: where a fixture with nothing else wrong near the fix shows
  /// the code, it is the one shown (`explain S401` once showed `rps: 2`, itself invalid).
  @Test func theRightExamplesShowNoOtherProblem() throws {
    for (code, example) in DiagnosticExample.all.sorted(by: { $0.key < $1.key }) {
      let name = String(example.fixture.dropLast(".yaml".count))
      let fixture = try #require(Fixture.all().first { $0.name == name })
      let lines = String(decoding: fixture.bytes, as: UTF8.self).components(separatedBy: "\n")
      let diagnostic = try #require(
        PlanValidator(registry: Vendors.registry).validate(
          SourceText(path: name, bytes: fixture.bytes)
        ).diagnostics.first { $0.code.id == code && $0.range.start.line == example.line })
      guard let fix = Self.fix(for: diagnostic, in: name, lines: lines) else { continue }
      let left = Self.problems(in: fix, lines: lines).map { "\($0.code.id) \($0.message)" }
      #expect(left.isEmpty || Self.noCleanFixture(for: code), "\(code): \(left)")
    }
    #expect(DiagnosticExample.all["S401"]?.right?.contains("rps") == false)
  }

  /// Whether no fixture shows `code` with a fix whose shown lines are clean.
  static func noCleanFixture(for code: String) -> Bool {
    for fixture in Fixture.all() {
      let lines = String(decoding: fixture.bytes, as: UTF8.self).components(separatedBy: "\n")
      let validation = PlanValidator(registry: Vendors.registry).validate(
        SourceText(path: fixture.name, bytes: fixture.bytes))
      for diagnostic in validation.diagnostics where diagnostic.code.id == code {
        guard let fix = fix(for: diagnostic, in: fixture.name, lines: lines) else { continue }
        if problems(in: fix, lines: lines).isEmpty { return false }
      }
    }
    return true
  }

  /// Each fix in the table is the example shown for its code, and really fixes it: the
  /// fixture fixed has fewer of the code's diagnostics.
  @Test(arguments: DiagnosticFix.byCode.keys.sorted())
  func theRightExampleIsRight(_ code: String) throws {
    let fix = try #require(DiagnosticFix.byCode[code])
    #expect(DiagnosticExample.all[code]?.fixture == fix.fixture + ".yaml")
    let fixture = try #require(Fixture.all().first { $0.name == fix.fixture })
    let lines = String(decoding: fixture.bytes, as: UTF8.self).components(separatedBy: "\n")
    func count(_ lines: [String]) -> Int {
      PlanValidator(registry: Vendors.registry).validate(
        SourceText(path: fix.fixture, bytes: Array(lines.joined(separator: "\n").utf8))
      ).diagnostics.filter { $0.code.id == code }.count
    }
    let before = count(lines)
    #expect(before > 0)
    #expect(count(fix.apply(to: lines)) < before)
  }
}
