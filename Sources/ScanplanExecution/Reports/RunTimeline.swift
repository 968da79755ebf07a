/// When things happened during a run, for the HTML page and the report's `timeline`
/// keys: each scan's first running status and its polls, and each budget's 429 pauses
/// and requests over time. The run driver feeds it every tick's requests and every
/// event, with the time; it holds a few numbers per poll.
public struct RunTimeline: Sendable {
  /// One scan's moments, in seconds since the run started.
  public struct Scan: Sendable, Equatable {
    /// The first poll that found it running (or past running), if one did.
    public var runningAt: Double?
    /// When each poll was sent.
    public var polls: [Double] = []
  }

  /// A 429's pause of a budget, in seconds since the run started.
  public struct Pause: Sendable, Equatable {
    /// When it began.
    public let from: Double
    /// When requests could go again.
    public let until: Double
  }

  /// One budget's moments.
  public struct Budget: Sendable, Equatable {
    /// Its 429 pauses, in order.
    public var pauses: [Pause] = []
    /// When each request was sent, in order.
    public var sends: [Double] = []
    /// When each trigger the vendor limits (`triggers_per_minute`) left, in order; kept
    /// by a real run only.
    public var triggers: [Double] = []
  }

  /// Each job's moments, in job order.
  public private(set) var scans: [Scan]
  /// Each budget's moments, in budget order.
  public private(set) var budgets: [Budget]

  /// An empty timeline for a run of `jobs` scans over `budgets` budgets.
  public init(jobs: Int, budgets: Int) {
    scans = Array(repeating: Scan(), count: jobs)
    self.budgets = Array(repeating: Budget(), count: budgets)
  }

  /// Requests that left at `now`.
  public mutating func sent(_ requests: [SchedulerCore.Outgoing], at now: Double) {
    for request in requests {
      sent(request.kind, job: request.job, budget: request.budget, at: now)
    }
  }

  /// One request that left at `now`: polls are the scan's ticks; every request counts
  /// against its budget.
  public mutating func sent(
    _ kind: SchedulerCore.RequestKind, job: Int, budget: Int, at now: Double
  ) {
    budgets[budget].sends.append(now)
    if kind == .poll { scans[job].polls.append(now) }
  }

  /// The moments requests actually left, one list per budget, in place of the moments
  /// they were dispatched: a request held back by a pause left later. `triggers` are
  /// the moments of those of them that were limited triggers.
  public mutating func departed(_ departures: [[Double]], triggers: [[Double]]) {
    for (index, times) in departures.enumerated() { budgets[index].sends = times }
    for (index, times) in triggers.enumerated() { budgets[index].triggers = times }
  }

  /// Events that happened at `now`; a 429's pause began at `pausedFrom` when the
  /// requests were held later than the answer came.
  public mutating func record(_ events: [RunEvent], at now: Double, pausedFrom: Double? = nil) {
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
