import ScanplanReport
import ScanplanVendorKit

/// What the page and the job summary say of a run's findings: counts by severity and
/// baseline state, and the findings to list first (new first, then the more severe).
struct FindingsDigest: Sendable {
  /// A count of one severity in one column.
  struct Row: Sendable, Equatable {
    /// The severity.
    let severity: Severity
    /// Findings counted (not suppressed), by state: new, unchanged, absent; without a
    /// baseline, all in `new`.
    let new: Int
    let unchanged: Int
    let absent: Int
    /// Suppressed findings listed.
    let suppressed: Int
  }

  /// One severity a row, most severe first, those with no finding left out.
  let rows: [Row]
  /// Whether any scan listed findings.
  let hasFindings: Bool
  /// Whether the findings carry a baseline's states.
  let hasBaseline: Bool
  /// The findings to list first, with their scan, up to the limit asked for.
  let top: [(scan: RunReport.Scan, finding: Finding)]
  /// How many findings `top` leaves out.
  let omitted: Int

  /// The digest of a report; `limit` findings are listed at most.
  init(_ report: RunReport, limit: Int) {
    hasBaseline = report.baseline != nil
    var counts: [Severity: (new: Int, unchanged: Int, absent: Int, suppressed: Int)] = [:]
    // Places, not copies: a run of 20,000 scans lists hundreds of thousands.
    var candidates: [(scan: Int, finding: Int)] = []
    var listed = false
    for (index, scan) in report.scans.enumerated() {
      guard let findings = scan.findings else { continue }
      listed = true
      for (place, finding) in findings.enumerated() {
        var count = counts[finding.severity] ?? (0, 0, 0, 0)
        if finding.suppressed {
          count.suppressed += 1
        } else {
          switch finding.baselineState {
          case .unchanged?: count.unchanged += 1
          case .absent?: count.absent += 1
          case .new?, nil: count.new += 1
          }
        }
        counts[finding.severity] = count
        // The list shows what a reviewer acts on: counted findings this run saw.
        if !finding.suppressed, finding.baselineState != .absent {
          candidates.append((index, place))
        }
      }
    }
    hasFindings = listed
    rows = Severity.allCases.compactMap { severity in
      guard let count = counts[severity] else { return nil }
      return Row(
        severity: severity, new: count.new, unchanged: count.unchanged, absent: count.absent,
        suppressed: count.suppressed)
    }
    let findings = report.scans.map { $0.findings ?? [] }
    let ranked = FindingRanking.top(candidates, limit: limit) { findings[$0.scan][$0.finding] }
    top = ranked.kept.map { (report.scans[$0.scan], findings[$0.scan][$0.finding]) }
    omitted = ranked.omitted
  }
}
