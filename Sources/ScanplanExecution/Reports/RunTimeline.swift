/// When things happened during a run, for the HTML page and the report's `timeline`
/// keys: each scan's first running status and its polls, and each budget's 429 pauses
/// and requests over time. The run driver feeds it every tick's requests and every
/// event, with the time; it holds a few numbers per poll.
package struct RunTimeline: Sendable {
  /// One scan's moments, in seconds since the run started.
  package struct Scan: Sendable, Equatable {
    /// The first poll that found it running (or past running), if one did.
    package var runningAt: Double?
    /// When each poll was sent.
    package var polls: [Double] = []
  }

  /// A 429's pause of a budget, in seconds since the run started.
  package struct Pause: Sendable, Equatable {
    package let from: Double
    /// When requests could go again.
    package let until: Double
  }

  /// One budget's moments.
  package struct Budget: Sendable, Equatable {
    /// Its 429 pauses, in order.
    package var pauses: [Pause] = []
    /// When each request was sent, in order.
    package var sends: [Double] = []
    /// When each trigger the vendor limits (`triggers_per_minute`) left, in order; kept
    /// by a real run only.
    package var triggers: [Double] = []
  }

  /// Each job's moments, in job order.
  package private(set) var scans: RunTable<JobID, Scan>
  /// Each budget's moments, in budget order.
  package private(set) var budgets: RunTable<BudgetID, Budget>

  /// An empty timeline for a run of `jobs` scans over `budgets` budgets.
  package init(jobs: Int, budgets: Int) {
    scans = RunTable(Array(repeating: Scan(), count: jobs))
    self.budgets = RunTable(Array(repeating: Budget(), count: budgets))
  }

  /// Requests that left at `now`.
  package mutating func sent(_ requests: [SchedulerCore.Outgoing], at now: Double) {
    for request in requests {
      sent(request.kind, job: request.job, budget: request.budget, at: now)
    }
  }

  /// One request that left at `now`: polls are the scan's ticks; every request counts
  /// against its budget.
  package mutating func sent(
    _ kind: SchedulerCore.RequestKind, job: JobID, budget: BudgetID, at now: Double
  ) {
    budgets[budget].sends.append(now)
    if kind == .poll { scans[job].polls.append(now) }
  }

  /// The moments requests actually left, one list per budget, in place of the moments
  /// they were dispatched: a request held back by a pause left later. `triggers` are
  /// the moments of those of them that were limited triggers.
  package mutating func departed(_ departures: [[Double]], triggers: [[Double]]) {
    for (index, times) in departures.enumerated() { budgets[BudgetID(index)].sends = times }
    for (index, times) in triggers.enumerated() { budgets[BudgetID(index)].triggers = times }
  }

  /// Events that happened at `now`; a 429's pause began at `pausedFrom` when the
  /// requests were held later than the answer came.
  package mutating func record(_ events: [RunEvent], at now: Double, pausedFrom: Double? = nil) {
    for event in events {
      switch event {
      case .status(let job, let status, _) where status != "queued":
        if scans[job].runningAt == nil { scans[job].runningAt = now }
      case .throttled(let budget, let seconds, _):
        budgets[budget].pauses.append(Pause(from: pausedFrom ?? now, until: now + seconds))
      default:
        break
      }
    }
  }
}
