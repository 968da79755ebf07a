package import ScanplanVendorKit

/// Counts by severity in the one order every output shows them: most severe first
/// (critical, high, medium, low, info), a name that is no severity after them.
extension RunReport.Count {
  /// Counts keyed by severity, most severe first; other names after, by name.
  package static func bySeverity(_ counts: [String: Int]) -> [RunReport.Count] {
    func rank(_ name: String) -> Int {
      Severity(rawValue: name).flatMap { Severity.allCases.firstIndex(of: $0) }
        ?? Severity.allCases.count
    }
    return counts.keys.sorted { (rank($0), $0) < (rank($1), $1) }.map {
      RunReport.Count(name: $0, count: counts[$0]!)
    }
  }

  /// The findings this run saw that are not suppressed (a baseline's absent ones are not
  /// seen), by severity, most severe first; with `everySeverity`, a severity none has is
  /// counted 0, as a vendor's own counts are.
  package static func counted(_ findings: [Finding], everySeverity: Bool = false)
    -> [RunReport.Count]
  {
    var counts: [Severity: Int] = [:]
    for finding in findings where !finding.suppressed && finding.baselineState != .absent {
      counts[finding.severity, default: 0] += 1
    }
    return Severity.allCases.compactMap { severity in
      (counts[severity] ?? (everySeverity ? 0 : nil)).map {
        RunReport.Count(name: severity.rawValue, count: $0)
      }
    }
  }
}
