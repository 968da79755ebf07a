package import ScanplanReport
package import ScanplanSupport
import ScanplanVendorKit

/// Ctrl-C, as something a run can wait for.
package final class InterruptSignal: Sendable {
  private let stream: AsyncStream<Void>
  private let continuation: AsyncStream<Void>.Continuation

  /// A signal that has not fired.
  package init() {
    (stream, continuation) = AsyncStream.makeStream(of: Void.self)
  }

  package func fire() {
    continuation.yield()
  }

  /// Returns when the signal fires, or when the waiting task is cancelled.
  func wait() async {
    for await _ in stream { return }
  }
}

/// Runs a plan for real: the scheduler core fed by a transport, a clock and a state
/// journal. It sends what the core says is due, gives the core every answer, sleeps until
/// the next due time or the next answer, whichever comes first, and stops new triggers
/// on Ctrl-C.
package struct RunDriver: Sendable {
  /// The plan to run.
  package let plan: RunPlan
  package let transport: any HTTPTransport
  /// The scheduler's knobs.
  package let configuration: SchedulerCore.Configuration
  package let random: SeededRandom

  package init(
    plan: RunPlan, transport: any HTTPTransport, configuration: SchedulerCore.Configuration,
    random: SeededRandom
  ) {
    self.plan = plan
    self.transport = transport
    self.configuration = configuration
    self.random = random
  }

  private enum Completion: Sendable {
    case answer(ticket: Int, budget: BudgetID, Result<HTTPResponse, TransportError>)
    case timer
    case interrupted
  }

  /// Runs to the end, or until interrupted; returns the report. A state file that cannot
  /// be written stops the run as an interruption would: a trigger that cannot be recorded
  /// must not be sent. Each loop turn's journal lines are synced once, before the turn's
  /// requests leave.
  package func run(
    journal: StateJournal?, console: RunConsole, interrupt: InterruptSignal?,
    clock: ContinuousClock = ContinuousClock()
  ) async -> Outcome {
    let begin = clock.now
    let epoch = configuration.epochAtStart
    @Sendable func elapsed() -> Double {
      (clock.now - begin).inSeconds
    }
    let pacer = SendPacer(budgets: plan.budgets.count, now: elapsed)
    var core = SchedulerCore(
      plan: plan, configuration: configuration, random: random,
      restored: journal?.restored(for: plan) ?? [:])
    var answered = RunTable<BudgetID, Bool>(Array(repeating: false, count: plan.budgets.count))
    var stateError: StateFileError?
    // Events of answers and interrupts, recorded with the next tick's before it sends.
    var carried: [RunEvent] = []
    var timeline = RunTimeline(jobs: plan.jobs.count, budgets: plan.budgets.count)
    // The journal is rewritten as a snapshot before anything is sent: a file that
    // cannot be written stops the run before its first trigger.
    if let journal {
      do throws(StateFileError) { try journal.compact() } catch {
        stateError = error
        carried = core.interrupt(now: 0).events
      }
    }

    await withTaskGroup(of: Completion.self) { group in
      guard stateError == nil else { return }
      if let interrupt {
        group.addTask {
          await interrupt.wait()
          return .interrupted
        }
      }
      var timerAt: Double?
      while true {
        let now = elapsed()
        let actions = core.tick(now: now)
        timeline.record(actions.events, at: now)
        timeline.sent(actions.requests, at: now)
        let events = carried + actions.events
        carried = []
        if let journal, !events.isEmpty {
          journal.record(events, plan: plan, records: core.records, epoch: epoch)
          do throws(StateFileError) {
            try journal.save()
          } catch {
            stateError = error
            let stopped = core.interrupt(now: now)
            console.show(stopped.events, records: core.records, epoch: epoch + now)
            break
          }
        }
        console.show(events, records: core.records, epoch: epoch + now)
        let rates = core.rates(at: now)
        for request in actions.requests {
          let transport = transport
          let interval = 1 / rates[request.budget]
          let triggerSpacing =
            request.kind == .trigger ? plan.budgets[request.budget].triggerSpacing : nil
          group.addTask {
            while let wait = pacer.claim(
              budget: request.budget, interval: interval, triggerSpacing: triggerSpacing)
            {
              // Rounded up: a send is never early.
              try? await clock.sleep(
                for: .microseconds(Int64((wait * 1e6).rounded(.up))), tolerance: nil)
              // A run that stopped while the request waited sends nothing more.
              if Task.isCancelled {
                return .answer(
                  ticket: request.ticket, budget: request.budget,
                  .failure(TransportError(.network, "not sent: the run stopped")))
              }
            }
            return .answer(
              ticket: request.ticket, budget: request.budget, await transport.send(request.request))
          }
        }
        console.refresh(records: core.records, rates: rates, now: now)
        if actions.isFinished { break }
        var wake = actions.wakeAt
        // The live view ticks while the run waits.
        wake = min(wake ?? now + 0.5, now + 0.5)
        if let wake, timerAt.map({ wake < $0 - 0.001 }) ?? true {
          timerAt = wake
          group.addTask {
            try? await clock.sleep(until: begin + .milliseconds(Int64(wake * 1000)), tolerance: nil)
            return .timer
          }
        }
        guard let completion = await group.next() else { break }
        switch completion {
        case .answer(let ticket, let budget, let result):
          if case .success = result { answered[budget] = true }
          let at = elapsed()
          let reply = core.receive(ticket: ticket, answer: result, now: at)
          // A pause holds back requests already dispatched but not yet gone, too.
          let pausedUntil = core.pausedUntil(budget: budget)
          let heldFrom = pausedUntil > at ? pacer.hold(budget: budget, until: pausedUntil) : at
          timeline.record(reply.events, at: at, pausedFrom: heldFrom)
          carried += reply.events
        case .timer:
          if let at = timerAt, at <= elapsed() + 0.001 { timerAt = nil }
        case .interrupted:
          carried += core.interrupt(now: elapsed()).events
        }
      }
      group.cancelAll()
    }
    let end = elapsed()
    timeline.departed(pacer.departures, triggers: pacer.triggers)
    console.show(carried, records: core.records, epoch: epoch + end)
    if let journal, stateError == nil {
      do throws(StateFileError) {
        try journal.save()
        try journal.compact()
      } catch { stateError = error }
      journal.stopAppending()
    }
    console.finish()
    // A budget whose scans errored without a single HTTP answer could not be reached.
    let unreachable = plan.budgets.ids.filter { index in
      !answered[index]
        && core.records.contains { record in
          plan.jobs[record.job].budget == index
            && { if case .errored = record.outcome { true } else { false } }()
        }
    }.map { plan.budgets[$0].name }
    let report = RunReport(
      records: core.records, startedAt: epoch, endedAt: epoch + end,
      interrupted: core.isInterrupted, unreachableProviders: unreachable, timeline: timeline,
      budgets: plan.budgets.indices.map {
        RunReport.BudgetUse(
          name: plan.budgets[$0].name, rate: plan.budgets[$0].requestsPerSecond,
          statistics: core.budgetStatistics[$0])
      }, baseline: configuration.baseline?.source)
    return Outcome(
      report: report, records: core.records, timeline: timeline, stateError: stateError)
  }

  /// How a run ended.
  package struct Outcome: Sendable {
    package let report: RunReport
    /// What the run learned of each scan, in job order.
    package let records: RunTable<JobID, ScanRecord>
    /// When requests left and 429s paused each budget, on the run's clock.
    package let timeline: RunTimeline
    /// Set when the state file could not be written: the run stopped so that no trigger
    /// went unrecorded.
    package let stateError: StateFileError?
  }
}
