import ScanplanSupport
package import ScanplanVendorKit

/// A run's report: one model, built by the run in memory and decoded from its JSON by
/// `scanplan report`, that every output is drawn from (the JSON report, JUnit, SARIF, the
/// HTML page, the job summary). Times are written as the report writes them: ISO 8601 for
/// moments, seconds since the run started in timelines.
package struct RunReport: Sendable {
  /// The report format's version. Keys were added to version 1 without changing it
  /// (`duration_seconds`, `timeline`, `findings`, ...): readers skip what they do not know.
  package static let version = 1

  /// A name and a count: a status's scans, or a severity's findings.
  package struct Count: Sendable, Equatable {
    /// The status or severity.
    package let name: String
    package let count: Int

    package init(name: String, count: Int) {
      self.name = name
      self.count = count
    }
  }

  /// A scan's `fail_on` gate: what it was judged by, and the verdict.
  package struct Gate: Sendable, Equatable {
    /// The thresholds; empty when a report of an earlier version did not say.
    package var failOn: [GateThreshold]
    package var verdict: GateVerdict

    package init(failOn: [GateThreshold], verdict: GateVerdict) {
      self.failOn = failOn
      self.verdict = verdict
    }

    /// `passed` or `failed`.
    package var word: String { verdict == .passed ? "passed" : "failed" }

    /// Why it failed; empty when it passed.
    package var reasons: [String] {
      if case .failed(let reasons) = verdict { return reasons }
      return []
    }
  }

  /// One scan's row: which scan, its result, and the moments only a timeline keeps. The
  /// result's fields read through it (`scan.polls`, `scan.status`).
  @dynamicMemberLookup
  package struct Scan: Sendable {
    /// `ASSET/NAME`.
    package var id: String
    package var provider: String
    /// Where the scan is defined, `file:line:column`.
    package var location: String
    /// How it ended, and everything the run learned of it.
    package var result: ScanResult
    /// Seconds since the run started when a poll first found it running.
    package var running: Double?
    /// When each poll was sent.
    package var pollTimes: [Double] = []
    /// Seconds from trigger to end, to the millisecond, from the unrounded moments: as
    /// the report writes it, and as a report read back says it.
    package var duration: Double?

    package init(id: String, provider: String, location: String, result: ScanResult) {
      self.id = id
      self.provider = provider
      self.location = location
      self.result = result
      duration = result.duration.map(ScanResult.milliseconds)
    }

    /// The row of a scan that ended with `status`, nothing else known of it.
    package init(id: String, provider: String, status: ScanStatus, location: String) {
      self.init(
        id: id, provider: provider, location: location,
        result: ScanResult(outcome: ScanOutcome(status: status, reason: nil)))
    }

    package subscript<Value>(dynamicMember field: WritableKeyPath<ScanResult, Value>) -> Value {
      get { result[keyPath: field] }
      // In place: appending a page of findings must not copy the ones before it.
      _modify { yield &result[keyPath: field] }
    }

    package subscript<Value>(dynamicMember field: KeyPath<ScanResult, Value>) -> Value {
      result[keyPath: field]
    }

    /// Seconds since the run started when the trigger was answered, to the millisecond.
    package var triggered: Double? { result.triggeredAt.map(ScanResult.milliseconds) }
    /// When it ended.
    package var ended: Double? { result.endedAt.map(ScanResult.milliseconds) }

    /// Findings by severity, most severe first (see `ScanResult.shownCounts`).
    package var severityCounts: [Count]? { result.shownCounts?.counts }
    /// Whether scanplan counted `severityCounts` from the listing.
    package var severityCountsByScanplan: Bool { result.shownCounts?.byScanplan ?? false }

    /// Its gate, when it has one.
    package var gate: Gate? {
      get { result.gate.map { Gate(failOn: result.failOn, verdict: $0) } }
      set {
        result.gate = newValue?.verdict
        if let newValue { result.failOn = newValue.failOn }
      }
    }
  }

  /// A 429's pause of a budget, in seconds since the run started.
  package struct Pause: Sendable, Equatable {
    package let from: Double
    /// When requests could go again.
    package let until: Double

    package init(from: Double, until: Double) {
      self.from = from
      self.until = until
    }
  }

  /// One provider's budget.
  package struct Provider: Sendable {
    package var name: String
    /// The configured rate, requests per second.
    package var rate: Double
    package var requests = 0
    /// 429 answers.
    package var throttled = 0
    /// Seconds during which a request was due but waited for the budget.
    package var backloggedSeconds = 0.0
    /// Requests sent while the budget was backlogged.
    package var backloggedRequests = 0
    /// 429 pauses.
    package var pauses: [Pause] = []
    /// The seconds each entry of `requestCounts` covers.
    package var intervalSeconds = 1
    /// Requests sent in each interval, from the start.
    package var requestCounts: [Int] = []

    /// A provider's row.
    package init(name: String, rate: Double) {
      self.name = name
      self.rate = rate
    }
  }

  /// When the run started, ISO 8601.
  package var startedAt: String
  /// When the run started, in seconds since the Unix epoch: what the scans' times count
  /// from.
  package var epoch: Double
  package var endedAt: String
  /// Its length in seconds; nil in a report written without a timeline.
  package var duration: Double?
  /// The exit code the run had.
  package var exitCode: Int32
  /// Whether it was interrupted.
  package var interrupted: Bool
  /// Providers that never answered.
  package var unreachableProviders: [String] = []
  package var providers: [Provider] = []
  /// The scans, in plan order.
  package var scans: [Scan] = []
  /// The baseline report the findings' states come from, when there was one.
  package var baseline: String?

  package init(startedAt: String, endedAt: String, exitCode: Int32, interrupted: Bool) {
    self.startedAt = startedAt
    self.epoch = UTCDate.parseISO8601(startedAt) ?? 0
    self.endedAt = endedAt
    self.exitCode = exitCode
    self.interrupted = interrupted
  }

  /// Whether the report has the moments the timeline needs.
  package var hasTimeline: Bool { duration != nil }

  /// Scans by status in a fixed order, leaving out those that did not occur; then the
  /// gates that failed, and the scans whose findings could not be read.
  package var summary: [Count] {
    var byStatus: [ScanStatus: Int] = [:]
    var gates = 0
    var unread = 0
    for scan in scans {
      byStatus[scan.status, default: 0] += 1
      if scan.gateFailed { gates += 1 }
      if scan.findingsError != nil { unread += 1 }
    }
    var counts = ScanStatus.allCases.compactMap { status in
      byStatus[status].map { Count(name: status.rawValue, count: $0) }
    }
    if gates > 0 { counts.append(Count(name: "gate_failed", count: gates)) }
    if unread > 0 { counts.append(Count(name: "findings_unread", count: unread)) }
    return counts
  }

  /// The exit code of scans that ended so: 3 when the run was interrupted, a provider
  /// could not be reached or refused it; 1 when a scan did not complete, a gate failed,
  /// or findings could not be read; 0 otherwise.
  package static func exitCode(
    _ scans: [Scan], interrupted: Bool, unreachableProviders: [String]
  ) -> Int32 {
    if interrupted || !unreachableProviders.isEmpty { return ExitStatus.refused.code }
    if scans.contains(where: { $0.status == .refused }) { return ExitStatus.refused.code }
    return scans.contains(where: \.isFailure) ? ExitStatus.failed.code : ExitStatus.success.code
  }
}
