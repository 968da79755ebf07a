import ScanplanPlan
import ScanplanVendors
import ScanplanYAML
import Testing

/// A bad plan and the diagnostics it must produce: its `# expect: CODE LINE:COL` header
/// lines list every diagnostic, in order. The files under Fixtures/invalid are the table.
struct Fixture: CustomTestStringConvertible, Sendable {
  let name: String
  let bytes: [UInt8]
  let expected: [Expectation]

  struct Expectation: Equatable, Sendable, CustomStringConvertible {
    let code: String
    let line: Int
    let column: Int
    var description: String { "\(code) \(line):\(column)" }
  }

  var testDescription: String { name }

  static let directory = String(#filePath.dropLast("FixtureTests.swift".count)) + "Fixtures/invalid"

  static func all() -> [Fixture] {
    listDirectory(directory).filter { $0.hasSuffix(".yaml") }.sorted().map { file in
      let bytes = readFile(directory + "/" + file)
      return Fixture(
        name: String(file.dropLast(5)), bytes: bytes, expected: expectations(in: bytes))
    }
  }

  /// Reads the header lines; the bytes around them may be anything (BOMs, invalid UTF-8).
  static func expectations(in bytes: [UInt8]) -> [Expectation] {
    let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
    var result: [Expectation] = []
    for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
      // A byte-order mark may come before the first header line.
      let marker = "# expect: "
      guard let start = line.firstIndex(of: "#"), line[start...].hasPrefix(marker) else { continue }
      let fields = line[line.index(start, offsetBy: marker.count)...].split(separator: " ")
      let position = fields[1].split(separator: ":").map { Int($0)! }
      result.append(Expectation(code: String(fields[0]), line: position[0], column: position[1]))
    }
    return result
  }
}

@Suite struct FixtureTests {
  @Test(arguments: Fixture.all())
  func invalidPlanProducesExactlyItsDiagnostics(_ fixture: Fixture) {
    let validation = PlanValidator(registry: Vendors.registry).validate(
      SourceText(path: fixture.name, bytes: fixture.bytes))
    let actual = validation.diagnostics.map {
      Fixture.Expectation(
        code: $0.code.id, line: $0.range.start.line, column: $0.range.start.column)
    }
    #expect(actual == fixture.expected, "\(validation.diagnostics.map(\.message))")
  }

  @Test func theTableCoversEveryFamilyWithAtLeastSixtyInputs() {
    let fixtures = Fixture.all()
    #expect(fixtures.count >= 60)
    let codes = Set(fixtures.flatMap(\.expected).map(\.code))
    // Every diagnostic code but the ones only the file system can cause has a fixture.
    // Y007 (a file over 10 MiB), Y015 (an unreadable file) and Y016 (over 500 problems)
    // are covered by HostileInputTests and the CLI tests instead of files here.
    let untestable: Set<String> = ["Y007", "Y015", "Y016"]
    let missing = DiagnosticCode.all.map(\.id).filter {
      !codes.contains($0) && !untestable.contains($0)
    }
    #expect(missing.isEmpty, "codes without a fixture: \(missing)")
  }
}
