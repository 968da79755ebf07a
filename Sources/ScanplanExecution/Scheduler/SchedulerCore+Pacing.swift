import ScanplanPlan
import ScanplanVendorKit

extension SchedulerCore {
  /// A 429 pauses the whole provider until `Retry-After` and cuts its rate below the rate
  /// it came at (`AdaptiveRate`); the same request goes again after the pause. It is
  /// neither a failure nor a retry.
  mutating func throttle(
    _ job: RunPlan.Job, _ kind: RequestKind, response: HTTPResponse, sentAt: Double, now: Double
  ) {
    let index = job.index
    let step: Double
    switch kind {
    case .prepare, .trigger, .lookup, .census, .stage: step = Double(job.poll.initialInterval)
    case .poll, .findings: step = runtimes[index].interval
    case .conflictPoll: step = runtimes[index].start.conflict?.interval ?? runtimes[index].interval
    }
    let wait =
      RetryAfter.seconds(
        in: response, hint: job.api.errorDetails(in: response).retryAfter,
        now: configuration.epochAtStart + now) ?? max(1, step)
    let resumeAt = max(budgets[job.budget].pausedUntil, now + wait)
    budgets[job.budget].pausedUntil = resumeAt
    _ = budgets[job.budget].pace.throttled(sentAt: sentAt, now: now, resumeAt: resumeAt)
    events.append(
      .throttled(
        budget: job.budget, seconds: wait, rate: budgets[job.budget].pace.rate(at: resumeAt)))
    budgetStatistics[job.budget].throttled += 1
    enqueue(index, kind, due: resumeAt)
  }

  /// Every answer teaches the budget: one that is not a 429 counts as taken, and
  /// `RateLimit` headers cap the rate before any 429, or, when they give no rate and
  /// nothing is left, pause the budget until their reset.
  mutating func learnLimits(budget index: BudgetID, from response: HTTPResponse, now: Double) {
    if response.status != 429 { budgets[index].pace.accepted(at: now) }
    guard let headers = RateLimitHeaders(response, now: configuration.epochAtStart + now) else {
      return
    }
    if let rate = headers.sustainableRate {
      budgets[index].pace.advertised = rate
    } else if headers.remaining == 0, let reset = headers.reset {
      budgets[index].pausedUntil = max(budgets[index].pausedUntil, now + min(reset, 3600))
    }
  }
}
