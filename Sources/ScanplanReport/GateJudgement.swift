package import ScanplanVendorKit

/// How a completed scan's `fail_on` gate is judged, in one place for the run and for
/// `scanplan report --baseline`: what is counted, and when the gate fails closed.
///
/// - The findings a vendor lists are counted when they are not suppressed; against a
///   baseline, only the new ones.
/// - Where the vendor also reports counts by severity (Invicti's `severity_counts`) and
///   there is no baseline, each severity counts the larger of the two; the two
///   disagreeing is said (`disagreements`).
/// - A listing that holds fewer findings of some severity than the vendor counts is known
///   to be incomplete, so it proves nothing where the counts are silent: a gated severity
///   the counts leave out fails the gate as not judged, and against a baseline, so does a
///   gated severity listed short (its unlisted findings may be new).
/// - Without a listing (the vendor lists none, or reading is off), the reported counts
///   alone are counted, and a gated severity they leave out fails the gate.
/// - Findings that could not be read fail the gate, with the reason.
package struct GateJudgement: Sendable, Equatable {
  /// The verdict; nil for a scan without a gate.
  package let verdict: GateVerdict?
  /// Severities whose reported count differs from the listed findings' (not suppressed),
  /// in words: `high: reported 3, listed 2`.
  package let disagreements: [String]

  /// Judges a scan. `failOn` maps severities to the fewest findings that fail the gate;
  /// `reported` are the vendor's counts, `findings` its listed findings (nil when not
  /// read), `findingsError` why they could not be read.
  package init(
    failOn: [GateThreshold], reported: [String: Int]?, findings: [Finding]?,
    findingsError: String?, baseline: Bool
  ) {
    var listed: [String: Int] = [:]
    var counted: [String: Int] = [:]
    // Every finding the listing holds, suppressed ones included: what it left out.
    var held: [String: Int] = [:]
    for finding in findings ?? [] where finding.baselineState != .absent {
      held[finding.severity.rawValue, default: 0] += 1
      guard !finding.suppressed else { continue }
      listed[finding.severity.rawValue, default: 0] += 1
      if finding.counts { counted[finding.severity.rawValue, default: 0] += 1 }
    }
    var disagreements: [String] = []
    if findings != nil, let reported {
      for severity in Severity.allCases.map(\.rawValue) {
        guard let count = reported[severity], count != listed[severity, default: 0] else {
          continue
        }
        disagreements.append(
          "\(severity): reported \(count), listed \(listed[severity, default: 0])")
      }
    }
    self.disagreements = disagreements
    guard !failOn.isEmpty else {
      verdict = nil
      return
    }
    if let findingsError {
      verdict = .failed(["its findings could not be read: \(findingsError)"])
      return
    }
    let reached: [String]
    if findings != nil {
      let reported = reported ?? [:]
      let short = reported.contains { $0.value > held[$0.key, default: 0] }
      let counts = reported.values.reduce(0, +)
      let heldOfCounts = reported.reduce(0) { $0 + min($1.value, held[$1.key, default: 0]) }
      reached = failOn.compactMap { gate in
        let severity = gate.severity
        guard let vendor = reported[severity] else {
          if short {
            return "\(severity) cannot be judged: the provider reports no \(severity) count and "
              + "lists \(heldOfCounts) of the \(counts) findings it counts"
          }
          let count = counted[severity, default: 0]
          return count >= gate.count ? "\(severity): \(count) >= \(gate.count)" : nil
        }
        if baseline, vendor > held[severity, default: 0] {
          return "\(severity) cannot be judged against the baseline: the provider counts "
            + "\(vendor) and lists \(held[severity, default: 0]), and those unlisted may be new"
        }
        var count = counted[severity, default: 0]
        if !baseline { count = max(count, vendor) }
        return count >= gate.count ? "\(severity): \(count) >= \(gate.count)" : nil
      }
    } else if let reported {
      reached = failOn.compactMap { gate in
        guard let count = reported[gate.severity] else { return "\(gate.severity): not reported" }
        return count >= gate.count ? "\(gate.severity): \(count) >= \(gate.count)" : nil
      }
    } else {
      verdict = .failed(["no severity counts or findings were reported"])
      return
    }
    verdict = reached.isEmpty ? .passed : .failed(reached)
  }
}
