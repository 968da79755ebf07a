package import ScanplanVendorKit

/// The findings of a baseline report (`--baseline REPORT.json`), by scan id: what a run's
/// findings are matched against, by fingerprint, within the same scan id.
package struct Baseline: Sendable {
  /// Each scan's findings in the baseline, by the scan's id.
  private let findings: [String: [Finding]]
  /// Where it was read from, for messages.
  package let source: String

  /// The baseline of a report's scans: their findings as listed (absent ones, which that
  /// run did not see, are not part of it).
  package init(_ report: RunReport, source: String) {
    var findings: [String: [Finding]] = [:]
    for scan in report.scans {
      findings[scan.id] = (scan.findings ?? []).filter { $0.baselineState != .absent }
    }
    self.findings = findings
    self.source = source
  }

  /// A scan's findings marked `new` or `unchanged`; returns the baseline's findings of
  /// the scan that this run did not see, marked `absent`. A scan the baseline does not
  /// have has only new findings.
  package func mark(_ current: inout [Finding], scan id: String) -> [Finding] {
    let old = findings[id] ?? []
    let known = Set(old.map(\.fingerprint))
    var seen: Set<String> = []
    for index in current.indices {
      let fingerprint = current[index].fingerprint
      current[index].baselineState = known.contains(fingerprint) ? .unchanged : .new
      seen.insert(fingerprint)
    }
    var absent: [Finding] = []
    var listed: Set<String> = []
    for finding in old where !seen.contains(finding.fingerprint) {
      guard listed.insert(finding.fingerprint).inserted else { continue }
      var gone = finding
      gone.baselineState = .absent
      absent.append(gone)
    }
    return absent
  }
}

extension RunReport {
  /// The report with its findings' states taken against `baseline` instead of the ones it
  /// had, and each gate judged again by the thresholds it names, counting new findings
  /// only; the exit code follows. A gate of a report that names no thresholds keeps its
  /// verdict.
  package func applying(_ baseline: Baseline) -> RunReport {
    var copy = self
    copy.baseline = baseline.source
    for index in copy.scans.indices {
      var scan = copy.scans[index]
      guard var findings = scan.findings?.filter({ $0.baselineState != .absent }) else { continue }
      let absent = baseline.mark(&findings, scan: scan.id)
      scan.findings = findings + absent
      if scan.result.gate != nil, !scan.failOn.isEmpty, scan.findingsError == nil {
        let judgement = GateJudgement(
          failOn: scan.failOn, reported: scan.result.severityCounts, findings: scan.findings,
          findingsError: nil, baseline: true)
        if let verdict = judgement.verdict { scan.result.gate = verdict }
      }
      copy.scans[index] = scan
    }
    copy.exitCode = Self.exitCode(
      copy.scans, interrupted: interrupted, unreachableProviders: unreachableProviders)
    return copy
  }
}
