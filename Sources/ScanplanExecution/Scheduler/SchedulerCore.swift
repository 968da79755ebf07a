import ScanplanJSON
import ScanplanPlan
import ScanplanReport
package import ScanplanSupport
import ScanplanVendorKit

/// The scheduler as a state machine, without I/O or real time. Its inputs (`tick`,
/// `receive`, `interrupt`, in `SchedulerCore+Actions.swift`) each return `Actions`: the
/// events to record, the requests to send, and when to tick next. The run driver feeds
/// it from the network and a real clock; tests feed it from a script and a virtual clock,
/// so hours of polling run in milliseconds and every request time can be asserted exactly.
///
/// Pacing, as docs/running.md says: one budget per provider (requests spaced at
/// `1 / rate`, triggers also at the vendor's trigger limit), due requests earliest
/// deadline first with triggers before polls, poll schedules with back-off and positive
/// jitter up to each scan's deadline, at most one request a second per scan, 429 pauses
/// with `Retry-After` and a rate that learns the server's limit (`AdaptiveRate`),
/// full-jitter retries of network errors and 5xx with a limit per scan and a budget per
/// provider, and 4xx never retried. What the vendors' answers say is read by their
/// `ProviderAPI`; answers are handled in `SchedulerCore+Answers.swift`, failures in
/// `SchedulerCore+Failures.swift`, pacing in `SchedulerCore+Pacing.swift`, and waiting
/// scans start in `SchedulerCore+Activation.swift`.
package struct SchedulerCore: Sendable {
  /// The run's plan.
  package let plan: RunPlan
  package let configuration: Configuration
  /// What the run learned of each scan, in job order.
  package internal(set) var records: RunTable<JobID, ScanRecord>
  /// Whether the run was interrupted.
  package internal(set) var isInterrupted = false
  /// What each budget did, in budget order.
  package internal(set) var budgetStatistics: RunTable<BudgetID, BudgetStatistics>

  var random: SeededRandom
  var budgets: RunTable<BudgetID, BudgetState>
  var runtimes: RunTable<JobID, JobRuntime>
  var inFlight: [Int: (job: JobID, kind: RequestKind, sentAt: Double)] = [:]
  var nextTicket = 0
  var sequence = 0
  var active = 0
  var busySequences: Set<String> = []
  var pending: PendingScans
  /// Jobs ended, so that `isFinished` need not read them all.
  var endedCount = 0
  /// The job each known scan id belongs to, so that no scan is polled as two.
  var owners: [String: JobID] = [:]
  var events: [RunEvent] = []
  /// Set when a scan ended: the entry points start waiting scans once they are done.
  var needsActivation = false
  /// The words findings repeat (a check's name, a status), each kept once: a run of
  /// 20,000 scans holds hundreds of thousands of findings, most naming a few checks.
  var findingWords = Set<String>()

  /// A scheduler for a plan, starting at time 0, remembering `restored` scans.
  package init(
    plan: RunPlan, configuration: Configuration, random: SeededRandom,
    restored: [String: Restored] = [:]
  ) {
    self.plan = plan
    self.configuration = configuration
    self.random = random
    budgets = RunTable(
      plan.budgets.map {
        BudgetState(
          pace: AdaptiveRate(
            configured: $0.requestsPerSecond, minimumFraction: configuration.minimumRateFraction,
            slowdown: configuration.slowdown, recoverySeconds: configuration.recoverySeconds,
            headroom: configuration.headroom, isolation: configuration.jitterIsolation),
          triggerSpacing: $0.triggerSpacing, retryTokens: configuration.retryBudget)
      })
    budgetStatistics = RunTable(Array(repeating: BudgetStatistics(), count: plan.budgets.count))
    records = RunTable(
      plan.jobs.map {
        var record = ScanRecord(
          job: $0.index, id: $0.id, provider: $0.provider, location: $0.location)
        record.failOn = $0.scan.failOn
        return record
      })
    runtimes = RunTable(plan.jobs.map { JobRuntime(interval: Double($0.poll.initialInterval)) })
    for job in plan.jobs where job.lister.map({ !$0.listsOneAssetsScans }) ?? false {
      budgets[job.budget].serializesStarts = true
    }
    pending = PendingScans(budgets: plan.budgets.count)
    var resumed = 0
    for job in plan.jobs {
      if let entry = restored[job.id] {
        if let note = entry.note {
          records[job.index].notes.append(note)
          events.append(.note(job: job.index, text: note))
        }
        if let result = entry.result {
          restore(result, scanID: entry.scanID, of: job)
          resumed += 1
          continue
        }
        if let scanID = entry.scanID {
          records[job.index].scanID = scanID
          owners[scanID] = job.index
        }
        if let after = entry.stagedAfter, after == entry.scanID {
          // The next stage may have started: it is never started twice.
          budgets[job.budget].orphans += 1
          finish(
            job.index,
            .errored(
              "an earlier run started the next stage after scan \(after) and got no answer; "
                + "it may have started, so it is not started again"),
            now: 0)
          continue
        }
        // Counted as unsettled once it starts (`enqueueStart`), not while it waits.
        runtimes[job.index].start.ambiguous = entry.attempted && entry.scanID == nil
        runtimes[job.index].start.census = entry.census
        if let progress = entry.findingsProgress, entry.scanID != nil {
          // Completed at the vendor: the findings are read on from where they stopped.
          take(progress.ended, of: job)
          records[job.index].outcome = nil
          records[job.index].endedAt = nil
          records[job.index].findings = progress.findings
          runtimes[job.index].start.resumedReading = JobRuntime.FindingsReading(
            cursor: progress.cursor, done: progress.done)
        }
      }
      pending.add(job.index, budget: job.budget)
    }
    if resumed > 0 { events.append(.resumed(count: resumed)) }
    activate(now: 0)
  }

  /// A scan that ended in an earlier run, reported as that run reported it. Its gate's
  /// verdict is kept when the plan's gate is the one it was judged by; otherwise the
  /// stored facts are judged again by the plan's gate.
  private mutating func restore(_ result: ScanResult, scanID: String?, of job: RunPlan.Job) {
    let index = job.index
    take(result, of: job)
    records[index].scanID = scanID
    records[index].resumed = true
    _ = runtimes[index].end()
    endedCount += 1
    // Still this run's: no other scan is polled as it.
    if let scanID { owners[scanID] = index }
    guard result.outcome == .completed else { return }
    let failOn = job.scan.failOn
    guard !result.judged(by: failOn) || (result.gate == nil && !failOn.isEmpty) else { return }
    records[index].gate = judge(job).verdict
    if records[index].gate != nil || result.gate != nil {
      let note =
        "the gate of `\(job.id)` changed since the state file was written; "
        + "its stored result is judged again by the plan's `fail_on`"
      records[index].notes.append(note)
      events.append(.note(job: index, text: note))
    }
  }

  /// Puts a state file's result in `job`'s record: its moments counted from this run's
  /// start, judged by the plan's gate, after the notes this run already has.
  private mutating func take(_ stored: ScanResult, of job: RunPlan.Job) {
    var result = stored.shifted(by: -configuration.epochAtStart)
    result.scanID = records[job.index].scanID
    result.failOn = job.scan.failOn
    result.notes = records[job.index].notes + stored.notes
    records[job.index].result = result
  }

  // MARK: Questions

  /// Whether every scan has ended and no answer is awaited.
  var isFinished: Bool {
    inFlight.isEmpty && endedCount == runtimes.count
  }

  /// The earliest time a request may be sent, or nil when none is queued.
  func nextSendTime() -> Double? {
    budgets.lazy.filter { !$0.stopped }.compactMap { $0.sendTime() }.min()
  }

  /// Each budget's rate at `now`, in requests per second.
  package func rates(at now: Double) -> RunTable<BudgetID, Double> {
    RunTable(budgets.map { $0.pace.rate(at: now) })
  }

  /// When a budget's 429 or `RateLimit` pause ends (in the past when it is not paused).
  package func pausedUntil(budget: BudgetID) -> Double { budgets[budget].pausedUntil }

  // MARK: Sending

  /// The requests to send at `now`, each budget's spacing respected.
  mutating func takeDueRequests(now: Double) -> [Outgoing] {
    defer {
      activateIfNeeded(now: now)
      measureBacklog(now: now)
    }
    var outgoing: [Outgoing] = []
    for index in budgets.ids where !budgets[index].stopped {
      while budgets[index].nextSend <= now, budgets[index].pausedUntil <= now,
        let item = budgets[index].next(now: now)
      {
        budgets[index].take(item, now: now)
        if isInterrupted, item.kind.beforeTheScan {
          finish(item.job, .notStarted, now: now)
          continue
        }
        var request = self.request(item.kind, for: plan.jobs[item.job])
        request.trust = plan.jobs[item.job].trust
        inFlight[nextTicket] = (item.job, item.kind, now)
        if item.kind.startsAScan { budgets[index].startsInFlight += 1 }
        budgetStatistics[index].requests += 1
        if budgetStatistics[index].backloggedSince != nil {
          budgetStatistics[index].backloggedRequests += 1
        }
        outgoing.append(
          Outgoing(
            ticket: nextTicket, job: item.job, kind: item.kind, request: request, budget: index))
        nextTicket += 1
      }
    }
    return outgoing
  }

  /// The request of a kind for a job, built by the vendor's API.
  private mutating func request(_ kind: RequestKind, for job: RunPlan.Job) -> HTTPRequest {
    switch kind {
    case .prepare:
      return job.preparing.request
    case .trigger:
      events.append(.triggering(job: job.index))
      return job.api.triggerRequest(job.triggerInput, baseURL: job.baseURL, token: job.token)
    case .poll:
      // A poll of several requests sends its next one until it is whole.
      if let followUp = runtimes[job.index].polling.followUp { return followUp }
      return job.api.pollRequest(
        scanID: records[job.index].scanID!, baseURL: job.baseURL, token: job.token)
    case .conflictPoll:
      return job.api.pollRequest(
        scanID: runtimes[job.index].start.conflict!.scanID, baseURL: job.baseURL,
        token: job.token)
    case .census, .lookup:
      let cursor = runtimes[job.index].start.paging.cursor
      guard
        let request = job.listing.lookupRequest(
          job.triggerInput, cursor: cursor, baseURL: job.baseURL, token: job.token)
      else {
        preconditionFailure("\(job.id)'s trigger was listable at the start and is not now")
      }
      return request
    case .stage:
      events.append(.staging(job: job.index))
      guard let request = runtimes[job.index].polling.nextStage else {
        preconditionFailure("a stage of \(job.id) was sent without the request that starts it")
      }
      return request
    case .findings:
      return job.findingsListing.findingsRequest(
        findingsScan(job), cursor: runtimes[job.index].reading.cursor, baseURL: job.baseURL,
        token: job.token)
    }
  }

  /// Counts the time during which a budget had a due request it could not send yet.
  private mutating func measureBacklog(now: Double) {
    for index in budgets.ids {
      if budgets[index].hasDue(now), !budgets[index].stopped {
        if budgetStatistics[index].backloggedSince == nil {
          budgetStatistics[index].backloggedSince = now
        }
      } else if let since = budgetStatistics[index].backloggedSince {
        budgetStatistics[index].backloggedSeconds += now - since
        budgetStatistics[index].backloggedSince = nil
      }
    }
  }

  /// Stops new triggers and ends every scan that has not ended (`interrupt(now:)`).
  mutating func stop(now: Double) {
    isInterrupted = true
    for index in runtimes.ids where !runtimes[index].isEnded {
      finish(
        index,
        runtimes[index].hasItsScan || records[index].scanID != nil ? .interrupted : .notStarted,
        now: now)
    }
    inFlight.removeAll()
    for index in budgets.ids { budgets[index].startsInFlight = 0 }
  }

  // MARK: Activation

  /// Queues a request, never sooner than a second after the scan's last answer.
  mutating func enqueue(_ index: JobID, _ kind: RequestKind, due: Double) {
    sequence += 1
    let item = BudgetState.Item(
      due: max(due, (runtimes[index].lastAnswerAt ?? -.infinity) + 1),
      priority: kind.beforeTheScan || kind == .stage ? 0 : 1,
      sequence: sequence, job: index, kind: kind)
    budgets[plan.jobs[index].budget].insert(item)
  }

  /// The request that starts a scan: its trigger, after the target is readied where the
  /// vendor asks for it (`ProviderAPI.preparation`); for a vendor that lists an asset's
  /// scans, first the census of the asset's scans before the first trigger, or the lookup
  /// of the scan an earlier trigger whose answer was lost made (`SchedulerCore+Lookup`).
  mutating func enqueueStart(_ index: JobID, due: Double) {
    let job = plan.jobs[index]
    if !runtimes[index].start.prepared, job.preparation != nil {
      enqueue(index, .prepare, due: due)
      return
    }
    guard job.lister != nil else {
      enqueue(index, .trigger, due: due)
      return
    }
    runtimes[index].start.paging.restart()
    if runtimes[index].start.ambiguous {
      setAmbiguous(index, true)
      events.append(.lookingForLostScan(job: index))
      enqueue(index, .lookup, due: due)
    } else if configuration.census, runtimes[index].start.census == nil,
      !runtimes[index].start.censusSkipped
    {
      enqueue(index, .census, due: due)
    } else {
      enqueue(index, .trigger, due: due)
    }
  }

  mutating func finish(_ index: JobID, _ outcome: ScanOutcome, now: Double) {
    guard !runtimes[index].isEnded else { return }
    let ambiguous = runtimes[index].isAmbiguous
    let wasActive = runtimes[index].end()
    if ambiguous {
      // Its unanswered trigger may have made a scan that no one will claim.
      budgets[plan.jobs[index].budget].unsettled.remove(index)
      budgets[plan.jobs[index].budget].orphans += 1
    }
    endedCount += 1
    records[index].outcome = outcome
    records[index].endedAt = now
    events.append(.finished(job: index))
    let job = plan.jobs[index]
    budgets[job.budget].removeAll(job: index)
    if wasActive { release(job) }
    needsActivation = true
  }

  /// A scan leaves the scans running at the vendor: it no longer counts against the
  /// limits, and the next scan of its asset may start.
  mutating func release(_ job: RunPlan.Job) {
    active -= 1
    budgets[job.budget].active -= 1
    if let key = job.sequenceKey {
      busySequences.remove(key)
      let runtimes = self.runtimes
      pending.release(key: key, budget: job.budget) { runtimes[$0].isEnded }
    }
  }

  mutating func activateIfNeeded(now: Double) {
    guard needsActivation, !isInterrupted else { return }
    needsActivation = false
    activate(now: now)
  }
}
