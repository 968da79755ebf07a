import ScanplanPlan
import ScanplanReport
import ScanplanSupport
import ScanplanVendorKit

extension SchedulerCore {
  /// How a scan ends on an answer that is neither success nor retried: the status, the
  /// vendor's own words in any of its error shapes, and never a redirect followed.
  func failure(_ job: RunPlan.Job, _ response: HTTPResponse, _ what: String) -> ScanOutcome {
    let detail = job.api.errorDetails(in: response).message.map { ": \($0)" } ?? ""
    if (300..<400).contains(response.status) {
      let target =
        response.header("Location").map { " to \(AnswerReading.printable($0, limit: 120))" } ?? ""
      return .failed(
        "the \(what) was answered with a redirect\(target), which is not followed\(detail)")
    }
    if response.status == 403 {
      return .refused("the \(what) was answered 403 Forbidden\(detail)")
    }
    return .failed("the \(what) was answered \(response.status)\(detail)")
  }

  /// A request that got no usable answer goes again after full-jitter back-off, at most
  /// `maxRetries` times in a row and while the provider's retry budget lasts. A trigger
  /// whose answer was lost may have made a scan: what goes again finds it first.
  mutating func retry(_ index: JobID, _ kind: RequestKind, cause: String, now: Double) {
    let job = plan.jobs[index]
    runtimes[index].failures += 1
    let failures = runtimes[index].failures
    guard failures <= configuration.maxRetries else {
      gaveUp(index, kind, "\(cause), \(failures) times in a row", now: now)
      return
    }
    guard budgets[job.budget].retryTokens >= 1 else {
      gaveUp(index, kind, "\(cause); the provider's retry budget is spent", now: now)
      return
    }
    budgets[job.budget].retryTokens -= 1
    let ceiling = min(
      configuration.retryBase * Double(1 << min(failures - 1, 30)), configuration.retryCap)
    let delay = random.unit() * ceiling
    events.append(.retrying(job: index, cause: cause, delay: delay))
    if kind == .trigger {
      setAmbiguous(index, true)
      enqueueStart(index, due: now + delay)
    } else {
      enqueue(index, kind, due: now + delay)
    }
  }

  /// A request given up on: the scan errors, or, for its findings, the scan completed
  /// with findings that could not be read.
  private mutating func gaveUp(_ index: JobID, _ kind: RequestKind, _ why: String, now: Double) {
    if kind == .findings {
      findingsFailed(index, why, now: now)
    } else if kind == .prepare {
      finish(
        index, .failed("could not \(preparationPurpose(plan.jobs[index])): \(why)"), now: now)
    } else if kind == .lookup {
      // Its trigger's answer was lost: the scan may exist.
      finish(
        index, .errored(why + "; not triggered again, to make no second scan"), now: now)
    } else {
      finish(index, .errored(why), now: now)
    }
  }

  mutating func succeeded(budget index: BudgetID, status: Int) {
    guard (200..<300).contains(status) else { return }
    budgets[index].retryTokens = min(
      configuration.retryBudget, budgets[index].retryTokens + configuration.retryBudgetPerSuccess)
  }

  /// A bad token or an untrusted certificate is not a scan's problem: every scan of the
  /// budget ends at once, and nothing more is sent to it.
  mutating func stopBudget(
    _ index: BudgetID, _ outcome: ScanOutcome, now: Double, event: (BudgetID) -> RunEvent
  ) {
    guard !budgets[index].stopped else { return }
    budgets[index].stop = outcome
    budgets[index].clear()
    events.append(event(index))
    for job in plan.jobs where job.budget == index && !runtimes[job.index].isEnded {
      finish(job.index, outcome, now: now)
    }
    for (ticket, entry) in inFlight where plan.jobs[entry.job].budget == index {
      inFlight.removeValue(forKey: ticket)
    }
    budgets[index].startsInFlight = 0
  }
}
