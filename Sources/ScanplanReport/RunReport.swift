import ScanplanVendorKit

/// A run's report: one model, built by the run in memory and decoded from its JSON by
/// `scanplan report`, that every output is drawn from (the JSON report, JUnit, SARIF, the
/// HTML page, the job summary). Times are written as the report writes them: ISO 8601 for
/// moments, seconds since the run started in timelines.
public struct RunReport: Sendable {
  /// The report format's version. Keys were added to version 1 without changing it
  /// (`duration_seconds`, `timeline`, `findings`, ...): readers skip what they do not know.
  public static let version = 1

  /// A name and a count: a status's scans, or a severity's findings.
  public struct Count: Sendable, Equatable {
    /// The status or severity.
    public let name: String
    /// How many.
    public let count: Int

    /// A count.
    public init(name: String, count: Int) {
      self.name = name
      self.count = count
    }
  }

  /// A scan's `fail_on` gate: what it was judged by, and the verdict.
  public struct Gate: Sendable, Equatable {
    /// The thresholds, severity to the fewest findings that fail it; empty when a report
    /// of an earlier version did not say.
    public var failOn: [Count]
    /// The verdict.
    public var verdict: GateVerdict

    /// A gate.
    public init(failOn: [Count], verdict: GateVerdict) {
      self.failOn = failOn
      self.verdict = verdict
    }

    /// `passed` or `failed`.
    public var word: String { verdict == .passed ? "passed" : "failed" }

    /// Why it failed; empty when it passed.
    public var reasons: [String] {
      if case .failed(let reasons) = verdict { return reasons }
      return []
    }
  }

  /// One scan's row.
  public struct Scan: Sendable {
    /// `ASSET/NAME`.
    public var id: String
    /// Its provider's name.
    public var provider: String
    /// The provider's scan id.
    public var scanID: String?
    /// How it ended (`running` if it had not).
    public var status: ScanStatus
    /// Why, for outcomes with a reason.
    public var reason: String?
    /// Whether the scan id came from a 409.
    public var adopted = false
    /// Whether it came from a listing after a lost trigger.
    public var recovered = false
    /// Whether it ended in an earlier run and is reported from the state file.
    public var resumed = false
    /// When the trigger was answered, ISO 8601.
    public var triggeredAt: String?
    /// When it ended, ISO 8601.
    public var endedAt: String?
    /// Seconds from trigger to end.
    public var duration: Double?
    /// Polls answered.
    public var polls = 0
    /// The last status in the shared words.
    public var lastStatus: String?
    /// The vendor's word for it, where it differs.
    public var vendorStatus: String?
    /// Percent done.
    public var progress: Int?
    /// Findings by severity, most severe first: as the provider reported them, or, for a
    /// vendor that reports none (S4E, ZAP), counted by scanplan from the listed findings
    /// (`severityCountsByScanplan`).
    public var severityCounts: [Count]?
    /// Whether scanplan counted `severityCounts` from the listing, the provider reporting
    /// none: they are no evidence beside the listing, and never judged as the vendor's.
    public var severityCountsByScanplan = false
    /// The provider's id of this run of the scan.
    public var sessionID: String?
    /// Its gate, when it has one.
    public var gate: Gate?
    /// What the run said of it beyond its outcome.
    public var notes: [String] = []
    /// Where the scan is defined, `file:line:column`.
    public var location: String
    /// Seconds since the run started: the trigger, the first running status, the end.
    public var triggered: Double?
    /// When a poll first found it running.
    public var running: Double?
    /// When it ended.
    public var ended: Double?
    /// When each poll was sent.
    public var pollTimes: [Double] = []
    /// Its findings, absent ones of a baseline included; nil when they were not read.
    public var findings: [Finding]?
    /// Why its findings could not be read.
    public var findingsError: String?

    /// A row.
    public init(id: String, provider: String, status: ScanStatus, location: String) {
      self.id = id
      self.provider = provider
      self.status = status
      self.location = location
    }

    /// Whether the scan did not end well: anything but completed (or triggered, for a
    /// scan not waited for), a failed gate, or findings that could not be read.
    public var isFailure: Bool {
      !status.endedWell || gateFailed || findingsError != nil
    }

    /// Whether its gate failed.
    public var gateFailed: Bool { gate.map { $0.verdict != .passed } ?? false }
  }

  /// A 429's pause of a budget, in seconds since the run started.
  public struct Pause: Sendable, Equatable {
    /// When it began.
    public let from: Double
    /// When requests could go again.
    public let until: Double

    /// A pause.
    public init(from: Double, until: Double) {
      self.from = from
      self.until = until
    }
  }

  /// One provider's budget.
  public struct Provider: Sendable {
    /// Its name.
    public var name: String
    /// The configured rate, requests per second.
    public var rate: Double
    /// Requests sent.
    public var requests = 0
    /// 429 answers.
    public var throttled = 0
    /// Seconds during which a request was due but waited for the budget.
    public var backloggedSeconds = 0.0
    /// Requests sent while the budget was backlogged.
    public var backloggedRequests = 0
    /// 429 pauses.
    public var pauses: [Pause] = []
    /// The seconds each entry of `requestCounts` covers.
    public var intervalSeconds = 1
    /// Requests sent in each interval, from the start.
    public var requestCounts: [Int] = []

    /// A provider's row.
    public init(name: String, rate: Double) {
      self.name = name
      self.rate = rate
    }
  }

  /// When the run started, ISO 8601.
  public var startedAt: String
  /// When it ended.
  public var endedAt: String
  /// Its length in seconds; nil in a report written without a timeline.
  public var duration: Double?
  /// The exit code the run had.
  public var exitCode: Int32
  /// Whether it was interrupted.
  public var interrupted: Bool
  /// Providers that never answered.
  public var unreachableProviders: [String] = []
  /// The providers' budgets.
  public var providers: [Provider] = []
  /// The scans, in plan order.
  public var scans: [Scan] = []
  /// The baseline report the findings' states come from, when there was one.
  public var baseline: String?

  /// A report.
  public init(startedAt: String, endedAt: String, exitCode: Int32, interrupted: Bool) {
    self.startedAt = startedAt
    self.endedAt = endedAt
    self.exitCode = exitCode
    self.interrupted = interrupted
  }

  /// Whether the report has the moments the timeline needs.
  public var hasTimeline: Bool { duration != nil }

  /// Scans by status in a fixed order, leaving out those that did not occur; then the
  /// gates that failed, and the scans whose findings could not be read.
  public var summary: [Count] {
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
  public static func exitCode(
    _ scans: [Scan], interrupted: Bool, unreachableProviders: [String]
  ) -> Int32 {
    if interrupted || !unreachableProviders.isEmpty { return 3 }
    if scans.contains(where: { $0.status == .refused }) { return 3 }
    return scans.contains(where: \.isFailure) ? 1 : 0
  }
}
