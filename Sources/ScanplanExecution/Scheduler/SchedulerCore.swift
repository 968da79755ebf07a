import ScanplanJSON
import ScanplanPlan
import ScanplanSupport

/// The scheduler as a state machine, without I/O or real time: it is told the time, asked
/// which requests are due, and given their answers. The run driver feeds it from the
/// network and a real clock; tests feed it from a script and a virtual clock, so hours of
/// polling run in milliseconds and every request time can be asserted exactly.
///
/// Pacing, as docs/execution.md says: one budget per provider (requests spaced at
/// `1 / rate`), due requests earliest deadline first with triggers before polls, poll
/// schedules with back-off and positive jitter, 429 pauses with `Retry-After` and a
/// multiplicative slow-down that recovers as answers succeed, full-jitter retries of
/// network errors and 5xx with a limit per scan and a budget per provider, and 4xx never
/// retried.
public struct SchedulerCore: Sendable {
  /// The knobs, with the defaults the format documents.
  public struct Configuration: Sendable {
    /// Scans running at once across the run (`--concurrency`); nil for no limit.
    public var concurrency: Int?
    /// Retries of one request in a row before the scan is `errored`.
    public var maxRetries = 5
    /// Full-jitter back-off: a retry waits `random(0, min(base * 2^n, cap))` seconds.
    public var retryBase = 5.0
    /// The back-off's cap, in seconds.
    public var retryCap = 60.0
    /// A 429 multiplies the budget's rate by this.
    public var slowdown = 0.7
    /// Each successful answer raises the rate by this fraction of the configured rate.
    public var recovery = 0.05
    /// The rate never drops below this fraction of the configured rate.
    public var minimumRateFraction = 0.05
    /// Retries a budget may spend before its failing scans stop retrying.
    public var retryBudget = 20.0
    /// What each successful answer gives back to the retry budget.
    public var retryBudgetPerSuccess = 0.2
    /// Polls wait their interval times `1 + random(0, jitter)`: never early.
    public var jitter = 0.1
    /// Seconds since the Unix epoch at time 0, to read `Retry-After` dates.
    public var epochAtStart: Double

    /// The defaults, for a run starting at `epochAtStart`.
    public init(epochAtStart: Double, concurrency: Int? = nil) {
      self.epochAtStart = epochAtStart
      self.concurrency = concurrency
    }
  }

  /// What a request is for.
  public enum RequestKind: Sendable, Equatable {
    /// Starting the scan.
    case trigger
    /// Asking how the scan stands.
    case poll
    /// Asking how a conflicting scan stands (`on_conflict: wait`).
    case conflictPoll
  }

  /// A request to send now.
  public struct Outgoing: Sendable {
    /// Identifies the answer when it comes back.
    public let ticket: Int
    /// The job the request belongs to.
    public let job: Int
    /// What it is for.
    public let kind: RequestKind
    /// The request itself.
    public let request: HTTPRequest
    /// The budget it counts against.
    public let budget: Int
  }

  /// What a state file remembers of a scan from an earlier run.
  public struct Restored: Sendable {
    /// The provider's scan id, if the trigger was answered.
    public var scanID: String?
    /// Whether a trigger was sent without a recorded answer.
    public var attempted: Bool
    /// How it ended, if it did.
    public var outcome: ScanOutcome?

    /// Creates a restored entry.
    public init(scanID: String?, attempted: Bool, outcome: ScanOutcome?) {
      self.scanID = scanID
      self.attempted = attempted
      self.outcome = outcome
    }
  }

  private struct Budget: Sendable {
    let configuredRate: Double
    var rate: Double
    var nextSend = 0.0
    var pausedUntil = 0.0
    var refused = false
    var retryTokens: Double
    var active = 0
    var queue = MinHeap<QueueItem>()
  }

  private struct QueueItem: Comparable, Sendable {
    let due: Double
    let priority: Int
    let sequence: Int
    let job: Int
    let kind: RequestKind

    static func < (lhs: QueueItem, rhs: QueueItem) -> Bool {
      if lhs.due != rhs.due { return lhs.due < rhs.due }
      if lhs.priority != rhs.priority { return lhs.priority < rhs.priority }
      return lhs.sequence < rhs.sequence
    }
  }

  private enum Phase: Equatable {
    case pending
    case active
    case done
  }

  private struct Runtime: Sendable {
    var phase: Phase = .pending
    /// A trigger was sent and its outcome is unknown (lost answer, 5xx): a later 409 names
    /// the scan it probably created, which is adopted whatever `on_conflict` says.
    var ambiguous = false
    var failures = 0
    var interval: Double
    var conflictID: String?
    var conflictInterval: Double
    var hasTriggered = false
  }

  /// The run's plan.
  public let plan: RunPlan
  /// The knobs.
  public let configuration: Configuration
  /// What the run learned of each scan, in job order.
  public private(set) var records: [ScanRecord]
  /// Whether the run was interrupted.
  public private(set) var isInterrupted = false
  /// What each budget did, in budget order.
  public private(set) var budgetStatistics: [BudgetStatistics]

  /// One budget's counters, for reports and benchmarks.
  public struct BudgetStatistics: Sendable, Equatable {
    /// Requests sent.
    public var requests = 0
    /// 429 answers received.
    public var throttled = 0
    /// Seconds during which a request was due but waited for the budget's spacing or a
    /// pause: the time the budget, not the schedule, set the pace.
    public var backloggedSeconds = 0.0
    /// Requests sent while the budget was backlogged: with `backloggedSeconds`, how fully
    /// the run used the budget when demand exceeded it.
    public var backloggedRequests = 0
    /// When the budget last became backlogged, while it is.
    var backloggedSince: Double?
  }

  private var random: SeededRandom
  private var budgets: [Budget]
  private var runtimes: [Runtime]
  private var inFlight: [Int: (job: Int, kind: RequestKind)] = [:]
  private var nextTicket = 0
  private var sequence = 0
  private var active = 0
  private var busySequences: Set<String> = []
  private var pending: [Int]
  private var owners: [String: Int] = [:]
  private var events: [RunEvent] = []
  /// Set when a scan ended: the entry points start waiting scans once they are done.
  private var needsActivation = false

  /// A scheduler for a plan, starting at time 0, remembering `restored` scans.
  public init(
    plan: RunPlan, configuration: Configuration, random: SeededRandom,
    restored: [String: Restored] = [:]
  ) {
    self.plan = plan
    self.configuration = configuration
    self.random = random
    budgets = plan.budgets.map {
      Budget(
        configuredRate: $0.requestsPerSecond, rate: $0.requestsPerSecond,
        retryTokens: configuration.retryBudget)
    }
    budgetStatistics = Array(repeating: BudgetStatistics(), count: plan.budgets.count)
    records = plan.jobs.map {
      ScanRecord(job: $0.index, id: $0.id, provider: $0.provider, location: $0.location)
    }
    runtimes = plan.jobs.map {
      Runtime(
        interval: Double($0.poll.initialInterval), conflictInterval: Double($0.poll.initialInterval)
      )
    }
    pending = []
    for job in plan.jobs {
      if let entry = restored[job.id] {
        if let outcome = entry.outcome {
          records[job.index].scanID = entry.scanID
          records[job.index].outcome = outcome
          runtimes[job.index].phase = .done
          continue
        }
        if let scanID = entry.scanID {
          records[job.index].scanID = scanID
          owners[scanID] = job.index
        }
        runtimes[job.index].ambiguous = entry.attempted && entry.scanID == nil
      }
      pending.append(job.index)
    }
    activate(now: 0)
  }

  // MARK: Questions

  /// Whether every scan has ended and no answer is awaited.
  public var isFinished: Bool {
    inFlight.isEmpty && runtimes.allSatisfy { $0.phase == .done }
  }

  /// The earliest time a request may be sent, or nil when none is queued.
  public func nextSendTime() -> Double? {
    var earliest: Double?
    for budget in budgets where !budget.refused {
      guard let head = budget.queue.first else { continue }
      let time = max(head.due, budget.nextSend, budget.pausedUntil)
      earliest = min(earliest ?? time, time)
    }
    return earliest
  }

  /// The current rate of each budget, in requests per second.
  public var currentRates: [Double] { budgets.map(\.rate) }

  /// The events since the last call, in order.
  public mutating func takeEvents() -> [RunEvent] {
    defer { events = [] }
    return events
  }

  // MARK: Sending

  /// The requests to send at `now`, each budget's spacing respected.
  public mutating func takeDueRequests(now: Double) -> [Outgoing] {
    defer {
      activateIfNeeded(now: now)
      measureBacklog(now: now)
    }
    var outgoing: [Outgoing] = []
    for index in budgets.indices where !budgets[index].refused {
      while let head = budgets[index].queue.first, head.due <= now, budgets[index].nextSend <= now,
        budgets[index].pausedUntil <= now
      {
        _ = budgets[index].queue.popFirst()
        if isInterrupted, head.kind == .trigger {
          finish(head.job, .notStarted, now: now)
          continue
        }
        let job = plan.jobs[head.job]
        let request: HTTPRequest
        switch head.kind {
        case .trigger:
          request = job.api.triggerRequest(
            for: job.scan, assetKeys: job.assetKeys, baseURL: job.baseURL, token: job.token)
          events.append(.triggering(job: job.index))
        case .poll:
          request = job.api.pollRequest(
            scanID: records[job.index].scanID!, baseURL: job.baseURL, token: job.token)
        case .conflictPoll:
          request = job.api.pollRequest(
            scanID: runtimes[job.index].conflictID!, baseURL: job.baseURL, token: job.token)
        }
        // Spacing of 1 / rate from the later of the last send and now: a token bucket that
        // holds one token, so there are no bursts.
        budgets[index].nextSend = max(budgets[index].nextSend, now) + 1 / budgets[index].rate
        inFlight[nextTicket] = (job.index, head.kind)
        budgetStatistics[index].requests += 1
        if budgetStatistics[index].backloggedSince != nil {
          budgetStatistics[index].backloggedRequests += 1
        }
        outgoing.append(
          Outgoing(
            ticket: nextTicket, job: job.index, kind: head.kind, request: request, budget: index))
        nextTicket += 1
      }
    }
    return outgoing
  }

  /// Counts the time during which a budget had a due request it could not send yet.
  private mutating func measureBacklog(now: Double) {
    for index in budgets.indices {
      let due = budgets[index].queue.first.map { $0.due <= now } ?? false
      if due, !budgets[index].refused {
        if budgetStatistics[index].backloggedSince == nil {
          budgetStatistics[index].backloggedSince = now
        }
      } else if let since = budgetStatistics[index].backloggedSince {
        budgetStatistics[index].backloggedSeconds += now - since
        budgetStatistics[index].backloggedSince = nil
      }
    }
  }

  // MARK: Answers

  /// Takes the answer to a request sent earlier.
  public mutating func handle(
    ticket: Int, answer: Result<HTTPResponse, TransportError>, now: Double
  ) {
    defer { activateIfNeeded(now: now) }
    guard let (jobIndex, kind) = inFlight.removeValue(forKey: ticket) else { return }
    let job = plan.jobs[jobIndex]
    // A scan that ended meanwhile (its provider refused, the run stopped) takes no answer.
    guard runtimes[jobIndex].phase == .active else { return }
    let response: HTTPResponse
    switch answer {
    case .failure(let error):
      retry(jobIndex, kind, cause: error.message, now: now)
      return
    case .success(let answer):
      response = answer
    }
    switch response.status {
    case 429:
      throttle(job, kind, response: response, now: now)
      return
    case 401:
      refuseBudget(
        job.budget, reason: "the provider answered 401 Unauthorized: check the token", now: now)
      return
    case 500...599:
      retry(jobIndex, kind, cause: "the provider answered \(response.status)", now: now)
      return
    default:
      break
    }
    succeeded(budget: job.budget, status: response.status)
    switch kind {
    case .trigger: triggerAnswered(job, response, now: now)
    case .poll: pollAnswered(job, response, now: now)
    case .conflictPoll: conflictPollAnswered(job, response, now: now)
    }
  }

  /// Stops new triggers: scans not yet triggered end as `not_started`, scans already
  /// triggered as `interrupted` (a state file lets a later run re-attach to them).
  public mutating func interrupt(now: Double) {
    isInterrupted = true
    for index in runtimes.indices where runtimes[index].phase != .done {
      finish(
        index,
        runtimes[index].hasTriggered || records[index].scanID != nil ? .interrupted : .notStarted,
        now: now)
    }
    inFlight.removeAll()
  }

  private mutating func triggerAnswered(_ job: RunPlan.Job, _ response: HTTPResponse, now: Double) {
    let index = job.index
    if response.status == 409 {
      conflict(job, response, now: now)
      return
    }
    guard (200..<300).contains(response.status) else {
      finish(index, failure(response, "trigger"), now: now)
      return
    }
    guard let scanID = job.api.scanID(inTriggerAnswer: response) else {
      finish(
        index, .failed("the trigger was answered \(response.status) without a scan id"), now: now)
      return
    }
    started(job, scanID: scanID, adopted: false, now: now)
  }

  private mutating func conflict(_ job: RunPlan.Job, _ response: HTTPResponse, now: Double) {
    let index = job.index
    guard let running = job.api.scanID(inTriggerAnswer: response) else {
      finish(
        index,
        .failed("the trigger was answered 409 (a scan is running) without the running scan's id"),
        now: now)
      return
    }
    if let owner = owners[running], owner != index {
      // One of this run's own scans (say a `wait: false` scan of the same asset): wait
      // for it rather than adopt it as this one.
      waitFor(job, running, now: now)
      return
    }
    if runtimes[index].ambiguous {
      // The scan an earlier, unanswered trigger of this scan created.
      started(job, scanID: running, adopted: true, now: now)
      return
    }
    switch job.onConflict {
    case .adopt:
      started(job, scanID: running, adopted: true, now: now)
    case .wait:
      waitFor(job, running, now: now)
    case .fail:
      finish(
        index, .failed("scan \(running) of the asset is already running (on_conflict: fail)"),
        now: now)
    }
  }

  private mutating func waitFor(_ job: RunPlan.Job, _ running: String, now: Double) {
    runtimes[job.index].conflictID = running
    runtimes[job.index].conflictInterval = Double(job.poll.initialInterval)
    events.append(.waitingForConflict(job: job.index, scanID: running))
    enqueue(job.index, .conflictPoll, due: now + jittered(Double(job.poll.initialInterval)))
  }

  private mutating func started(_ job: RunPlan.Job, scanID: String, adopted: Bool, now: Double) {
    let index = job.index
    runtimes[index].hasTriggered = true
    runtimes[index].ambiguous = false
    records[index].scanID = scanID
    records[index].adopted = adopted
    records[index].triggeredAt = now
    owners[scanID] = index
    events.append(.triggered(job: index, scanID: scanID, adopted: adopted))
    guard job.scan.wait else {
      finish(index, .triggered, now: now)
      return
    }
    runtimes[index].interval = Double(job.poll.initialInterval)
    schedulePoll(job, after: runtimes[index].interval, now: now)
  }

  private mutating func pollAnswered(_ job: RunPlan.Job, _ response: HTTPResponse, now: Double) {
    let index = job.index
    guard (200..<300).contains(response.status) else {
      finish(index, failure(response, "status request"), now: now)
      return
    }
    let reading: PollReading
    switch job.api.reading(ofPollAnswer: response, scanID: records[index].scanID!) {
    case .failure(let error):
      retry(index, .poll, cause: error.message, now: now)
      return
    case .success(let read):
      reading = read
    }
    runtimes[index].failures = 0
    records[index].polls += 1
    // A terminal status is told by the scan's finish; only the way there is an event.
    if records[index].lastStatus != reading.status, !reading.state.isTerminal {
      events.append(
        reading.state == .unknown
          ? .unknownStatus(job: index, status: reading.status)
          : .status(job: index, status: reading.status))
    }
    if let phase = reading.phase, let furthest = records[index].phase, phase < furthest,
      let last = records[index].lastStatus
    {
      events.append(.statusWentBack(job: index, from: last, to: reading.status))
    }
    if let phase = reading.phase {
      records[index].phase = max(phase, records[index].phase ?? phase)
    }
    records[index].lastStatus = reading.status
    records[index].progress = reading.progress ?? records[index].progress
    records[index].severityCounts = reading.severityCounts ?? records[index].severityCounts
    records[index].sessionID = reading.sessionID ?? records[index].sessionID
    switch reading.state {
    case .completed:
      records[index].gate = gate(job, counts: records[index].severityCounts)
      finish(index, .completed, now: now)
    case .failed:
      finish(index, .failed("the provider reported the scan `\(reading.status)`"), now: now)
    case .cancelled:
      finish(index, .cancelled, now: now)
    case .running, .unknown:
      if let timeout = job.poll.timeout, let start = records[index].triggeredAt,
        now >= start + Double(timeout)
      {
        finish(index, .timedOut, now: now)
        return
      }
      let grown = runtimes[index].interval * job.poll.multiplier
      runtimes[index].interval = min(max(grown, 1), Double(job.poll.maxInterval))
      schedulePoll(job, after: runtimes[index].interval, now: now)
    }
  }

  private mutating func conflictPollAnswered(
    _ job: RunPlan.Job, _ response: HTTPResponse, now: Double
  ) {
    let index = job.index
    guard (200..<300).contains(response.status) else {
      if response.status == 404 {
        // The running scan is gone: nothing to wait for.
        enqueue(index, .trigger, due: now)
      } else {
        finish(index, failure(response, "status request for the running scan"), now: now)
      }
      return
    }
    switch job.api.reading(ofPollAnswer: response, scanID: runtimes[index].conflictID!) {
    case .failure(let error):
      retry(index, .conflictPoll, cause: error.message, now: now)
    case .success(let reading) where reading.state.isTerminal:
      runtimes[index].conflictID = nil
      enqueue(index, .trigger, due: now)
    case .success:
      runtimes[index].failures = 0
      let grown = runtimes[index].conflictInterval * job.poll.multiplier
      runtimes[index].conflictInterval = min(max(grown, 1), Double(job.poll.maxInterval))
      enqueue(index, .conflictPoll, due: now + jittered(runtimes[index].conflictInterval))
    }
  }

  /// The next poll, `interval` seconds on with positive jitter, but no later than the
  /// poll timeout, so the last chance to see the scan end comes at the deadline.
  private mutating func schedulePoll(_ job: RunPlan.Job, after interval: Double, now: Double) {
    var due = now + jittered(interval)
    if let timeout = job.poll.timeout, let start = records[job.index].triggeredAt {
      due = min(due, max(now, start + Double(timeout)))
    }
    enqueue(job.index, .poll, due: due)
  }

  private mutating func jittered(_ interval: Double) -> Double {
    max(1, interval) * (1 + random.unit() * configuration.jitter)
  }

  // MARK: Failures

  private func failure(_ response: HTTPResponse, _ what: String) -> ScanOutcome {
    let message = Self.vendorMessage(response)
    let detail = message.map { ": \($0)" } ?? ""
    if (300..<400).contains(response.status) {
      let target = response.header("Location").map { " to \(Self.clip($0))" } ?? ""
      return .failed(
        "the \(what) was answered with a redirect\(target), which is not followed\(detail)")
    }
    if response.status == 403 {
      return .refused("the \(what) was answered 403 Forbidden\(detail)")
    }
    return .failed("the \(what) was answered \(response.status)\(detail)")
  }

  /// The vendor's own words from an error body (`message`, `error`, `detail`), clipped.
  static func vendorMessage(_ response: HTTPResponse) -> String? {
    guard let body = try? JSONParser().parse(response.body) else { return nil }
    for key in ["message", "error", "detail", "title"] {
      if let text = body[key]?.stringValue, !text.isEmpty { return clip(text) }
    }
    return nil
  }

  static func clip(_ text: String) -> String {
    let line = text.prefix { $0 != "\n" && $0 != "\r" }
    return line.count > 200 ? String(line.prefix(197)) + "..." : String(line)
  }

  private mutating func retry(_ index: Int, _ kind: RequestKind, cause: String, now: Double) {
    let job = plan.jobs[index]
    if kind == .trigger { runtimes[index].ambiguous = true }
    runtimes[index].failures += 1
    let failures = runtimes[index].failures
    guard failures <= configuration.maxRetries else {
      finish(index, .errored("\(cause), \(failures) times in a row"), now: now)
      return
    }
    guard budgets[job.budget].retryTokens >= 1 else {
      finish(index, .errored("\(cause); the provider's retry budget is spent"), now: now)
      return
    }
    budgets[job.budget].retryTokens -= 1
    let ceiling = min(
      configuration.retryBase * Double(1 << min(failures - 1, 30)), configuration.retryCap)
    let delay = random.unit() * ceiling
    events.append(.retrying(job: index, cause: cause, delay: delay))
    enqueue(index, kind, due: now + delay)
  }

  private mutating func throttle(
    _ job: RunPlan.Job, _ kind: RequestKind, response: HTTPResponse, now: Double
  ) {
    let index = job.index
    let step: Double
    switch kind {
    case .trigger: step = Double(job.poll.initialInterval)
    case .poll: step = runtimes[index].interval
    case .conflictPoll: step = runtimes[index].conflictInterval
    }
    let wait =
      RetryAfter.seconds(in: response, now: configuration.epochAtStart + now) ?? max(1, step)
    var budget = budgets[job.budget]
    budget.pausedUntil = max(budget.pausedUntil, now + wait)
    budget.rate = max(
      budget.configuredRate * configuration.minimumRateFraction,
      budget.rate * configuration.slowdown)
    budgets[job.budget] = budget
    events.append(.throttled(budget: job.budget, seconds: wait, rate: budget.rate))
    budgetStatistics[job.budget].throttled += 1
    // Not a failure and not a retry: the same request goes again after the pause.
    enqueue(index, kind, due: budget.pausedUntil)
  }

  private mutating func succeeded(budget index: Int, status: Int) {
    guard (200..<300).contains(status) else { return }
    var budget = budgets[index]
    budget.rate = min(
      budget.configuredRate, budget.rate + budget.configuredRate * configuration.recovery)
    budget.retryTokens = min(
      configuration.retryBudget, budget.retryTokens + configuration.retryBudgetPerSuccess)
    budgets[index] = budget
  }

  /// A bad token is not a scan's problem: every scan of the budget ends at once.
  private mutating func refuseBudget(_ index: Int, reason: String, now: Double) {
    guard !budgets[index].refused else { return }
    budgets[index].refused = true
    budgets[index].queue = MinHeap()
    events.append(.refused(budget: index, reason: reason))
    for job in plan.jobs where job.budget == index && runtimes[job.index].phase != .done {
      finish(job.index, .refused(reason), now: now)
    }
    for (ticket, entry) in inFlight where plan.jobs[entry.job].budget == index {
      inFlight.removeValue(forKey: ticket)
    }
  }

  private func gate(_ job: RunPlan.Job, counts: [String: Int]?) -> GateVerdict? {
    guard !job.scan.failOn.isEmpty else { return nil }
    guard let counts else { return .failed(["no severity counts were reported"]) }
    let reached = job.scan.failOn.compactMap { severity, threshold -> String? in
      let count = counts[severity] ?? 0
      return count >= threshold ? "\(severity): \(count) >= \(threshold)" : nil
    }
    return reached.isEmpty ? .passed : .failed(reached)
  }

  // MARK: Activation

  private mutating func enqueue(_ index: Int, _ kind: RequestKind, due: Double) {
    sequence += 1
    let item = QueueItem(
      due: due, priority: kind == .trigger ? 0 : 1, sequence: sequence, job: index, kind: kind)
    budgets[plan.jobs[index].budget].queue.insert(item)
  }

  private mutating func finish(_ index: Int, _ outcome: ScanOutcome, now: Double) {
    guard runtimes[index].phase != .done else { return }
    let wasActive = runtimes[index].phase == .active
    runtimes[index].phase = .done
    records[index].outcome = outcome
    records[index].endedAt = now
    events.append(.finished(job: index))
    let job = plan.jobs[index]
    budgets[job.budget].queue.removeAll { $0.job == index }
    if wasActive {
      active -= 1
      budgets[job.budget].active -= 1
      if let key = job.sequenceKey { busySequences.remove(key) }
    }
    needsActivation = true
  }

  private mutating func activateIfNeeded(now: Double) {
    guard needsActivation, !isInterrupted else { return }
    needsActivation = false
    activate(now: now)
  }

  /// Starts pending scans in plan order while the limits allow: `--concurrency`, the
  /// budget's `max_concurrent_scans`, and one scan at a time per S4E asset.
  private mutating func activate(now: Double) {
    var still: [Int] = []
    var refused: [Int] = []
    defer {
      pending = still
      for index in refused { finish(index, .refused("the provider refused the token"), now: now) }
    }
    for index in pending {
      let job = plan.jobs[index]
      let budget = budgets[job.budget]
      if budget.refused {
        refused.append(index)
        continue
      }
      let overall = configuration.concurrency.map { active < $0 } ?? true
      let perBudget = plan.budgets[job.budget].maxConcurrentScans.map { budget.active < $0 } ?? true
      let sequenceFree = job.sequenceKey.map { !busySequences.contains($0) } ?? true
      guard overall, perBudget, sequenceFree else {
        still.append(index)
        continue
      }
      runtimes[index].phase = .active
      active += 1
      budgets[job.budget].active += 1
      if let key = job.sequenceKey { busySequences.insert(key) }
      if records[index].scanID != nil {
        // Re-attached from a state file: poll it now instead of triggering it again.
        runtimes[index].hasTriggered = true
        if records[index].triggeredAt == nil { records[index].triggeredAt = now }
        if job.scan.wait {
          enqueue(index, .poll, due: now)
        } else {
          finish(index, .triggered, now: now)
        }
      } else {
        enqueue(index, .trigger, due: now)
      }
    }
  }
}
