import ScanplanPlan
import ScanplanReport
import ScanplanVendorKit

/// Scans of several stages (ZAP's active scan: a crawl, then the attack). When a stage
/// completes and the vendor names a next one, the next stage is started, once, as a
/// trigger is, and polled as the scan from then on; findings are read after the last.
extension SchedulerCore {
  /// The answer to a stage's start.
  mutating func stageAnswered(_ job: RunPlan.Job, _ response: HTTPResponse, now: Double) {
    let index = job.index
    // Answered: the stage's start is never sent again.
    runtimes[index].polling.nextStage = nil
    guard (200..<300).contains(response.status) else {
      finish(index, failure(job, response, "start of the scan's next stage"), now: now)
      return
    }
    guard let previous = records[index].scanID else {
      finish(index, .errored("a stage was answered for a scan without an id"), now: now)
      return
    }
    switch job.staging.scanID(inStageAnswer: response, after: previous, trigger: job.triggerInput) {
    case .failure(let error):
      finish(
        index,
        .errored(
          "the next stage was answered \(response.status), but \(error.message); it may have "
            + "started, so it is not started again"),
        now: now)
    case .success(let scanID):
      if takenByOther(scanID, index, "the next stage", now: now) { return }
      owners[scanID] = index
      records[index].scanID = scanID
      records[index].progress = nil
      runtimes[index].failures = 0
      events.append(.staged(job: index, scanID: scanID))
      runtimes[index].interval = Double(job.poll.initialInterval)
      schedulePoll(job, after: runtimes[index].interval, now: now)
    }
  }

  /// A stage's start that got no usable answer may have started it: the scan ends rather
  /// than risk a second one.
  mutating func stageLost(_ job: RunPlan.Job, _ cause: String, now: Double) {
    budgets[job.budget].orphans += 1
    finish(
      job.index,
      .errored(
        "\(cause) to the start of the next stage; it may have started, so it is not "
          + "started again"),
      now: now)
  }

  /// Whether `scanID` is another scan's of this run: then the answer naming it is not
  /// taken, and the scan ends rather than poll one scan as two.
  mutating func takenByOther(_ scanID: String, _ index: JobID, _ what: String, now: Double)
    -> Bool
  {
    guard let owner = owners[scanID], owner != index else { return false }
    finish(
      index,
      .errored(
        "\(what) was answered with scan \(scanID), which is already "
          + "\(plan.jobs[owner].id)'s; not polling one scan as two"),
      now: now)
    return true
  }
}
