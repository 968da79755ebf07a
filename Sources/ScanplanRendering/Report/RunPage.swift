package import ScanplanReport
import ScanplanSupport

/// `run --html FILE` and `scanplan report REPORT.json --html FILE`: one self-contained
/// page, with inline CSS and SVG and no script, so it opens offline and from a CI
/// artifact. It shows the totals by status, each provider's budget use and 429 pauses,
/// a timeline with one row per scan (queued, running and how it ended, polls as ticks),
/// and the gates and findings, failures first.
package struct RunPage: Sendable {
  /// Findings the page lists at most, new first, then the more severe; the report and
  /// the SARIF file have every one.
  package var maxListedFindings = 2000

  package init() {}

  package func render(_ report: RunReport) -> String {
    // One string from the first line on: the page of a large run is never copied whole.
    var body = """
      <!doctype html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>scanplan run: exit \(report.exitCode)</title>
      <style>\(RunPage.style)</style>
      </head>
      <body>

      """
    body += header(report)
    body += totals(report)
    if !report.hasTimeline {
      body +=
        "<p class=\"note\">This report has no timeline: it was written by an earlier "
        + "scanplan. Run again with <code>--report</code> to see one.</p>\n"
    }
    let length = max(report.duration ?? 0, 1)
    for provider in report.providers {
      let scans = report.scans.filter { $0.provider == provider.name }
      body += "<section class=\"provider\">\n"
      body +=
        "<h2>\(HTML.escape(provider.name)) <small>\(HTML.requestsPerSecond(provider.rate)) · "
        + Counted.phrase(provider.requests, "request") + " · \(provider.throttled) answered 429 · "
        + Counted.phrase(scans.count, "scan") + "</small></h2>\n"
      if report.hasTimeline {
        body += RunPage.budgetChart(provider, length: length)
        body += RunPage.timeline(scans, pauses: provider.pauses, length: length)
      }
      body += "</section>\n"
    }
    body += RunPage.legend
    body += table(report)
    body += RunPage.findings(report, limit: maxListedFindings)
    body += "</body>\n</html>\n"
    return body
  }

  private func header(_ report: RunReport) -> String {
    let duration = report.duration.map { ", " + Markdown.duration($0) } ?? ""
    return """
      <header><h1>scanplan run</h1>
      <p class="meta">Started \(HTML.escape(report.startedAt))\(duration) · \
      \(Counted.phrase(report.scans.count, "scan")) · \
      exit \(report.exitCode)\(report.interrupted ? " · interrupted" : "")</p></header>

      """
  }

  private func totals(_ report: RunReport) -> String {
    var output = "<p class=\"totals\">"
    for count in report.summary {
      output +=
        "<span class=\"chip \(RunPage.outcomeClass(ScanStatus(rawValue: count.name)))\">"
        + "\(count.count) \(HTML.escape(count.name.replacing("_", with: " ")))</span> "
    }
    let listed = report.scans.compactMap(\.findings)
    let findings =
      listed.isEmpty
      ? RunStepSummary.totals(report.scans.compactMap(\.severityCounts))
      : RunStepSummary.totals(listed.map { RunReport.Count.counted($0) })
    for count in findings { output += RunPage.severityChip(count) + " " }
    return output + "</p>\n"
  }

  /// Gates and findings, failures first; the scans that ended well fold away.
  private func table(_ report: RunReport) -> String {
    let failures = report.scans.filter(\.isFailure)
    let others = report.scans.filter { !$0.isFailure }
    var output = "<section><h2>Scans</h2>\n"
    if !failures.isEmpty {
      output += "<h3>Did not end well (\(failures.count))</h3>\n" + rows(failures)
    }
    if !others.isEmpty {
      output +=
        "<details\(failures.isEmpty ? " open" : "")><summary>Ended well (\(others.count))"
        + "</summary>\n" + rows(others) + "</details>\n"
    }
    return output + "</section>\n"
  }

  private func rows(_ scans: [RunReport.Scan]) -> String {
    var output =
      "<table><thead><tr><th>scan</th><th>provider</th><th>status</th><th>duration</th>"
      + "<th>findings</th><th>gate</th></tr></thead><tbody>\n"
    for scan in scans {
      let reason = scan.reason.map { "<div class=\"reason\">\(HTML.escape($0))</div>" } ?? ""
      let counts = scan.findings.map { RunReport.Count.counted($0) } ?? scan.severityCounts ?? []
      var findings = counts.map(RunPage.severityChip).joined(separator: " ")
      if let error = scan.findingsError {
        findings += "<div class=\"reason\">findings could not be read: \(HTML.escape(error))</div>"
      }
      var gate = HTML.escape(scan.gate?.word ?? "")
      if scan.gateFailed, !(scan.gate?.reasons ?? []).isEmpty {
        gate +=
          "<div class=\"reason\">\(HTML.escape((scan.gate?.reasons ?? []).joined(separator: "; ")))</div>"
      }
      output +=
        "<tr><td><code>\(HTML.escape(scan.id))</code><div class=\"where\">"
        + "\(HTML.escape(scan.location))</div></td><td>\(HTML.escape(scan.provider))</td>"
        + "<td><span class=\"chip \(RunPage.outcomeClass(scan.status))\">"
        + "\(scan.status.rawValue.replacing("_", with: " "))</span>\(reason)</td>"
        + "<td>\(scan.duration.map(Markdown.duration) ?? "")</td><td>\(findings)</td>"
        + "<td class=\"gate \(HTML.escape(scan.gate?.word ?? ""))\">\(gate)</td></tr>\n"
    }
    return output + "</tbody></table>\n"
  }

  /// The CSS class of an outcome: its colour.
  static func outcomeClass(_ status: ScanStatus?) -> String {
    switch status {
    case .completed?, .triggered?: "ok"
    case .failed?, .errored?, .timedOut?, .refused?: "bad"
    case .cancelled?, .interrupted?, .notStarted?, .running?, nil: "other"
    }
  }
}
