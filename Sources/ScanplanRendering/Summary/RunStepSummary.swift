package import ScanplanReport
import ScanplanSupport
import ScanplanVendorKit

/// `run`'s job summary (`$GITHUB_STEP_SUMMARY`): the totals, the findings by severity
/// (new, unchanged and absent against a baseline), the top new findings, then a table with
/// one row per scan (id, provider, status, duration, findings, gate), failures first.
/// Every failure is listed while the summary stays under its size; past `maxListedOthers`
/// scans the rest are counted, so 2,000 scans and 100,000 findings stay readable, and the
/// whole stays under GitHub's 1 MiB for a step's summary.
package struct RunStepSummary: Sendable {
  /// Scans that did not fail, listed when there are no more than this many.
  package var maxListedOthers = 50
  /// Findings listed in the table of top findings.
  package var maxListedFindings = 20
  /// The most bytes written: GitHub takes 1 MiB per step.
  package var maxBytes = 900_000

  package init() {}

  package func render(_ report: RunReport) -> String {
    var output = "### scanplan run\n\n"
    let statuses = report.summary.map {
      "\(Counted.grouped($0.count)) \($0.name.replacing("_", with: " "))"
    }
    output += "**Exit \(report.exitCode)**: " + statuses.joined(separator: ", ")
    output += " (\(Counted.grouped(report.scans.count)) scans"
    if let duration = report.duration { output += " in \(Markdown.duration(duration))" }
    output += ")" + (report.interrupted ? ", interrupted" : "") + ".\n"
    let resumed = report.scans.count { $0.resumed }
    if resumed > 0 {
      output +=
        "\n\(Counted.phrase(resumed, "scan", grouped: true)) ended in an earlier run and "
        + "\(resumed == 1 ? "is" : "are") reported from the state file.\n"
    }
    let notes = report.scans.flatMap(\.notes)
    if !notes.isEmpty {
      output += "\n"
      for note in notes.prefix(maxListedOthers) { output += "- " + Markdown.line(note) + "\n" }
      if notes.count > maxListedOthers {
        output += "- and \(Counted.grouped(notes.count - maxListedOthers)) more in the report\n"
      }
    }
    let digest = FindingsDigest(report, limit: maxListedFindings)
    if digest.hasFindings {
      output += findings(digest, baseline: report.baseline)
    } else {
      let counts = Self.totals(report.scans.compactMap(\.severityCounts))
      if !counts.isEmpty {
        output +=
          "\nFindings: "
          + counts.map { "\(Counted.grouped($0.count)) \($0.name)" }.joined(separator: ", ")
          + ".\n"
      }
    }
    return output + scans(report, after: output.utf8.count)
  }

  /// The findings by severity, then the top ones.
  private func findings(_ digest: FindingsDigest, baseline: String?) -> String {
    var output = "\n#### Findings\n\n"
    if let baseline {
      output += "Against the baseline `\(Markdown.line(baseline))`; gates count new findings.\n\n"
      output +=
        "| severity | new | unchanged | absent | suppressed |\n| --- | --- | --- | --- | --- |\n"
      for row in digest.rows {
        output +=
          "| \(row.severity.rawValue) | \(Counted.grouped(row.new)) | "
          + "\(Counted.grouped(row.unchanged)) | \(Counted.grouped(row.absent)) | "
          + "\(Counted.grouped(row.suppressed)) |\n"
      }
    } else {
      output += "| severity | findings | suppressed |\n| --- | --- | --- |\n"
      for row in digest.rows {
        output +=
          "| \(row.severity.rawValue) | \(Counted.grouped(row.new)) | "
          + "\(Counted.grouped(row.suppressed)) |\n"
      }
    }
    let shown =
      baseline == nil ? digest.top : digest.top.filter { $0.finding.baselineState == .new }
    guard !shown.isEmpty else {
      return output + (baseline == nil ? "" : "\nNo new findings.\n")
    }
    output += "\n#### \(baseline == nil ? "Top findings" : "New findings")\n\n"
    output += "| severity | finding | where | input | scan | fingerprint |\n"
    output += "| --- | --- | --- | --- | --- | --- |\n"
    for (scan, finding) in shown {
      output +=
        "| \(finding.severity.rawValue) | \(Markdown.cell(finding.name)) | "
        + "\(finding.url.map { Markdown.code($0) } ?? "") | "
        + "\(finding.input.map { Markdown.code($0) } ?? "") | \(Markdown.code(scan.id)) | "
        + "`\(finding.fingerprint.prefix(12))` |\n"
    }
    if digest.omitted > 0 || shown.count < digest.top.count {
      output += "\nThe run's report and SARIF file list every finding.\n"
    }
    return output
  }

  /// The table of scans, failures first, inside the byte budget.
  private func scans(_ report: RunReport, after used: Int) -> String {
    let failures = report.scans.filter(\.isFailure)
    let others = report.scans.filter { !$0.isFailure }
    let listed = failures + (others.count <= maxListedOthers ? others : [])
    guard !listed.isEmpty else { return "" }
    var output = "\n| scan | provider | status | duration | findings | gate |\n"
    output += "| --- | --- | --- | --- | --- | --- |\n"
    var written = 0
    for scan in listed {
      let row = Self.row(scan, baseline: report.baseline != nil)
      guard used + output.utf8.count + row.utf8.count < maxBytes - 200 else { break }
      output += row
      written += 1
    }
    if written < listed.count {
      output +=
        "\n\(Counted.grouped(listed.count - written)) more scans are in the run's report; "
        + "the summary keeps under GitHub's size.\n"
    }
    if others.count > maxListedOthers {
      output +=
        "\n\(Counted.grouped(others.count)) scans that ended well are not listed; "
        + "the run's report has every scan.\n"
    }
    return output
  }

  private static func row(_ scan: RunReport.Scan, baseline: Bool) -> String {
    let status =
      scan.isFailure && !scan.gateFailed && scan.findingsError == nil
      ? "**\(scan.status.rawValue)**" : scan.status.rawValue
    let reason = scan.reason.map { ": " + Markdown.cell($0) } ?? ""
    let duration = scan.duration.map(Markdown.duration) ?? ""
    var findings: String
    if let listed = scan.findings {
      findings = RunReport.Count.counted(listed).map { "\($0.name) \($0.count)" }.joined(
        separator: ", ")
      if baseline {
        let new = listed.count { $0.counts && $0.baselineState == .new }
        findings += (findings.isEmpty ? "" : " ") + "(\(new) new)"
      }
    } else {
      findings = (scan.severityCounts ?? []).map { "\($0.name) \($0.count)" }.joined(
        separator: ", ")
    }
    var gate = scan.gate?.word ?? ""
    if let error = scan.findingsError {
      gate = "**failed**: findings could not be read: " + Markdown.cell(error)
    } else if scan.gateFailed {
      let reasons = scan.gate?.reasons ?? []
      gate =
        "**failed**" + (reasons.isEmpty ? "" : ": ")
        + Markdown.cell(reasons.joined(separator: "; "))
    }
    return "| \(Markdown.code(scan.id)) | \(Markdown.cell(scan.provider)) | \(status)\(reason) "
      + "| \(duration) | \(findings) | \(gate) |\n"
  }

  /// Findings summed over scans, by severity, most severe first; a name that is no
  /// severity after them, in the order it first appears.
  static func totals(_ counts: [[RunReport.Count]]) -> [RunReport.Count] {
    var order: [String] = []
    var sums: [String: Int] = [:]
    for scan in counts {
      for count in scan {
        if sums[count.name] == nil { order.append(count.name) }
        sums[count.name, default: 0] += count.count
      }
    }
    let rank = { (name: String) in
      Severity(rawValue: name).flatMap { Severity.allCases.firstIndex(of: $0) } ?? 5
    }
    return order.enumerated().sorted {
      (rank($0.element), $0.offset) < (rank($1.element), $1.offset)
    }
    .map { RunReport.Count(name: $0.element, count: sums[$0.element]!) }
  }
}
