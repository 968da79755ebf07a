package import ScanplanReport
package import ScanplanVendorKit

/// Something that happened during a run, for the console and the state journal.
package enum RunEvent: Equatable, Sendable {
  /// A trigger is about to be sent; journals record it before it goes.
  case triggering(job: JobID)
  /// The run learned the scan's id: from the trigger's answer, a 409 naming one to adopt,
  /// or the listing that found the scan a lost trigger made.
  case triggered(job: JobID, scanID: String, origin: ScanResult.Origin)
  /// The scan's next stage is about to be started; journals record it before it goes.
  case staging(job: JobID)
  /// The next stage started: it is polled as the scan from now on.
  case staged(job: JobID, scanID: String)
  /// A 409 named a scan that must end first (`on_conflict: wait`).
  case waitingForConflict(job: JobID, scanID: String)
  /// A poll found a new status: as output shows it, and in the provider's words.
  case status(job: JobID, status: String, vendorStatus: String)
  /// A poll found a status the runner does not know; it is treated as running.
  case unknownStatus(job: JobID, status: String)
  /// A poll found an earlier status than the last one (`running` to `queued`).
  case statusWentBack(job: JobID, from: String, to: String)
  /// A request failed and will be sent again after `delay` seconds.
  case retrying(job: JobID, cause: String, delay: Double)
  /// A 429 paused a budget; its rate is now `rate` requests per second.
  case throttled(budget: BudgetID, seconds: Double, rate: Double)
  /// The provider refused the token: every scan of the budget failed.
  case refused(budget: BudgetID, reason: String)
  /// The provider cannot be reached safely (its TLS certificate is not trusted): every
  /// scan of the budget ended.
  case unreachable(budget: BudgetID, reason: String)
  /// A trigger's answer was lost, and the vendor answers no 409 naming the scan it made:
  /// the asset's scans are listed to find it before triggering again.
  case lookingForLostScan(job: JobID)
  /// The asset's scans, listed just before the first trigger; journals keep them, so a
  /// run started again tells the scan a lost trigger made from the ones before it.
  case census(job: JobID, scanIDs: [String])
  /// Something to tell of a scan: a state file's entry not reused, and why.
  case note(job: JobID, text: String)
  /// Scans that ended in an earlier run are reported from the state file.
  case resumed(count: Int)
  /// A scan completed at the vendor; its findings are read next.
  case readingFindings(job: JobID)
  /// A page of a scan's findings was read (its record holds them); `next` is the next
  /// page's cursor, nil after the last.
  case findingsPage(job: JobID, count: Int, next: FindingsCursor?)
  /// A scan ended; its record holds the outcome.
  case finished(job: JobID)
}
