import ScanplanSupport

/// Keeps each budget's requests apart where they actually leave, not only where the
/// scheduler dispatches them: a request whose task starts late must not leave right
/// before the next one. Each send reserves the later of now and the budget's previous
/// send plus the interval, and waits for it.
final class SendPacer: Sendable {
  private let lastStarts: Locked<[Double]>

  init(budgets: Int) {
    lastStarts = Locked(Array(repeating: -.infinity, count: budgets))
  }

  /// The time the request may leave, reserved.
  func reserve(budget: Int, interval: Double, now: Double) -> Double {
    lastStarts.withLock { starts in
      let start = max(now, starts[budget] + interval)
      starts[budget] = start
      return start
    }
  }
}
