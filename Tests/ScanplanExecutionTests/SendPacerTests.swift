import NIOConcurrencyHelpers
import Testing

@testable import ScanplanExecution

/// The pacer on a hand-moved clock: spacing where requests leave, and a 429's hold on
/// requests dispatched before it came back.
@Suite struct SendPacerTests {
  final class ManualClock: Sendable {
    private let seconds = NIOLockedValueBox(0.0)
    var now: Double { seconds.withLockedValue { $0 } }
    func set(_ value: Double) { seconds.withLockedValue { $0 = value } }
  }

  @Test func aRequestLeavesAnIntervalAfterThePreviousOne() {
    let clock = ManualClock()
    let pacer = SendPacer(budgets: 2, now: { clock.now })
    #expect(pacer.claim(budget: 0, interval: 0.25) == nil)
    clock.set(0.1)
    #expect(pacer.claim(budget: 0, interval: 0.25).map { ($0 * 1000).rounded() } == 150)
    // Another budget is not held by the first one's spacing.
    #expect(pacer.claim(budget: 1, interval: 0.25) == nil)
    clock.set(0.25)
    #expect(pacer.claim(budget: 0, interval: 0.25) == nil)
    #expect(pacer.departures == [[0, 0.25], [0.1]])
  }

  @Test func aHoldKeepsBackRequestsAlreadyDispatched() {
    let clock = ManualClock()
    let pacer = SendPacer(budgets: 2, now: { clock.now })
    #expect(pacer.claim(budget: 0, interval: 0.1) == nil)
    clock.set(0.5)
    #expect(pacer.hold(budget: 0, until: 1.5) == 0.5)
    // A request dispatched before the 429 came back, still pacing, asks again.
    clock.set(0.6)
    #expect(pacer.claim(budget: 0, interval: 0.1).map { ($0 * 10).rounded() } == 9)
    #expect(pacer.claim(budget: 1, interval: 0.1) == nil)
    // A shorter hold later does not shorten the first.
    #expect(pacer.hold(budget: 0, until: 1.0) == 0.6)
    clock.set(1.2)
    #expect(pacer.claim(budget: 0, interval: 0.1) != nil)
    clock.set(1.5)
    #expect(pacer.claim(budget: 0, interval: 0.1) == nil)
    #expect(pacer.departures == [[0, 1.5], [0.6]])
  }

  @Test func triggersKeepTheVendorsSpacingWhereTheyLeave() {
    let clock = ManualClock()
    let pacer = SendPacer(budgets: 1, now: { clock.now })
    #expect(pacer.claim(budget: 0, interval: 0.1, triggerSpacing: 6) == nil)
    // A poll between triggers goes by the rate alone.
    clock.set(1)
    #expect(pacer.claim(budget: 0, interval: 0.1) == nil)
    // A trigger dispatched 6 s after the last one was, which left late, waits.
    clock.set(5.5)
    #expect(pacer.claim(budget: 0, interval: 0.1, triggerSpacing: 6) == 0.5)
    clock.set(6)
    #expect(pacer.claim(budget: 0, interval: 0.1, triggerSpacing: 6) == nil)
    #expect(pacer.triggers == [[0, 6]])
    #expect(pacer.departures == [[0, 1, 6]])
  }
}
