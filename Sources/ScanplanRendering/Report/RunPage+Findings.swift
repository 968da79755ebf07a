import ScanplanReport
import ScanplanSupport
import ScanplanVendorKit

extension RunPage {
  /// A severity's count as a pill of its own colour.
  static func severityChip(_ count: RunReport.Count) -> String {
    "<span class=\"chip sev-\(HTML.escape(count.name))\">\(count.count) \(HTML.escape(count.name))</span>"
  }

  /// The findings section: new findings first, then the more severe, grouped by scan,
  /// each with its check, URL, input, status and a short fingerprint; `limit` at most.
  static func findings(_ report: RunReport, limit: Int) -> String {
    let digest = FindingsDigest(report, limit: limit)
    guard digest.hasFindings else { return "" }
    var output = "<section><h2>Findings</h2>\n"
    if let baseline = report.baseline {
      output +=
        "<p class=\"meta\">Against the baseline <code>\(HTML.escape(baseline))</code>: "
        + "gates count new findings only.</p>\n"
    }
    output += "<table><thead><tr><th>severity</th>"
    if digest.hasBaseline {
      output += "<th>new</th><th>unchanged</th><th>absent</th>"
    } else {
      output += "<th>findings</th>"
    }
    output += "<th>suppressed</th></tr></thead><tbody>\n"
    for row in digest.rows {
      output +=
        "<tr><td>\(severityChip(RunReport.Count(name: row.severity.rawValue, count: row.new + row.unchanged)))</td>"
      output +=
        digest.hasBaseline
        ? "<td>\(row.new)</td><td>\(row.unchanged)</td><td>\(row.absent)</td>"
        : "<td>\(row.new)</td>"
      output += "<td>\(row.suppressed)</td></tr>\n"
    }
    output += "</tbody></table>\n"
    // Grouped by scan, in the order the ranking first meets each scan.
    var order: [String] = []
    var groups: [String: [(RunReport.Scan, Finding)]] = [:]
    for (scan, finding) in digest.top {
      if groups[scan.id] == nil { order.append(scan.id) }
      groups[scan.id, default: []].append((scan, finding))
    }
    for id in order {
      let rows = groups[id]!
      output += "<h3><code>\(HTML.escape(id))</code> <small class=\"where\">"
      output += "\(HTML.escape(rows[0].0.location))</small></h3>\n"
      output +=
        "<table class=\"findings\"><thead><tr><th>severity</th><th>finding</th><th>where</th>"
        + "<th>input</th><th>status</th><th>fingerprint</th></tr></thead><tbody>\n"
      for (_, finding) in rows {
        let state =
          finding.baselineState.map {
            " <span class=\"chip state-\($0.rawValue)\">\($0.rawValue)</span>"
          } ?? ""
        output +=
          "<tr><td><span class=\"chip sev-\(finding.severity.rawValue)\">"
          + "\(finding.severity.rawValue)</span>\(state)</td>"
          + "<td>\(HTML.escape(finding.name))"
          + (finding.check == finding.name
            ? "" : "<div class=\"where\">\(HTML.escape(finding.check))</div>") + "</td>"
          + "<td class=\"url\">\(HTML.escape(finding.url ?? ""))</td>"
          + "<td><code>\(HTML.escape(finding.input ?? ""))</code></td>"
          + "<td>\(HTML.escape(finding.status))</td>"
          + "<td><code title=\"\(HTML.escape(finding.fingerprint))\">\(finding.fingerprint.prefix(12))</code></td></tr>\n"
      }
      output += "</tbody></table>\n"
    }
    if digest.omitted > 0 {
      output +=
        "<p class=\"note\">\(Counted.grouped(digest.omitted)) more findings are in the report "
        + "and the SARIF file.</p>\n"
    }
    return output + "</section>\n"
  }
}
