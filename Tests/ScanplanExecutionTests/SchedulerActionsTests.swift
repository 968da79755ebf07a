import ScanplanExecution
import ScanplanPlan
import ScanplanReport
import ScanplanSupport
import ScanplanVendorKit
import Testing

/// The scheduler's inputs each return what the driver must do: record these events,
/// send these requests, tick again then.
@Suite struct SchedulerActionsTests {
  func core(assets: Int, rate: Double = 1) throws -> SchedulerCore {
    SchedulerCore(
      plan: try runPlan(s4ePlan(assets: assets, rate: rate)),
      configuration: Simulation.exact(), random: SeededRandom(seed: 1))
  }

  @Test func aTickSendsWhatIsDueAndSaysWhenToTickAgain() throws {
    var core = try core(assets: 2)
    let first = core.tick(now: 0)
    #expect(first.requests.map(\.kind) == [.trigger])
    #expect(first.events == [.triggering(job: 0)])
    // One request a second: the second trigger waits for the budget.
    #expect(first.wakeAt == 1)
    #expect(!first.isFinished)
    // Ticking early sends nothing and says the same time again.
    let early = core.tick(now: 0.5)
    #expect(early.requests.isEmpty && early.events.isEmpty && early.wakeAt == 1)
    #expect(core.tick(now: 1).requests.map(\.job) == [1])
  }

  @Test func anAnswerReturnsItsEventsAndNeverSends() throws {
    var core = try core(assets: 1)
    let trigger = try #require(core.tick(now: 0).requests.first)
    let answered = core.receive(
      ticket: trigger.ticket,
      answer: .success(HTTPResponse(status: 201, text: #"{"scan_id":"s-1","status":"queued"}"#)),
      now: 0.1)
    #expect(answered.requests.isEmpty)
    #expect(answered.events == [.triggered(job: 0, scanID: "s-1", origin: .triggered)])
    // The first poll waits `initial_interval` plus jitter, counted from the answer.
    let wake = try #require(answered.wakeAt)
    #expect(wake >= 5.1 && wake <= 5.6)
    // A ticket answered twice, or never issued, changes nothing.
    let again = core.receive(
      ticket: trigger.ticket, answer: .success(HTTPResponse(status: 500)), now: 0.2)
    #expect(again.events.isEmpty && again.wakeAt == wake)
  }

  @Test func anInterruptEndsEveryScanAndFinishesTheRun() throws {
    var core = try core(assets: 3)
    let trigger = try #require(core.tick(now: 0).requests.first)
    _ = core.receive(
      ticket: trigger.ticket,
      answer: .success(HTTPResponse(status: 201, text: #"{"scan_id":"s-1","status":"queued"}"#)),
      now: 0.1)
    let second = try #require(core.tick(now: 1).requests.first)
    let stopped = core.interrupt(now: 1.5)
    #expect(stopped.isFinished && stopped.requests.isEmpty && stopped.wakeAt == nil)
    #expect(stopped.events == [.finished(job: 0), .finished(job: 1), .finished(job: 2)])
    // Triggered scans can be re-attached to by a later run; the rest never started.
    #expect(core.records.map(\.outcome) == [.interrupted, .notStarted, .notStarted])
    // An answer that comes after is not taken.
    let late = core.receive(
      ticket: second.ticket, answer: .success(HTTPResponse(status: 201)), now: 2)
    #expect(late.events.isEmpty && late.isFinished)
  }

}
