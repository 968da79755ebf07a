import ScanplanPlan
import ScanplanReport
import ScanplanSupport
import ScanplanVendorKit

extension SchedulerCore {
  /// Takes the answer to a request sent earlier (`receive`).
  mutating func handle(
    ticket: Int, answer: Result<HTTPResponse, TransportError>, now: Double
  ) {
    defer { activateIfNeeded(now: now) }
    guard let (jobIndex, kind, sentAt) = inFlight.removeValue(forKey: ticket) else { return }
    let job = plan.jobs[jobIndex]
    if kind.startsAScan { budgets[job.budget].startsInFlight -= 1 }
    // A scan that ended meanwhile (its provider refused, the run stopped) takes no answer.
    guard !runtimes[jobIndex].isEnded else { return }
    // The floor of one request a second is about the scan: the census lists its asset
    // and the preparation readies it before the scan exists, so the trigger may follow
    // either at once.
    if kind != .census, kind != .prepare { runtimes[jobIndex].lastAnswerAt = now }
    let response: HTTPResponse
    switch answer {
    case .failure(let error) where error.kind == .untrusted:
      // No retry makes a certificate trusted: every scan of the provider ends now.
      stopBudget(job.budget, .errored(error.message), now: now) {
        .unreachable(budget: $0, reason: error.message)
      }
      return
    case .failure(let error) where kind == .stage:
      stageLost(job, error.message, now: now)
      return
    case .failure(let error):
      retry(jobIndex, kind, cause: error.message, now: now)
      return
    case .success(let answer):
      response = answer
    }
    learnLimits(budget: job.budget, from: response, now: now)
    // The vendor says what its answer means; the budget, retries and floors stay here.
    switch job.api.classify(response) {
    case .throttled:
      throttle(job, kind, response: response, sentAt: sentAt, now: now)
      return
    case .unauthorized:
      let reason =
        "the provider answered \(response.status), refusing the credentials: check the "
        + "\(job.credentialName)"
        + (job.api.errorDetails(in: response).message.map { " (\($0))" } ?? "")
      stopBudget(job.budget, .refused(reason), now: now) { .refused(budget: $0, reason: reason) }
      return
    case .transient:
      let said = job.api.errorDetails(in: response).message.map { ": \($0)" } ?? ""
      let cause = "the provider answered \(response.status)\(said)"
      if kind == .stage {
        stageLost(job, cause, now: now)
      } else {
        retry(jobIndex, kind, cause: cause, now: now)
      }
      return
    case .rejected:
      let said = job.api.errorDetails(in: response).message.map { ": \($0)" } ?? ""
      if kind == .findings {
        findingsFailed(jobIndex, "the findings answer is an error\(said)", now: now)
      } else if kind == .prepare {
        finish(
          jobIndex,
          .failed(
            "could not \(preparationPurpose(job)): the provider answered \(response.status) "
              + "with an error\(said); nothing was triggered"),
          now: now)
      } else {
        finish(
          jobIndex, .failed("the provider answered \(response.status) with an error\(said)"),
          now: now)
      }
      return
    case .answer:
      break
    }
    succeeded(budget: job.budget, status: response.status)
    switch kind {
    case .prepare: preparationAnswered(job, response, now: now)
    case .trigger: triggerAnswered(job, response, now: now)
    case .poll: pollAnswered(job, response, now: now)
    case .conflictPoll: conflictPollAnswered(job, response, now: now)
    case .census, .lookup: listingAnswered(job, kind, response, now: now)
    case .findings: findingsAnswered(job, response, now: now)
    case .stage: stageAnswered(job, response, now: now)
    }
  }

  /// The answer to the request that readies the target: the start goes on, or the scan
  /// fails with the vendor's words before anything is triggered.
  private mutating func preparationAnswered(
    _ job: RunPlan.Job, _ response: HTTPResponse, now: Double
  ) {
    let index = job.index
    guard (200..<300).contains(response.status) else {
      var outcome = failure(job, response, "request to \(preparationPurpose(job))")
      if case .failed(let why) = outcome { outcome = .failed(why + "; nothing was triggered") }
      finish(index, outcome, now: now)
      return
    }
    runtimes[index].start.prepared = true
    runtimes[index].failures = 0
    enqueueStart(index, due: now)
  }

  /// What a job's preparation does, in words.
  func preparationPurpose(_ job: RunPlan.Job) -> String {
    job.preparation?.purpose ?? "ready the target"
  }

  private mutating func triggerAnswered(_ job: RunPlan.Job, _ response: HTTPResponse, now: Double) {
    let index = job.index
    if response.status == 409 {
      conflict(job, response, now: now)
      return
    }
    guard (200..<300).contains(response.status) else {
      finish(index, failure(job, response, "trigger"), now: now)
      return
    }
    switch job.api.scanID(inTriggerAnswer: response, trigger: job.triggerInput) {
    case .failure(let error):
      // The scan may exist: a second trigger could make another. A state file keeps the
      // attempt, so a later run finds it first.
      budgets[job.budget].orphans += 1
      finish(
        index,
        .errored(
          "the trigger was answered \(response.status), but \(error.message); "
            + "the scan may have been created, so it is not triggered again"),
        now: now)
    case .success(let scanID):
      if takenByOther(scanID, index, "the trigger", now: now) {
        return
      }
      started(job, scanID: scanID, origin: .triggered, now: now)
    }
  }

  mutating func started(
    _ job: RunPlan.Job, scanID: String, origin: ScanResult.Origin, now: Double
  ) {
    let index = job.index
    setAmbiguous(index, false)
    runtimes[index].run()
    records[index].scanID = scanID
    records[index].origin = origin
    records[index].triggeredAt = now
    owners[scanID] = index
    events.append(.triggered(job: index, scanID: scanID, origin: origin))
    guard job.scan.wait else {
      finish(index, .triggered, now: now)
      return
    }
    runtimes[index].interval = Double(job.poll.initialInterval)
    schedulePoll(job, after: runtimes[index].interval, now: now)
  }

  /// Requests one poll may take at most: a vendor that asks for more is read as it is.
  static let pollPartsLimit = 8

  private mutating func pollAnswered(_ job: RunPlan.Job, _ response: HTTPResponse, now: Double) {
    let index = job.index
    guard (200..<300).contains(response.status) else {
      finish(index, failure(job, response, "status request"), now: now)
      return
    }
    let scanID = records[index].scanID!
    runtimes[index].polling.answers.append(response)
    if runtimes[index].polling.answers.count < Self.pollPartsLimit,
      let next = job.api.pollFollowUp(
        scanID: scanID, answers: runtimes[index].polling.answers, baseURL: job.baseURL,
        token: job.token)
    {
      runtimes[index].polling.followUp = next
      enqueue(index, .poll, due: now)
      return
    }
    let answers = runtimes[index].polling.answers
    // The next poll starts from its first request again.
    runtimes[index].polling.answers = []
    runtimes[index].polling.followUp = nil
    let reading: PollReading
    switch job.api.reading(ofPollAnswers: answers, scanID: scanID) {
    case .failure(let error):
      retry(index, .poll, cause: error.message, now: now)
      return
    case .success(let read):
      reading = read
    }
    runtimes[index].failures = 0
    record(reading, of: index)
    switch reading.state {
    case .completed:
      if let scanID = records[index].scanID,
        let stage = job.stages?.nextStage(
          after: scanID, trigger: job.triggerInput, baseURL: job.baseURL, token: job.token)
      {
        runtimes[index].polling.nextStage = stage
        enqueue(index, .stage, due: now)
      } else {
        vendorCompleted(job, now: now)
      }
    case .failed:
      finish(index, .failed("the provider reported the scan `\(reading.status)`"), now: now)
    case .cancelled:
      finish(index, .cancelled, now: now)
    case .queued, .running, .paused, .unknown:
      if let start = records[index].triggeredAt, now >= start + Double(job.deadline) {
        finish(
          index,
          .timedOut(
            "still `\(reading.shownStatus)` \(Self.duration(job.deadline)) after the trigger: "
              + job.deadlineSource),
          now: now)
        return
      }
      let grown = runtimes[index].interval * job.poll.multiplier
      runtimes[index].interval = min(max(grown, 1), Double(job.poll.maxInterval))
      schedulePoll(job, after: runtimes[index].interval, now: now)
    }
  }

  /// Keeps what a poll found, and tells of a new status or one that went back.
  private mutating func record(_ reading: PollReading, of index: JobID) {
    records[index].polls += 1
    // A terminal status is told by the scan's finish; only the way there is an event.
    if records[index].lastStatus != reading.status, !reading.state.isTerminal {
      events.append(
        reading.state == .unknown
          ? .unknownStatus(job: index, status: reading.status)
          : .status(job: index, status: reading.shownStatus, vendorStatus: reading.status))
    }
    if reading.state == .queued, records[index].reachedRunning,
      let last = records[index].lastStatus
    {
      events.append(.statusWentBack(job: index, from: last, to: reading.status))
    }
    if reading.state.hasStarted { records[index].reachedRunning = true }
    records[index].lastStatus = reading.status
    records[index].lastState = reading.state
    records[index].progress = reading.progress ?? records[index].progress
    records[index].severityCounts = reading.severityCounts ?? records[index].severityCounts
    records[index].sessionID = reading.sessionID ?? records[index].sessionID
  }

  /// The next poll, `interval` seconds on with positive jitter, but no later than the
  /// deadline, so the last chance to see the scan end comes at the deadline.
  mutating func schedulePoll(_ job: RunPlan.Job, after interval: Double, now: Double) {
    var due = now + jittered(interval)
    if let start = records[job.index].triggeredAt {
      due = min(due, max(now, start + Double(job.deadline)))
    }
    enqueue(job.index, .poll, due: due)
  }

  mutating func jittered(_ interval: Double) -> Double {
    max(1, interval) * (1 + random.unit() * configuration.jitter)
  }

  /// Whole seconds as the plan writes them: `72h`, `1h30m`.
  static func duration(_ seconds: Int) -> String {
    PlanDuration.format(seconds: seconds)
  }
}
