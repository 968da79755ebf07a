import Foundation
import ScanplanPlan
import ScanplanRendering
import ScanplanReport
import ScanplanYAML
import Testing

/// What `validate` and `run` append to `$GITHUB_STEP_SUMMARY`.
@Suite struct StepSummaryTests {
  static func document(_ json: String) throws -> RunReport {
    try RunReport.read(Array(json.utf8)).get()
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
