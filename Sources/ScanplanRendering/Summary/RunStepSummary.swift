import ScanplanSupport

/// `run`'s job summary (`$GITHUB_STEP_SUMMARY`): the totals, then a table with one row per
/// scan (id, provider, status, duration, findings by severity, gate), failures first.
/// Every failure is listed; past `maxListedOthers` scans the rest are counted, so 2,000
/// scans stay readable.
public struct RunStepSummary: Sendable {
  /// Scans that did not fail, listed when there are no more than this many.
  public var maxListedOthers = 50

  /// A summary writer.
  public init() {}

  /// The Markdown.
  public func render(_ report: ReportDocument) -> String {
    var output = "### scanplan run\n\n"
    let statuses = report.summary.map { "\(Counted.grouped($0.count)) \($0.name)" }
    output += "**Exit \(report.exitCode)**: " + statuses.joined(separator: ", ")
    output += " (\(Counted.grouped(report.scans.count)) scans"
    if let duration = report.duration { output += " in \(Markdown.duration(duration))" }
    output += ")" + (report.interrupted ? ", interrupted" : "") + ".\n"
    let findings = Self.totals(report.scans.compactMap(\.severityCounts))
    if !findings.isEmpty {
      output +=
        "\nFindings: "
        + findings.map { "\(Counted.grouped($0.count)) \($0.name)" }.joined(separator: ", ")
        + ".\n"
    }
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
    let failures = report.scans.filter(\.isFailure)
    let others = report.scans.filter { !$0.isFailure }
    let listed = failures + (others.count <= maxListedOthers ? others : [])
    guard !listed.isEmpty else { return output }
    output += "\n| scan | provider | status | duration | findings | gate |\n"
    output += "| --- | --- | --- | --- | --- | --- |\n"
    for scan in listed { output += Self.row(scan) }
    if others.count > maxListedOthers {
      output +=
        "\n\(Counted.grouped(others.count)) scans that ended well are not listed; "
        + "the run's report has every scan.\n"
    }
    return output
  }

  private static func row(_ scan: ReportDocument.Scan) -> String {
    let status =
      scan.isFailure && scan.gate != "failed" ? "**\(scan.status)**" : scan.status
    let reason = scan.reason.map { ": " + Markdown.cell($0) } ?? ""
    let duration = scan.duration.map(Markdown.duration) ?? ""
    let findings = (scan.severityCounts ?? []).map { "\($0.name) \($0.count)" }
      .joined(separator: ", ")
    var gate = scan.gate ?? ""
    if gate == "failed" {
      gate =
        "**failed**" + (scan.gateReasons.isEmpty ? "" : ": ")
        + Markdown.cell(scan.gateReasons.joined(separator: "; "))
    }
    return "| \(Markdown.code(scan.id)) | \(Markdown.cell(scan.provider)) | \(status)\(reason) "
      + "| \(duration) | \(findings) | \(gate) |\n"
  }

  /// Findings summed over scans, by severity, in the order they first appear.
  static func totals(_ counts: [[ReportDocument.Count]]) -> [ReportDocument.Count] {
    var order: [String] = []
    var sums: [String: Int] = [:]
    for scan in counts {
      for count in scan {
        if sums[count.name] == nil { order.append(count.name) }
        sums[count.name, default: 0] += count.count
      }
    }
    return order.map { ReportDocument.Count(name: $0, count: sums[$0]!) }
  }
}
