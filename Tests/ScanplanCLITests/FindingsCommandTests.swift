import Foundation
import ScanplanJSON
import Testing

/// Findings end to end: a baseline from an earlier run's report, SARIF, and `report`
/// drawing it all again.
@Suite struct FindingsCommandTests {
  static func json(_ path: String) throws -> JSONValue {
    try JSONParser().parse(try String(contentsOfFile: path, encoding: .utf8))
  }

  static func states(_ report: JSONValue) -> Set<String> {
    Set(
      (report["scans"]?.arrayValue ?? []).flatMap { $0["findings"]?.arrayValue ?? [] }
        .compactMap { $0["baseline_state"]?.stringValue })
  }

  /// The run of the default branch fails its gate; the same findings again, against its
  /// report as the baseline, are unchanged, and the gate on new findings passes.
  @Test func aBaselineMarksEveryFindingAndGatesOnNewOnesOnly() async throws {
    let directory = try RunCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let first = directory.appendingPathComponent("main.json").path
    let second = directory.appendingPathComponent("pr.json").path
    let sarif = directory.appendingPathComponent("pr.sarif").path
    let red = try await CLI.run([
      "run", "--sandbox", "examples/multi-vendor.yaml", "--report", first,
    ])
    try #require(red.status == 1, "\(red.stdout)\(red.stderr)")
    #expect(red.stdout.contains("    critical: SQL injection at https://"))
    let green = try await CLI.run([
      "run", "--sandbox", "examples/multi-vendor.yaml", "--baseline", first, "--report", second,
      "--sarif", sarif,
    ])
    #expect(green.status == 0, "\(green.stdout)\(green.stderr)")
    #expect(green.stdout.contains(" findings (0 new)"))
    let report = try Self.json(second)
    #expect(report["baseline"] == .string(first))
    #expect(Self.states(report) == ["unchanged"])
    let log = try Self.json(sarif)
    let results = try #require(log["runs"]?.arrayValue?.first?["results"]?.arrayValue)
    #expect(!results.isEmpty)
    #expect(results.allSatisfy { $0["baselineState"] == "unchanged" })
    #expect(
      results.allSatisfy {
        $0["locations"]?.arrayValue?.first?["physicalLocation"]?["artifactLocation"]?["uri"]
          == "examples/multi-vendor.yaml"
      })
  }

  @Test(arguments: [
    ("no/such.json", "--baseline: cannot read no/such.json"),
    (
      "examples/quickstart.yaml",
      "--baseline: examples/quickstart.yaml is not a scanplan run report"
    ),
  ])
  func aBaselineThatIsNoReportStopsTheRunBeforeAnythingIsSent(_ file: String, _ message: String)
    async throws
  {
    let result = try await CLI.run([
      "run", "--sandbox", "examples/quickstart.yaml", "--baseline", file,
    ])
    #expect(result.status == 64)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(!result.stdout.contains("triggered scan"))
  }

  /// `scanplan report` draws every output again, with a baseline's states and the gates
  /// judged on new findings.
  @Test func reportRedrawsEveryOutputWithABaseline() async throws {
    let directory = try RunCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let first = directory.appendingPathComponent("main.json").path
    let again = directory.appendingPathComponent("again.json").path
    let sarif = directory.appendingPathComponent("again.sarif").path
    let junit = directory.appendingPathComponent("again.xml").path
    let page = directory.appendingPathComponent("again.html").path
    let run = try await CLI.run([
      "run", "--sandbox", "examples/multi-vendor.yaml", "--report", first,
    ])
    try #require(run.status == 1)
    let drawn = try await CLI.run([
      "report", first, "--baseline", first, "--report", again, "--sarif", sarif, "--junit", junit,
      "--html", page,
    ])
    #expect(drawn.status == 0, "\(drawn.stderr)")
    let report = try Self.json(again)
    #expect(Self.states(report) == ["unchanged"])
    #expect(report["exit_code"] == 0)
    let gates = (report["scans"]?.arrayValue ?? []).compactMap { $0["gate"]?["verdict"] }
    #expect(!gates.isEmpty && gates.allSatisfy { $0 == "passed" })
    #expect(
      try String(contentsOfFile: sarif, encoding: .utf8).contains(
        "\"baselineState\": \"unchanged\""))
    #expect(try String(contentsOfFile: junit, encoding: .utf8).contains("failures=\"0\""))
    #expect(try String(contentsOfFile: page, encoding: .utf8).contains("state-unchanged"))
    // Without a baseline, the first run's gate failure lists what tripped it.
    let plain = try await CLI.run(["report", first, "--junit", junit])
    #expect(plain.status == 0)
    let xml = try String(contentsOfFile: junit, encoding: .utf8)
    #expect(xml.contains("type=\"gate\">\ncritical: SQL injection at https://"))
  }
}
