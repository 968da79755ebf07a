package import ScanplanVendorKit

/// Everything a run knows of one scan's end, and of its way there: the one row that the
/// scheduler fills, the state journal keeps, and the report, the console, JUnit, SARIF,
/// the page and the summary read. Times are seconds since the run started (negative for
/// a scan that ended in an earlier run); the codec turns them into what each file writes.
package struct ScanResult: Sendable, Equatable {
  /// Where the scan id came from.
  package enum Origin: String, Sendable, CaseIterable {
    /// The trigger's answer.
    case triggered
    /// A 409 naming a scan already running.
    case adopted
    /// The asset's scans, listed after a trigger's answer was lost: the scan it made.
    case recovered
  }

  /// How it ended; nil while it runs.
  package var outcome: ScanOutcome?
  /// The provider's id of the scan.
  package var scanID: String?
  package var origin = Origin.triggered
  /// Whether it ended in an earlier run, and is reported from the state file.
  package var resumed = false
  /// When the trigger was answered.
  package var triggeredAt: Double?
  package var endedAt: Double?
  package var polls = 0
  /// The last status, in the provider's words.
  package var lastStatus: String?
  /// What the last status means.
  package var lastState: ScanState?
  /// Percent done, when reported.
  package var progress: Int?
  /// Findings by severity, as the provider reported them.
  package var severityCounts: [String: Int]?
  /// The provider's id for this run of the scan.
  package var sessionID: String?
  /// The gate it is judged by (its `fail_on`); a later run whose plan has another gate
  /// judges the stored facts again instead of reusing the verdict.
  package var failOn: [GateThreshold] = []
  /// The gate's verdict, when it has one.
  package var gate: GateVerdict?
  /// The findings listed, once read (absent ones of a baseline included); nil when they
  /// were not (the vendor lists none, reading is off, or they could not be read).
  package var findings: [Finding]?
  /// Why the findings could not be read: the gate fails closed.
  package var findingsError: String?
  /// What the run says of the scan beyond its outcome: a state file's entry not reused,
  /// and why.
  package var notes: [String] = []

  /// A scan that has not started, or that ended so.
  package init(outcome: ScanOutcome? = nil) {
    self.outcome = outcome
  }

  /// How it ended, `running` while it runs.
  package var status: ScanStatus { outcome?.status ?? .running }

  /// Why, for outcomes with a reason.
  package var reason: String? { outcome?.reason }

  /// The last status as output shows it: the shared word (`paused` for Invicti's
  /// `pausing`), or the provider's own when the runner does not know it.
  package var shownStatus: String? {
    guard let lastStatus else { return nil }
    guard let lastState, lastState != .unknown else { return lastStatus }
    return lastState.rawValue
  }

  /// Seconds from the trigger's answer to the end.
  package var duration: Double? {
    guard let triggeredAt, let endedAt else { return nil }
    return endedAt - triggeredAt
  }

  /// Whether its gate failed.
  package var gateFailed: Bool { gate.map { $0 != .passed } ?? false }

  /// Whether the scan did not end well: anything but completed (or triggered, for a
  /// scan not waited for), a failed gate, or findings that could not be read.
  package var isFailure: Bool {
    !status.endedWell || gateFailed || findingsError != nil
  }

  /// The same result, its moments counted from `seconds` earlier: a state file keeps
  /// them from the Unix epoch, a run from its start.
  package func shifted(by seconds: Double) -> ScanResult {
    var copy = self
    copy.triggeredAt = triggeredAt.map { $0 + seconds }
    copy.endedAt = endedAt.map { $0 + seconds }
    return copy
  }

  /// Whether `thresholds` is the gate the verdict was reached by, in any order.
  package func judged(by thresholds: [GateThreshold]) -> Bool {
    Dictionary(failOn.map { ($0.severity, $0.count) }, uniquingKeysWith: max)
      == Dictionary(thresholds.map { ($0.severity, $0.count) }, uniquingKeysWith: max)
  }
}
