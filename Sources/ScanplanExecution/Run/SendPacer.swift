import NIOConcurrencyHelpers
import ScanplanSupport

/// Keeps each budget's requests apart where they actually leave, not only where the
/// scheduler dispatches them. A request claims its moment when it is about to leave: if
/// the budget's previous request left less than an interval ago, its previous trigger
/// less than the vendor's trigger spacing ago (for a trigger), or the budget is held by
/// a 429's pause, it is told how long to wait and asks again. A task that wakes late
/// therefore pushes the next request back instead of leaving right before it, and a
/// request dispatched just before a 429 came back waits out the pause with the rest.
///
/// The clock is read under the lock, so the order of claims and holds is the order of
/// their times: a request that left after a hold began left after it ended.
final class SendPacer: Sendable {
  private struct Budget {
    var lastStart = -Double.infinity
    var lastTrigger = -Double.infinity
    var heldUntil = -Double.infinity
    var departures: [Double] = []
    var triggers: [Double] = []
  }

  private let budgets: NIOLockedValueBox<RunTable<BudgetID, Budget>>
  private let now: @Sendable () -> Double

  /// A pacer for `budgets` budgets, reading seconds since the run began from `now`.
  init(budgets count: Int, now: @escaping @Sendable () -> Double) {
    budgets = NIOLockedValueBox(RunTable(Array(repeating: Budget(), count: count)))
    self.now = now
  }

  /// Claims this moment for a request of `budget`, or says how many seconds to wait
  /// before asking again. `triggerSpacing` is given for a trigger whose vendor limits
  /// triggers (S4E's 10 a minute).
  func claim(budget: BudgetID, interval: Double, triggerSpacing: Double? = nil) -> Double? {
    budgets.withLockedValue { budgets in
      let now = now()
      var earliest = max(
        budgets[budget].lastStart + interval, budgets[budget].heldUntil)
      if let triggerSpacing {
        earliest = max(earliest, budgets[budget].lastTrigger + triggerSpacing)
      }
      guard now >= earliest else { return earliest - now }
      budgets[budget].lastStart = now
      budgets[budget].departures.append(now)
      if triggerSpacing != nil {
        budgets[budget].lastTrigger = now
        budgets[budget].triggers.append(now)
      }
      return nil
    }
  }

  /// Holds every request of `budget` that has not left yet until `until`; returns when
  /// the hold began.
  func hold(budget: BudgetID, until: Double) -> Double {
    budgets.withLockedValue { budgets in
      budgets[budget].heldUntil = max(budgets[budget].heldUntil, until)
      return now()
    }
  }

  /// When each budget's requests left, in order.
  var departures: [[Double]] { budgets.withLockedValue { $0.map(\.departures) } }
  /// When each budget's triggers that the vendor limits left, in order.
  var triggers: [[Double]] { budgets.withLockedValue { $0.map(\.triggers) } }
}
