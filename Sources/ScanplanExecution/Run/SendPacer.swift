import NIOConcurrencyHelpers
import ScanplanSupport

/// Keeps each budget's requests apart where they actually leave, not only where the
/// scheduler dispatches them. A request claims its moment when it is about to leave: if
/// the budget's previous request left less than an interval ago, it is told how long to
/// wait and asks again. A task that wakes late therefore pushes the next request back
/// instead of leaving right before it, however busy the machine is.
final class SendPacer: Sendable {
  private let lastStarts: NIOLockedValueBox<[Double]>

  init(budgets: Int) {
    lastStarts = NIOLockedValueBox(Array(repeating: -.infinity, count: budgets))
  }

  /// Claims `now` for a request of `budget`, or says how many seconds to wait before
  /// asking again.
  func claim(budget: Int, interval: Double, now: Double) -> Double? {
    lastStarts.withLockedValue { starts in
      let earliest = starts[budget] + interval
      guard now >= earliest else { return earliest - now }
      starts[budget] = now
      return nil
    }
  }
}
