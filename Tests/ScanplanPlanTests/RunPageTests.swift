import Foundation
import ScanplanRendering
import ScanplanReport
import Testing

/// The HTML page and the job summary, drawn from a run report.
@Suite struct RunPageTests {
  /// A report as `run --report` writes it, cut to what the page reads.
  static func report(scans: [String], duration: String? = "\"duration_seconds\": 60,") -> String {
    """
    {"version": 1, "started_at": "2026-11-23T10:00:00.000Z", "ended_at": "2026-11-23T10:01:00.000Z",
     \(duration ?? "") "exit_code": 1, "interrupted": false,
     "summary": {"completed": 2, "failed": 1},
     "providers": [{"name": "s4e", "requests_per_second": 2, "requests": 9, "throttled": 1,
       "timeline": {"pauses": [{"from": 20, "until": 25}], "interval_seconds": 10,
                    "requests": [4, 3, 0, 1, 1, 0]}}],
     "scans": [\(scans.joined(separator: ","))]}
    """
  }

  static let scans = [
    #"""
    {"id": "web/quick", "provider": "s4e", "status": "completed", "duration_seconds": 30.5,
     "location": "p.yaml:10:9", "severity_counts": {"high": 2, "low": 1},
     "gate": {"verdict": "passed"},
     "timeline": {"triggered": 1, "running": 6, "ended": 31.5, "polls": [6, 16, 31.5]}}
    """#,
    #"""
    {"id": "web/<b>full</b>", "provider": "s4e", "status": "failed",
     "reason": "the provider said <no>", "duration_seconds": 40, "location": "p.yaml:11:9",
     "timeline": {"triggered": 2, "ended": 42, "polls": [12, 42]}}
    """#,
    #"""
    {"id": "api/dast", "provider": "s4e", "status": "completed", "duration_seconds": 10,
     "location": "p.yaml:12:9", "severity_counts": {"critical": 1},
     "gate": {"verdict": "failed", "reasons": ["critical: 1 >= 1"]},
     "timeline": {"triggered": 3, "running": 4, "ended": 13, "polls": [4, 13]}}
    """#,
  ]

  static func page(_ json: String) throws -> String {
    RunPage().render(try RunReport.read(Array(json.utf8)).get())
  }

  @Test func thePageIsSelfContained() throws {
    let page = try Self.page(Self.report(scans: Self.scans))
    #expect(page.hasPrefix("<!doctype html>"))
    for outside in ["<script", "src=", "href=", "@import", "url(", "http://", "https://"] {
      #expect(!page.contains(outside), "\(outside)")
    }
  }

  @Test func everyScanHasARowWithItsPhasesPollsAndEnd() throws {
    let page = try Self.page(Self.report(scans: Self.scans))
    #expect(page.components(separatedBy: "<g><title>").count - 1 == 3)
    #expect(page.contains("<title>web/quick · completed · 30.5s · 3 polls</title>"))
    // Queued and running for a scan seen running; queued to the end for one that was not.
    #expect(page.components(separatedBy: "fill=\"#f59e0b\"").count - 1 == 3)
    #expect(page.components(separatedBy: "fill=\"#3b82f6\"/>").count - 1 == 2)
    // Seven polls, one tick each.
    #expect(page.components(separatedBy: "fill=\"#111827\"").count - 1 == 7)
    // The pause is shaded on the budget chart and across the timeline.
    #expect(page.components(separatedBy: "fill=\"rgba(220,38,38,0.14)\"").count - 1 == 2)
    // Four intervals with requests, as bars of requests per second.
    #expect(page.contains("<title>10s: 0.3 requests/s</title>"))
    #expect(page.components(separatedBy: "requests/s</title></rect>").count - 1 == 4)
  }

  @Test func textIsEscapedAndFailuresComeFirst() throws {
    let page = try Self.page(Self.report(scans: Self.scans))
    #expect(!page.contains("<b>full</b>") && !page.contains("<no>"))
    #expect(page.contains("web/&lt;b&gt;full&lt;/b&gt;"))
    #expect(page.contains("the provider said &lt;no&gt;"))
    let table = try #require(page.components(separatedBy: "<h2>Scans</h2>").last)
    let order = ["web/&lt;b&gt;full", "api/dast", "web/quick"].map {
      table.range(of: $0)!.lowerBound
    }
    #expect(order == order.sorted())
    #expect(table.contains("critical: 1 &gt;= 1"))
  }

  @Test func twoThousandScansGetThinRowsWithoutNames() throws {
    let many = (0..<2000).map { index in
      #"{"id": "a\#(index)/s", "provider": "s4e", "status": "completed", "location": "p:1:1", "#
        + #""timeline": {"triggered": 1, "ended": 5, "polls": [5]}}"#
    }
    let page = try Self.page(Self.report(scans: many))
    #expect(page.components(separatedBy: "<g><title>").count - 1 == 2000)
    #expect(!page.contains(">a1999/s</text>"))
    #expect(page.contains("viewBox=\"0 0 1000 8022\""))
  }

  /// With rows too thin for names, the timeline still starts where the budget chart
  /// does, so that a 429 pause is shaded at one x in both.
  @Test(arguments: [3, 2000])
  func aMomentFallsAtOneXInBothCharts(scanCount: Int) throws {
    let many = (0..<scanCount).map { index in
      #"{"id": "a\#(index)/s", "provider": "s4e", "status": "completed", "location": "p:1:1", "#
        + #""timeline": {"triggered": 1, "ended": 5, "polls": [5]}}"#
    }
    let page = try Self.page(Self.report(scans: many))
    // Each rectangle up to its end, and of those the pauses' left edges.
    let pauses = page.components(separatedBy: "<rect ").dropFirst()
      .map { $0.prefix { $0 != ">" } }
      .filter { $0.contains("fill=\"rgba(220,38,38,0.14)\"") }
      .map { $0.dropFirst("x=\"".count).prefix { $0 != "\"" } }
    #expect(pauses.count == 2)
    #expect(Set(pauses).count == 1, "\(pauses)")
  }

  /// An interval of an hour and seven seconds is labelled with its seconds.
  @Test func oddIntervalsOverAnHourKeepTheirSeconds() throws {
    let json = Self.report(scans: [Self.scans[0]], duration: "\"duration_seconds\": 7214,")
      .replacingOccurrences(of: "\"interval_seconds\": 10", with: "\"interval_seconds\": 3607")
    let page = try Self.page(json)
    #expect(page.contains("<title>0: "))
    #expect(page.contains("<title>1h7s: "), "\(page)")
  }

  @Test func aReportWithoutATimelineSaysSo() throws {
    let page = try Self.page(Self.report(scans: Self.scans, duration: nil))
    #expect(page.contains("This report has no timeline"))
    #expect(!page.contains("<svg"))
  }

  @Test(arguments: [
    ("not json", "not a scanplan run report: it is not JSON"),
    (#"{"version": 2, "scans": [], "providers": []}"#, "not a scanplan run report of version 1"),
    (#"[1, 2]"#, "not a scanplan run report of version 1"),
  ])
  func somethingElseIsNotAReport(_ text: String, _ message: String) {
    guard case .failure(let error) = RunReport.read(Array(text.utf8)) else {
      Issue.record("read \(text)")
      return
    }
    #expect(error.message.hasPrefix(message))
  }
}
