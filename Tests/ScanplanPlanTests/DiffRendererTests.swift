import ScanplanJSON
import ScanplanPlan
import ScanplanRendering
import Testing

/// The three outputs of `scanplan diff`, compared whole.
@Suite struct DiffRendererTests {
  static let diff = PlanDiff(
    added: [PlanDiff.Scan(id: "web/new", provider: "s4e", location: "plans/web.yaml:14:11")],
    removed: [PlanDiff.Scan(id: "web/old", provider: "s4e", location: "plans/web.yaml:15:11")],
    changed: [
      PlanDiff.Changed(
        scan: PlanDiff.Scan(id: "web/tls", provider: "s4e", location: "plans/web.yaml:13:11"),
        changes: [
          PlanDiff.Change(field: "request.body.scan_type", before: "ssl", after: "quick"),
          PlanDiff.Change(field: "poll.timeout", before: nil, after: 3600),
        ]),
      PlanDiff.Changed(
        scan: PlanDiff.Scan(id: "api/full", provider: "inv", location: "plans/api.yaml:9:11"),
        changes: [
          PlanDiff.Change(
            field: "request.body.profile_id", before: "p-1", after: "p-7", weakens: true,
            beforeName: "Full Scan", afterName: "Crawl Only")
        ]),
    ], unchanged: 12)

  @Test func text() {
    #expect(
      DiffFormat.text.render(Self.diff) == """
        + web/new  (s4e, plans/web.yaml:14:11)
        - web/old  (s4e, plans/web.yaml:15:11)  ⚠ weakens
        ~ web/tls  (s4e, plans/web.yaml:13:11)
            request.body.scan_type: "ssl" -> "quick"
            poll.timeout: (unset) -> 3600
        ~ api/full  (inv, plans/api.yaml:9:11)
            request.body.profile_id: "p-1" (Full Scan) -> "p-7" (Crawl Only)  ⚠ weakens
        1 added, 1 removed, 2 changed, 12 unchanged; weakens scans: a security review is due

        """)
  }

  @Test func markdown() {
    #expect(
      DiffFormat.markdown.render(Self.diff) == """
        ### scanplan diff

        1 added, 1 removed, 2 changed, 12 unchanged.

        ⚠ **This change weakens scans**: rows marked ⚠ need a security review.

        | ⚠ | | scan | provider | defined at |
        | --- | --- | --- | --- | --- |
        |  | + | `web/new` | `s4e` | `plans/web.yaml:14:11` |
        | ⚠ | - | `web/old` | `s4e` | `plans/web.yaml:15:11` |

        | ⚠ | scan | field | before | after |
        | --- | --- | --- | --- | --- |
        |  | `web/tls` | `request.body.scan_type` | `"ssl"` | `"quick"` |
        |  | `web/tls` | `poll.timeout` | `(unset)` | `3600` |
        | ⚠ | `api/full` | `request.body.profile_id` | `"p-1"` (Full Scan) | `"p-7"` (Crawl Only) |

        """)
    #expect(
      DiffFormat.markdown.render(PlanDiff(added: [], removed: [], changed: [], unchanged: 3))
        == "### scanplan diff\n\nNo scan changes: 3 unchanged.\n")
  }

  @Test func markdownKeepsCellsIntactAndLongDiffsShort() {
    // A pipe would end the cell, a backtick the code span.
    let odd = PlanDiff.Change(field: "request.body.x", before: "a|b", after: "c`d")
    let many = PlanDiff(
      added: (0..<300).map {
        PlanDiff.Scan(id: "a/s\($0)", provider: "s4e", location: "p.yaml:1:1")
      },
      removed: [],
      changed: [
        PlanDiff.Changed(
          scan: PlanDiff.Scan(id: "a/x", provider: "s4e", location: "p.yaml:1:1"), changes: [odd])
      ], unchanged: 0)
    let output = DiffFormat.markdown.render(many)
    #expect(output.contains(#"|  | `a/x` | `request.body.x` | `"a\|b"` | `` "c`d" `` |"#))
    #expect(output.contains("|  | + | `a/s249` |"))
    #expect(!output.contains("`a/s250`"))
    #expect(output.contains("… and 50 more scans; run `scanplan diff` to see them all."))
  }

  @Test func json() throws {
    let output = DiffFormat.json.render(Self.diff)
    let parsed = try JSONParser().parse(Array(output.utf8))
    #expect(parsed["version"] == 1)
    #expect(parsed["unchanged"] == 12)
    #expect(parsed["added"]?.arrayValue?.first?["location"] == "plans/web.yaml:14:11")
    #expect(parsed["removed"]?.arrayValue?.first?["id"] == "web/old")
    let changes = try #require(parsed["changed"]?.arrayValue?.first?["changes"]?.arrayValue)
    #expect(changes.first?["before"] == "ssl")
    #expect(changes.first?["after"] == "quick")
    #expect(changes.last?["before"] == .null)
    #expect(changes.last?["after"] == 3600)
    #expect(changes.first?["before_name"] == nil)
    let named = try #require(parsed["changed"]?.arrayValue?.last?["changes"]?.arrayValue?.first)
    #expect(named["before_name"] == "Full Scan" && named["after_name"] == "Crawl Only")
    #expect(named["weakens"] == true)
  }
}
