package import ScanplanReport
package import ScanplanVendorKit

extension SchedulerCore {
  /// The knobs, with the defaults the format documents.
  package struct Configuration: Sendable {
    /// Scans running at once across the run (`--concurrency`); nil for no limit.
    package var concurrency: Int?
    /// Retries of one request in a row before the scan is `errored`.
    package var maxRetries = 5
    /// Full-jitter back-off: a retry waits `random(0, min(base * 2^n, cap))` seconds.
    package var retryBase = 5.0
    /// The back-off's cap, in seconds.
    package var retryCap = 60.0
    /// A 429 sets the budget's rate to this fraction of the rate it learned as the limit.
    package var slowdown = 0.7
    /// Seconds after a 429's pause when the rate is back at the learned limit; it climbs
    /// slowly near the limit and faster past it (CUBIC).
    package var recoverySeconds = 6.0
    /// The rate never drops below this fraction of the configured rate.
    package var minimumRateFraction = 0.05
    /// Requests are paced at this fraction of the rate the server allows: a server that
    /// allows exactly the declared rate sees requests arrive a few milliseconds closer
    /// together than they left, and refuses one that comes too soon.
    package var headroom = 0.97
    /// Seconds without a 429 after which a lone 429 is jitter: its pause is honoured and
    /// the rate kept. A 429 within this time of another teaches a lower ceiling.
    package var jitterIsolation = 10.0
    /// Retries a budget may spend before its failing scans stop retrying.
    package var retryBudget = 20.0
    /// What each successful answer gives back to the retry budget.
    package var retryBudgetPerSuccess = 0.2
    /// Polls wait their interval times `1 + random(0, jitter)`: never early.
    package var jitter = 0.1
    /// Listing pages read to find a lost trigger's scan before it is taken as not made.
    package var maxLookupPages = 10
    /// Whether the scans of an asset are listed before a scan's first trigger, for a vendor
    /// that lists them, so that after a lost answer the scan it made is told from older
    /// ones (`SchedulerCore+Lookup`). Off only in tests of other mechanics.
    package var census = true
    /// Findings pages read of one scan before its list is taken as one that never ends
    /// (100,000 findings at 100 a page).
    package var maxFindingsPages = 1000
    /// The findings of an earlier run's report: this run's findings get their states
    /// against it, and gates count new ones only.
    package var baseline: Baseline?
    /// Whether there is a baseline.
    package var hasBaseline: Bool { baseline != nil }
    /// Seconds since the Unix epoch at time 0, to read `Retry-After` dates.
    package var epochAtStart: Double

    /// The defaults, for a run starting at `epochAtStart`.
    package init(epochAtStart: Double, concurrency: Int? = nil) {
      self.epochAtStart = epochAtStart
      self.concurrency = concurrency
    }
  }

  /// What a request is for.
  package enum RequestKind: Sendable, Equatable {
    /// Readying the target before the first trigger (`ProviderAPI.preparation`).
    case prepare
    /// Starting the scan.
    case trigger
    /// Asking how the scan stands.
    case poll
    /// Asking how a conflicting scan stands (`on_conflict: wait`).
    case conflictPoll
    /// Listing the asset's scans to find the one a lost trigger made.
    case lookup
    /// Listing the asset's scans just before the first trigger, so that a lookup takes
    /// none that existed before it.
    case census
    /// A page of a completed scan's findings.
    case findings
    /// Starting the scan's next stage, once the last one completed (ZAP's active scan
    /// after its crawl).
    case stage

    /// Whether the request makes a scan at the vendor.
    var startsAScan: Bool { self == .trigger || self == .stage }
    /// Whether the request comes before the scan exists: stopping the run ends its scan
    /// `not_started`, and it is sent before polls that are as due.
    var beforeTheScan: Bool {
      self == .prepare || self == .trigger || self == .lookup || self == .census
    }
  }

  /// A request to send now.
  package struct Outgoing: Sendable {
    /// Identifies the answer when it comes back.
    package let ticket: Int
    /// The job the request belongs to.
    package let job: JobID
    /// What it is for.
    package let kind: RequestKind
    package let request: HTTPRequest
    /// The budget it counts against.
    package let budget: BudgetID
  }

  /// What a state file remembers of a scan from an earlier run.
  package struct Restored: Sendable {
    /// The provider's scan id, if the trigger was answered.
    package var scanID: String?
    /// Whether a trigger was sent without a recorded answer.
    package var attempted: Bool
    /// How it ended, with its verdict, if it did.
    package var result: ScanResult?
    /// What the run should say about the entry: why it was not reused, or why the scan
    /// is asked about again.
    package var note: String?
    /// The scan completed, and its findings were being read.
    package var findingsProgress: FindingsProgress?
    /// The asset's scans listed before the first trigger, when they were.
    package var census: Set<String>?
    /// The scan id whose next stage an earlier run started without an answer.
    package var stagedAfter: String?

    package init(
      scanID: String?, attempted: Bool, result: ScanResult? = nil, note: String? = nil,
      findingsProgress: FindingsProgress? = nil, census: Set<String>? = nil,
      stagedAfter: String? = nil
    ) {
      self.census = census
      self.stagedAfter = stagedAfter
      self.scanID = scanID
      self.attempted = attempted
      self.result = result
      self.note = note
      self.findingsProgress = findingsProgress
    }
  }

  /// How far reading a completed scan's findings got in an earlier run.
  package struct FindingsProgress: Sendable {
    /// What the polls found when the vendor reported the scan completed.
    package var ended: ScanResult
    package var findings: [Finding]
    /// The next page; nil before the first, or after the last when `done`.
    package var cursor: FindingsCursor?
    /// Whether every page was read.
    package var done: Bool

    package init(ended: ScanResult, findings: [Finding], cursor: FindingsCursor?, done: Bool) {
      self.ended = ended
      self.findings = findings
      self.cursor = cursor
      self.done = done
    }
  }

  /// One budget's counters, for reports and benchmarks.
  package struct BudgetStatistics: Sendable, Equatable {
    package var requests = 0
    /// 429 answers received.
    package var throttled = 0
    /// Seconds during which a request was due but waited for the budget's spacing or a
    /// pause: the time the budget, not the schedule, set the pace.
    package var backloggedSeconds = 0.0
    /// Requests sent while the budget was backlogged: with `backloggedSeconds`, how fully
    /// the run used the budget when demand exceeded it.
    package var backloggedRequests = 0
    /// When the budget last became backlogged, while it is.
    var backloggedSince: Double?

    /// Counters at zero.
    package init() {}
  }
}
