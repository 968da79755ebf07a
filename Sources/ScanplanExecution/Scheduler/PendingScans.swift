import HeapModule

/// The scans waiting to start: in plan order per budget, and those held back by their
/// asset's running scan parked under the asset's key. Starting the next scan looks at
/// one head per budget and waking a parked scan takes one, so a run of n scans under a
/// concurrency limit spends O(n log n) here, never re-reading the whole waiting list.
struct PendingScans: Sendable {
  /// Per budget, the jobs free to start as far as their asset knows, lowest index first.
  private var ready: RunTable<BudgetID, Heap<JobID>>
  /// Per sequence key, the jobs waiting for that key's running scan.
  private var parked: [String: Heap<JobID>] = [:]

  init(budgets: Int) {
    ready = RunTable(Array(repeating: Heap(), count: budgets))
  }

  mutating func add(_ job: JobID, budget: BudgetID) {
    ready[budget].insert(job)
  }

  /// The lowest-index waiting job of the budgets `isOpen` lets start a scan, and its budget.
  func head(where isOpen: (BudgetID) -> Bool) -> (job: JobID, budget: BudgetID)? {
    var best: (job: JobID, budget: BudgetID)?
    for budget in ready.ids where isOpen(budget) {
      if let job = ready[budget].min, best.map({ job < $0.job }) ?? true {
        best = (job, budget)
      }
    }
    return best
  }

  mutating func removeHead(budget: BudgetID) {
    _ = ready[budget].popMin()
  }

  /// Holds a job back until `key`'s running scan ends.
  mutating func park(_ job: JobID, key: String) {
    parked[key, default: Heap()].insert(job)
  }

  /// `key`'s running scan ended: its first parked job may start, if it has not ended.
  mutating func release(key: String, budget: BudgetID, isEnded: (JobID) -> Bool) {
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
