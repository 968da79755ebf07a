import ScanplanPlan
import ScanplanReport

extension SchedulerCore {
  /// Starts waiting scans in plan order while the limits allow: `--concurrency`, the
  /// budget's `max_concurrent_scans`, and one scan at a time per S4E asset. A scan whose
  /// asset is busy is parked until that asset's scan ends.
  mutating func activate(now: Double) {
    while configuration.concurrency.map({ active < $0 }) ?? true {
      // A copy of flags, not of the budgets: a budget's queues must stay unshared.
      let open = budgets.ids.map { budget in
        !budgets[budget].stopped
          && (plan.budgets[budget].maxConcurrentScans.map { budgets[budget].active < $0 } ?? true)
      }
      guard let (index, budget) = pending.head(where: { open[$0.index] }) else { return }
      pending.removeHead(budget: budget)
      // Ended while it waited: its provider stopped the run.
      guard runtimes[index].isWaiting else { continue }
      let job = plan.jobs[index]
      if let key = job.sequenceKey {
        guard !busySequences.contains(key) else {
          pending.park(index, key: key)
          continue
        }
        busySequences.insert(key)
      }
      start(index, now: now)
    }
  }

  private mutating func start(_ index: JobID, now: Double) {
    let job = plan.jobs[index]
    let waited = runtimes[index].start
    runtimes[index].begin()
    active += 1
    budgets[job.budget].active += 1
    guard records[index].scanID != nil else {
      enqueueStart(index, due: now)
      return
    }
    // Re-attached from a state file: poll it now instead of triggering it again.
    if records[index].triggeredAt == nil { records[index].triggeredAt = now }
    if let reading = waited.resumedReading {
      // It completed, and its findings were being read: on from the next page.
      leaveTheVendor(job, reading: reading, now: now)
      if reading.done {
        complete(job, now: now)
      } else {
        enqueue(index, .findings, due: now)
      }
    } else if job.scan.wait {
      runtimes[index].run()
      enqueue(index, .poll, due: now)
    } else {
      finish(index, .triggered, now: now)
    }
  }
}
