import Foundation
import ScanplanPlan
import ScanplanRendering
import ScanplanReport
import ScanplanVendorKit
import ScanplanYAML
import Testing

/// What `validate` and `run` append to `$GITHUB_STEP_SUMMARY`.
@Suite struct StepSummaryTests {
  static func document(_ json: String) throws -> RunReport {
    try RunReport.read(Array(json.utf8)).get()
  }

  /// A status this version does not know (a later version's) is read as a scan that did
  /// not end well, with the word it had: never green by accident.
  @Test func anUnknownStatusIsReadAsErrored() throws {
    let report = try Self.document(
      RunPageTests.report(scans: [
        #"{"id": "web/x", "provider": "s4e", "status": "skipped_by_policy", "location": "p:1:1"}"#,
        #"{"id": "web/y", "provider": "s4e", "status": "timed_out", "location": "p:2:1"}"#,
      ]))
    #expect(report.scans.map(\.status) == [.errored, .timedOut])
    #expect(report.scans[0].isFailure)
    #expect(
      report.scans[0].reason
        == "the report's status `skipped_by_policy` is unknown to this scanplan")
    #expect(report.scans[1].reason == nil)
  }

  @Test func aRunListsFailuresFirstWithTheirReasonsAndTotals() throws {
    let summary = RunStepSummary().render(
      try Self.document(RunPageTests.report(scans: RunPageTests.scans)))
    #expect(
      summary == """
        ### scanplan run

        **Exit 1**: 2 completed, 1 failed, 1 gate failed (3 scans in 1m 00s).

        Findings: 1 critical, 2 high, 1 low.

        | scan | provider | status | duration | findings | gate |
        | --- | --- | --- | --- | --- | --- |
        | `web/<b>full</b>` | s4e | **failed**: the provider said \\<no\\> | 40.0s |  |  |
        | `api/dast` | s4e | completed | 10.0s | critical 1 | **failed**: critical: 1 \\>= 1 |
        | `web/quick` | s4e | completed | 30.5s | high 2, low 1 | passed |

        """)
  }

  @Test func twoThousandScansListTheFailuresAndCountTheRest() throws {
    let scans = (0..<2000).map { index in
      #"{"id": "a\#(index)/s", "provider": "s4e", "location": "p:1:1", "status": "#
        + (index % 100 == 7 ? #""timed_out", "reason": "no end""# : #""completed""#) + "}"
    }
    let summary = RunStepSummary().render(
      try Self.document(RunPageTests.report(scans: scans)))
    #expect(summary.components(separatedBy: "| **timed_out**: no end |").count - 1 == 20)
    #expect(!summary.contains("`a0/s`"))
    #expect(summary.contains("1,980 scans that ended well are not listed"))
    #expect(summary.utf8.count < 4_000)
  }

  @Test func validationCountsFilesAndProblemsByCode() {
    let good = validate(
      header + """
        assets:
          - { name: web, provider: s4e, asset_id: a1b2c3d4-e5f6-7890-abcd-ef1234567890, scans: [{ scan_type: quick }] }
        """, path: "good.yaml")
    let bad = validate("version: 2\nproviders: {}\nassets: []\nextra: 1\n", path: "bad.yaml")
    let summary = ValidateStepSummary.render([good, bad])
    #expect(summary.hasPrefix("### scanplan validate\n\n2 files checked: 1 invalid; "))
    #expect(summary.contains("| `bad.yaml` | \(bad.diagnostics.count) | 0 |"))
    #expect(summary.contains("| P101 error | 1 | unknown-key: "))
    #expect(summary.contains("| P111 error | 1 | unsupported-version: "))
    #expect(
      ValidateStepSummary.render([good])
        == "### scanplan validate\n\n1 file checked: all valid; 0 errors, 0 warnings.\n")
  }
}

/// The findings in the job summary: by severity and baseline state, then the top new ones,
/// and never past GitHub's 1 MiB however many there are.
@Suite struct StepSummaryFindingsTests {
  static func report(scans: Int, findings each: Int, baseline: Bool) -> RunReport {
    var report = RunReport(
      startedAt: "2026-12-01T10:00:00.000Z", endedAt: "2026-12-01T10:30:00.000Z", exitCode: 1,
      interrupted: false)
    report.duration = 1800
    if baseline { report.baseline = "main.json" }
    let severities = Severity.allCases
    report.scans = (0..<scans).map { index in
      var scan = RunReport.Scan(
        id: "asset-\(index)/scan", provider: "s4e", status: .completed,
        location: "plans/p.yaml:\(index + 1):9")
      scan.findings = (0..<each).map { number in
        FindingsSARIFTests.finding(
          index * each + number, severities[number % 5],
          state: baseline ? [.new, .unchanged, .absent][number % 3] : nil,
          suppressed: number % 11 == 10)
      }
      if index % 3 == 0 {
        scan.gate = RunReport.Gate(
          failOn: [GateThreshold(severity: "high", count: 1)], verdict: .failed(["high: 4 >= 1"]))
      }
      return scan
    }
    return report
  }

  @Test func newUnchangedAndAbsentBySeverityThenTheTopNewFindings() {
    let report = Self.report(scans: 3, findings: 30, baseline: true)
    let summary = RunStepSummary().render(report)
    #expect(summary.contains("Against the baseline `main.json`; gates count new findings."))
    #expect(summary.contains("| severity | new | unchanged | absent | suppressed |"))
    // Each severity's counts are the findings' own.
    let all = report.scans.flatMap { $0.findings ?? [] }
    for severity in Severity.allCases {
      let of = all.filter { $0.severity == severity }
      let counted = of.filter { !$0.suppressed }
      let row =
        "| \(severity.rawValue) | \(counted.count { $0.baselineState == .new }) | "
        + "\(counted.count { $0.baselineState == .unchanged }) | "
        + "\(counted.count { $0.baselineState == .absent }) | \(of.count { $0.suppressed }) |"
      #expect(summary.contains(row), "\(row)")
    }
    // The top new findings: twenty, most severe first.
    let table = summary.components(separatedBy: "#### New findings")[1]
      .components(separatedBy: "\n\n| scan |")[0]
    let rows = table.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("`asset-") }
    #expect(rows.count == 20)
    let ranks = rows.map { row in
      Severity.allCases.firstIndex { row.hasPrefix("| \($0.rawValue) |") } ?? 9
    }
    #expect(ranks == ranks.sorted())
    #expect(summary.contains("**failed**: high: 4 \\>= 1"))
  }

  @Test func aHundredThousandFindingsStayUnderAMebibyte() {
    let summary = RunStepSummary().render(
      Self.report(scans: 2000, findings: 50, baseline: true))
    #expect(summary.utf8.count < 1 << 20)
    #expect(summary.contains("The run's report and SARIF file list every finding."))
    // Twenty new findings are listed, no more.
    let table = summary.components(separatedBy: "#### New findings")[1]
    #expect(
      table.split(separator: "\n").filter {
        $0.contains("| `asset-") && $0.hasPrefix("| ") && $0.contains("` | `")
      }.count == 20)
  }

  @Test func thePageListsFindingsWithAColourPerSeverity() {
    var page = RunPage()
    page.maxListedFindings = 40
    let html = page.render(Self.report(scans: 3, findings: 30, baseline: true))
    #expect(html.contains("<section><h2>Findings</h2>"))
    for severity in Severity.allCases { #expect(html.contains("chip sev-\(severity.rawValue)")) }
    #expect(html.contains("state-new"))
    #expect(html.contains("more findings are in the report and the SARIF file."))
    // New first: the first listed finding is new.
    let first = html.components(separatedBy: "<table class=\"findings\">")[1]
    #expect(first.components(separatedBy: "state-").dropFirst().first?.hasPrefix("new") == true)
    #expect(!html.contains("<script"))
  }
}
