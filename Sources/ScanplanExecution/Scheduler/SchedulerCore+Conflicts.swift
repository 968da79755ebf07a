import ScanplanPlan
import ScanplanReport
import ScanplanVendorKit

/// A trigger answered 409: another scan of the asset runs. `on_conflict` decides whether
/// this scan adopts it, waits for it, or fails; a lost trigger's own scan is always
/// adopted.
extension SchedulerCore {
  mutating func conflict(_ job: RunPlan.Job, _ response: HTTPResponse, now: Double) {
    let index = job.index
    guard let running = job.api.scanID(inConflictAnswer: response) else {
      let said = job.api.errorDetails(in: response).message.map { ": \($0)" } ?? ""
      finish(
        index,
        .failed(
          "the trigger was answered 409 (a scan is running) without the running scan's id\(said)"),
        now: now)
      return
    }
    if let owner = owners[running], owner != index {
      // One of this run's own scans (say a `wait: false` scan of the same asset): wait
      // for it rather than adopt it as this one.
      waitFor(job, running, now: now)
      return
    }
    if runtimes[index].start.ambiguous {
      // The scan an earlier, unanswered trigger of this scan created.
      started(job, scanID: running, origin: .adopted, now: now)
      return
    }
    switch job.onConflict {
    case .adopt:
      started(job, scanID: running, origin: .adopted, now: now)
    case .wait:
      waitFor(job, running, now: now)
    case .fail:
      finish(
        index, .failed("scan \(running) of the asset is already running (on_conflict: fail)"),
        now: now)
    }
  }

  mutating func waitFor(_ job: RunPlan.Job, _ running: String, now: Double) {
    runtimes[job.index].start.conflict = JobRuntime.Conflict(
      scanID: running, interval: Double(job.poll.initialInterval))
    if runtimes[job.index].start.waitingSince == nil {
      runtimes[job.index].start.waitingSince = now
    }
    events.append(.waitingForConflict(job: job.index, scanID: running))
    enqueue(job.index, .conflictPoll, due: now + jittered(Double(job.poll.initialInterval)))
  }

  mutating func conflictPollAnswered(
    _ job: RunPlan.Job, _ response: HTTPResponse, now: Double
  ) {
    let index = job.index
    guard (200..<300).contains(response.status) else {
      if response.status == 404 {
        // The running scan is gone: nothing to wait for.
        enqueueStart(index, due: now)
      } else {
        finish(
          index, failure(job, response, "status request for the running scan"), now: now)
      }
      return
    }
    let running = runtimes[index].start.conflict!.scanID
    switch job.api.reading(ofPollAnswer: response, scanID: running) {
    case .failure(let error):
      retry(index, .conflictPoll, cause: error.message, now: now)
    case .success(let reading) where reading.state.isTerminal:
      runtimes[index].start.conflict = nil
      runtimes[index].start.waitingSince = nil
      enqueueStart(index, due: now)
    case .success(let reading):
      runtimes[index].failures = 0
      if let since = runtimes[index].start.waitingSince, now >= since + Double(job.deadline) {
        finish(
          index,
          .timedOut(
            "scan \(running) of the asset was still `\(reading.shownStatus)` "
              + "\(Self.duration(job.deadline)) after this one began to wait for it: "
              + job.deadlineSource),
          now: now)
        return
      }
      let grown = runtimes[index].start.conflict!.interval * job.poll.multiplier
      let interval = min(max(grown, 1), Double(job.poll.maxInterval))
      runtimes[index].start.conflict!.interval = interval
      enqueue(index, .conflictPoll, due: now + jittered(interval))
    }
  }
}
