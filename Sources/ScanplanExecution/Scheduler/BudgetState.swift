import HeapModule
import ScanplanReport

/// One request budget as the scheduler keeps it: its rate, its pauses, the trigger
/// spacing the vendor asks for, and the requests waiting for it.
///
/// Triggers wait in a queue of their own, so that a trigger held back by the vendor's
/// trigger limit never holds up a poll that is due: the next request is whichever of the
/// two queues' heads may go first, the trigger on a tie.
struct BudgetState: Sendable {
  /// A request waiting for its time.
  struct Item: Comparable, Sendable {
    let due: Double
    /// 0 for requests that start a scan (triggers, lookups, censuses), 1 for polls.
    let priority: Int
    let sequence: Int
    let job: JobID
    let kind: SchedulerCore.RequestKind

    static func < (lhs: Item, rhs: Item) -> Bool {
      if lhs.due != rhs.due { return lhs.due < rhs.due }
      if lhs.priority != rhs.priority { return lhs.priority < rhs.priority }
      return lhs.sequence < rhs.sequence
    }
  }

  /// The rate as learned from 429s and `RateLimit` headers.
  var pace: AdaptiveRate
  /// Seconds between two triggers; 0 when only the rate limits them.
  let triggerSpacing: Double
  var nextSend = 0.0
  var nextTrigger = 0.0
  var pausedUntil = 0.0
  /// How every scan of the budget ends once the provider refused the run or cannot be
  /// reached safely; nil while it runs. Nothing more is sent once it is set.
  var stop: ScanOutcome?
  var stopped: Bool { stop != nil }
  var retryTokens: Double
  var active = 0
  /// Scans of the budget whose last trigger went unanswered and whose scan is not yet
  /// found: each may have made a scan this run does not know.
  var unsettled: Set<JobID> = []
  /// Triggers and stage starts sent and not yet answered.
  var startsInFlight = 0
  /// Whether a trigger waits while another start is unsettled or unanswered: set for a
  /// vendor whose list of scans names no asset (ZAP), so that the one scan new in it
  /// after a lost answer is that trigger's.
  var serializesStarts = false
  /// Starts of the budget that may have made a scan this run will never know (a stage or
  /// trigger unanswered when its scan ended).
  var orphans = 0
  private(set) var triggers = Heap<Item>()
  private(set) var others = Heap<Item>()
  /// Jobs that ended while a request of theirs waited: their requests are dropped when
  /// they reach a queue's head, so ending a scan costs O(log n), not a rebuild of the
  /// queue. No head is ever such a request.
  private var ended: Set<JobID> = []

  init(pace: AdaptiveRate, triggerSpacing: Double?, retryTokens: Double) {
    self.pace = pace
    self.triggerSpacing = triggerSpacing ?? 0
    self.retryTokens = retryTokens
  }

  /// The earliest time the head trigger may go: its due time, or later when the
  /// trigger spacing holds it back.
  private var triggerTime: Double? {
    guard let head = triggers.min else { return nil }
    if serializesStarts,
      startsInFlight > 0 || unsettled.count > (unsettled.contains(head.job) ? 1 : 0)
    {
      return nil
    }
    return max(head.due, nextTrigger)
  }

  /// The request that may go at `now`: of those the spacing lets go, the earliest due,
  /// a trigger first on a tie. A trigger held back keeps its place by its due time.
  func next(now: Double) -> Item? {
    var best: Item?
    if let trigger = triggers.min, let time = triggerTime, time <= now { best = trigger }
    if let other = others.min, other.due <= now, best.map({ other < $0 }) ?? true {
      best = other
    }
    return best
  }

  /// When the next request may leave: the earliest a head may go, the budget's spacing
  /// and any pause.
  func sendTime() -> Double? {
    let earliest: Double
    switch (triggerTime, others.min?.due) {
    case (nil, nil): return nil
    case (let time?, nil), (nil, let time?): earliest = time
    case (let trigger?, let other?): earliest = min(trigger, other)
    }
    return max(earliest, nextSend, pausedUntil)
  }

  /// Whether a request's schedule says it is due, whatever holds it back.
  func hasDue(_ now: Double) -> Bool {
    (triggers.min?.due ?? .infinity) <= now || (others.min?.due ?? .infinity) <= now
  }

  /// Triggers, and the census just before a scan's first trigger, wait in the trigger
  /// queue: the census goes when the trigger could, so that what it lists is what the
  /// asset had when the trigger left, and it takes none of the trigger spacing.
  mutating func insert(_ item: Item) {
    if item.kind == .trigger || item.kind == .census {
      triggers.insert(item)
    } else {
      others.insert(item)
    }
  }

  /// Takes the request `next(now:)` gave, and holds the following ones back by the rate and,
  /// for a trigger, the trigger spacing.
  mutating func take(_ item: Item, now: Double) {
    if item.kind == .trigger {
      _ = triggers.popMin()
      nextTrigger = max(nextTrigger, now) + triggerSpacing
    } else if item.kind == .census {
      _ = triggers.popMin()
    } else {
      _ = others.popMin()
    }
    dropEndedHeads()
    // Spacing of 1 / rate from the later of the last send and now: a token bucket that
    // holds one token, so there are no bursts.
    nextSend = max(nextSend, now) + 1 / pace.rate(at: now)
  }

  /// Forgets a job's waiting requests; the job must never queue another.
  mutating func removeAll(job: JobID) {
    ended.insert(job)
    dropEndedHeads()
  }

  private mutating func dropEndedHeads() {
    while let head = triggers.min, ended.contains(head.job) { _ = triggers.popMin() }
    while let head = others.min, ended.contains(head.job) { _ = others.popMin() }
  }

  /// Forgets every waiting request.
  mutating func clear() {
    triggers = Heap()
    others = Heap()
  }
}
