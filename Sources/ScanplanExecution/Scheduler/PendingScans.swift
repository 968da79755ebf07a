import HeapModule

/// The scans waiting to start: in plan order per budget, and those held back by their
/// asset's running scan parked under the asset's key. Starting the next scan looks at
/// one head per budget and waking a parked scan takes one, so a run of n scans under a
/// concurrency limit spends O(n log n) here, never re-reading the whole waiting list.
struct PendingScans: Sendable {
  /// Per budget, the jobs free to start as far as their asset knows, lowest index first.
  private var ready: [Heap<Int>]
  /// Per sequence key, the jobs waiting for that key's running scan.
  private var parked: [String: Heap<Int>] = [:]

  init(budgets: Int) {
    ready = Array(repeating: Heap(), count: budgets)
  }

  mutating func add(_ job: Int, budget: Int) {
    ready[budget].insert(job)
  }

  /// The lowest-index waiting job of the budgets `isOpen` lets start a scan, and its budget.
  func head(where isOpen: (Int) -> Bool) -> (job: Int, budget: Int)? {
    var best: (job: Int, budget: Int)?
    for budget in ready.indices where isOpen(budget) {
      if let job = ready[budget].min, best.map({ job < $0.job }) ?? true {
        best = (job, budget)
      }
    }
    return best
  }

  mutating func removeHead(budget: Int) {
    _ = ready[budget].popMin()
  }

  /// Holds a job back until `key`'s running scan ends.
  mutating func park(_ job: Int, key: String) {
    parked[key, default: Heap()].insert(job)
  }

  /// `key`'s running scan ended: its first parked job may start, if it has not ended.
  mutating func release(key: String, budget: Int, isEnded: (Int) -> Bool) {
    guard var waiting = parked.removeValue(forKey: key) else { return }
    while let job = waiting.popMin() {
      guard isEnded(job) else {
        ready[budget].insert(job)
        break
      }
    }
    if !waiting.isEmpty { parked[key] = waiting }
  }
}
