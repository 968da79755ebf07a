import Foundation
import ScanplanJSON
import ScanplanRendering
import ScanplanReport
import ScanplanVendorKit
import Testing

/// Findings as SARIF for code scanning: valid against the official SARIF 2.1.0 schema,
/// each result on its scan's line of the plan, and GitHub's caps kept.
@Suite struct FindingsSARIFTests {
  static let schema: JSONSchemaCheck = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/schemas/sarif-schema-2.1.0.json")
    let bytes = Array((try? Data(contentsOf: url)) ?? Data())
    return JSONSchemaCheck(root: (try? JSONParser().parse(bytes)) ?? .null)
  }()

  static func finding(
    _ index: Int, _ severity: Severity, state: BaselineState? = nil, suppressed: Bool = false
  ) -> Finding {
    Finding(
      vendorID: "v-\(index)", check: "check-\(index % 7)", name: "Check number \(index % 7)",
      severity: severity, confidence: "95", url: "https://app.example/p/\(index)?id=1",
      input: "id", status: suppressed ? "false_positive" : "open", suppressed: suppressed,
      fingerprint: String(repeating: "0", count: 32 - String(index).count) + String(index),
      baselineState: state)
  }

  static func report(_ findings: [Finding], baseline: Bool = true) -> RunReport {
    var report = RunReport(
      startedAt: "2026-12-01T10:00:00.000Z", endedAt: "2026-12-01T10:05:00.000Z", exitCode: 1,
      interrupted: false)
    var scan = RunReport.Scan(
      id: "web/deep", provider: "s4e", status: .completed, location: "plans/web.yaml:12:9")
    scan.findings = findings
    scan.gate = RunReport.Gate(
      failOn: [GateThreshold(severity: "critical", count: 1)],
      verdict: .failed(["critical: 1 >= 1"]))
    var unread = RunReport.Scan(
      id: "api/dast", provider: "inv", status: .completed, location: "plans/api.yaml:4:7")
    unread.findingsError = "the findings request was answered 500"
    report.scans = [scan, unread]
    if baseline { report.baseline = "main.json" }
    return report
  }

  @Test func theFileIsValidSARIFWithEveryFindingOnItsPlanLine() throws {
    let findings = [
      Self.finding(1, .critical, state: .new), Self.finding(2, .medium, state: .unchanged),
      Self.finding(3, .low, state: .absent), Self.finding(4, .info, state: .new, suppressed: true),
    ]
    let (text, omitted) = FindingsSARIF(toolVersion: "0.1.0").render(Self.report(findings))
    #expect(omitted == 0)
    let log = try JSONParser().parse(text)
    #expect(Self.schema.root != .null)
    #expect(Self.schema.problems(log) == [])
    // The check can fail: a level SARIF does not know, a result without a message.
    let broken = text.replacingOccurrences(of: "\"level\" : \"note\"", with: "\"level\" : \"loud\"")
      .replacingOccurrences(of: "\"level\": \"note\"", with: "\"level\": \"loud\"")
    #expect(broken != text)
    #expect(!Self.schema.problems(try JSONParser().parse(broken)).isEmpty)
    let run = try #require(log["runs"]?.arrayValue?.first)
    let results = try #require(run["results"]?.arrayValue)
    #expect(results.count == 4)
    #expect(results.map { $0["level"] } == ["error", "note", "warning", "note"])
    #expect(results.map { $0["baselineState"] } == ["new", "new", "unchanged", "absent"])
    let first = results[0]
    #expect(first["partialFingerprints"]?["scanplanFinding/v1"] == .string(findings[0].fingerprint))
    #expect(
      first["locations"]?.arrayValue?.first?["physicalLocation"]
        == .object([
          "artifactLocation": .object(["uri": "plans/web.yaml"]),
          "region": .object(["startLine": 12, "startColumn": 9]),
        ]))
    #expect(
      first["message"]?["text"]
        == "Check number 1 at https://app.example/p/1?id=1, input `id` (critical, open; scan web/deep on s4e)"
    )
    // The suppressed finding says why it is suppressed.
    #expect(results[1]["suppressions"]?.arrayValue?.first?["kind"] == "external")
    #expect(results[0]["suppressions"] == nil)
    // One rule per check.
    let rules = try #require(run["tool"]?["driver"]?["rules"]?.arrayValue)
    #expect(rules.count == 4)
    #expect(rules[0]["properties"]?["security-severity"] == "9.5")
    // Findings that could not be read are said, and the run did not succeed.
    let invocation = try #require(run["invocations"]?.arrayValue?.first)
    #expect(invocation["executionSuccessful"] == false)
    #expect(invocation["toolExecutionNotifications"]?.arrayValue?.count == 1)
    #expect(run["properties"]?["omittedResults"] == 0)
  }

  /// GitHub rejects more than 25,000 results and shows the top 5,000: the file keeps 5,000
  /// unless told more, new findings first, then the more severe.
  @Test(arguments: [(5000, 25000), (25000, 5000), (99999, 5000)])
  func thirtyThousandFindingsKeepToTheCaps(_ asked: Int, _ left: Int) throws {
    let severities = Severity.allCases
    let findings = (0..<30000).map { index in
      Self.finding(index, severities[index % 5], state: index % 3 == 0 ? .new : .unchanged)
    }
    let writer = FindingsSARIF(limit: asked, toolVersion: "0.1.0")
    let (text, omitted) = writer.render(Self.report(findings))
    #expect(omitted == left)
    let run = try #require(try JSONParser().parse(text)["runs"]?.arrayValue?.first)
    let results = try #require(run["results"]?.arrayValue)
    #expect(results.count == 30000 - left)
    #expect(run["properties"]?["omittedResults"] == .int(left))
    // New ones first, then by severity.
    let states = results.map { $0["baselineState"]?.stringValue ?? "" }
    let firstUnchanged = states.firstIndex(of: "unchanged") ?? states.count
    #expect(states[..<firstUnchanged].allSatisfy { $0 == "new" })
    #expect(firstUnchanged == min(10000, results.count))
    let levels = results.prefix(firstUnchanged).map { $0["level"]?.stringValue ?? "" }
    #expect(levels == levels.sorted { Self.rank($0) < Self.rank($1) })
    #expect(text.utf8.count < 60 << 20)
  }

  static func rank(_ level: String) -> Int { ["error": 0, "warning": 1, "note": 2][level] ?? 3 }

  /// `validate --format sarif` writes a log the same schema accepts.
  @Test func theDiagnosticsGoldenIsValidSARIFToo() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("ScanplanCLITests/Goldens/bad-plan.sarif")
    let log = try JSONParser().parse(Array(try Data(contentsOf: url)))
    #expect(Self.schema.problems(log) == [])
  }
}
