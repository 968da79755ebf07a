import ScanplanPlan
import ScanplanReport
import ScanplanVendorKit

/// Exactly one scan when a trigger's answer is lost, for a vendor that lists an asset's
/// scans (`ListsScans`): the asset's scans are listed once, just before the
/// scan's first trigger (the census), and again after an answer is lost (the lookup). The
/// scan the lookup lists and the census did not, of the trigger's kind and no other scan's
/// of this run, is the one the lost trigger made, running or already ended; a scan that
/// existed before the first send is never taken for it.
extension SchedulerCore {
  mutating func listingAnswered(
    _ job: RunPlan.Job, _ kind: RequestKind, _ response: HTTPResponse, now: Double
  ) {
    let index = job.index
    guard (200..<300).contains(response.status) else {
      listingRefused(job, kind, response, now: now)
      return
    }
    let listing: ScanListing
    switch job.listing.listing(response, trigger: job.triggerInput) {
    case .failure(let error):
      retry(index, kind, cause: error.message, now: now)
      return
    case .success(let read):
      listing = read
    }
    // Failures in a row are the trigger's: a listing read between two lost answers does
    // not clear them, so a trigger lost over and over still ends after its retries.
    if kind == .census {
      censusPage(job, listing, now: now)
    } else {
      lookupPage(job, listing, now: now)
    }
  }

  /// A listing refused. Before the first trigger, the trigger goes anyway, and a lost
  /// answer can then only be found while its scan runs; after a lost answer, the scan
  /// ends rather than risk a second scan.
  private mutating func listingRefused(
    _ job: RunPlan.Job, _ kind: RequestKind, _ response: HTTPResponse, now: Double
  ) {
    let index = job.index
    let outcome = failure(
      job, response,
      kind == .census
        ? "listing of the asset's scans (before the trigger)"
        : "listing of the asset's scans (to find a lost trigger's)")
    if kind == .census {
      runtimes[index].start.censusSkipped = true
      let note =
        "`\(job.id)`: \(outcome.reason ?? outcome.label); a trigger whose answer is lost is "
        + "found only while its scan runs"
      records[index].notes.append(note)
      events.append(.note(job: index, text: note))
      enqueue(index, .trigger, due: now)
      return
    }
    var ended = outcome
    if case .failed(let why) = outcome {
      ended = .failed(why + "; not triggered again, to make no second scan")
    }
    finish(index, ended, now: now)
  }

  /// A page of the census: its ids kept, then the next page or the trigger.
  private mutating func censusPage(_ job: RunPlan.Job, _ listing: ScanListing, now: Double) {
    let index = job.index
    if job.listing.listsOneAssetsScans {
      runtimes[index].start.paging.seen.formUnion(listing.scans.map(\.id))
    } else {
      // A list of every asset's scans holds this run's own, which a lookup never takes:
      // kept out, the census (and the state file) does not grow with the plan.
      for scan in listing.scans where owners[scan.id] == nil {
        runtimes[index].start.paging.seen.insert(scan.id)
      }
    }
    if let next = listing.next, next != runtimes[index].start.paging.cursor,
      runtimes[index].start.paging.pages + 1 < configuration.maxLookupPages
    {
      runtimes[index].start.paging.pages += 1
      runtimes[index].start.paging.cursor = next
      enqueue(index, .census, due: now)
      return
    }
    let census = runtimes[index].start.paging.seen
    runtimes[index].start.census = census
    runtimes[index].start.paging = JobRuntime.ListingPages()
    events.append(.census(job: index, scanIDs: census.sorted()))
    enqueue(index, .trigger, due: now)
  }

  /// A page of the lookup: the scan the lost trigger made, the next page, or, when no
  /// page has it, the trigger again.
  private mutating func lookupPage(_ job: RunPlan.Job, _ listing: ScanListing, now: Double) {
    let index = job.index
    let census = runtimes[index].start.census
    var found: ScanListing.Scan?
    var candidates = 0
    for scan in listing.scans where scan.matches && owners[scan.id] == nil {
      // Not in the census, whatever its state; without a census, only a scan that runs.
      let new = census.map { !$0.contains(scan.id) } ?? !(scan.state?.isTerminal ?? false)
      guard new else { continue }
      candidates += 1
      if found == nil || (scan.started ?? "") > (found!.started ?? "") { found = scan }
    }
    if candidates > 0, !job.listing.listsOneAssetsScans,
      !takeFromSharedList(job, candidates: candidates, now: now)
    {
      return
    }
    if let found {
      started(job, scanID: found.id, origin: .recovered, now: now)
      return
    }
    if let next = listing.next, next != runtimes[index].start.paging.cursor,
      runtimes[index].start.paging.pages + 1 < configuration.maxLookupPages
    {
      runtimes[index].start.paging.pages += 1
      runtimes[index].start.paging.cursor = next
      enqueue(index, .lookup, due: now)
      return
    }
    runtimes[index].start.paging.restart()
    // No scan was made: the trigger goes again as any other, and still adopts on a 409.
    budgets[job.budget].unsettled.remove(index)
    enqueue(index, .trigger, due: now)
  }

  /// Whether the one new scan of a listing that names no asset (ZAP's) is surely the lost
  /// trigger's: no other start of the provider may have made a scan this run does not
  /// know. Triggers wait meanwhile (`BudgetState.serializesStarts`), so only a stage, or
  /// another lost trigger of a resumed run, can be unanswered: then the list is read
  /// again later. When a start never will be answered, or the list has several new scans,
  /// the scan ends rather than take another scan for its own or make a second.
  private mutating func takeFromSharedList(_ job: RunPlan.Job, candidates: Int, now: Double)
    -> Bool
  {
    let index = job.index
    let budget = budgets[job.budget]
    let unanswered =
      budget.unsettled.count - (budget.unsettled.contains(index) ? 1 : 0)
      + budget.startsInFlight
    if unanswered > 0 {
      runtimes[index].start.paging.restart()
      retry(
        index, .lookup,
        cause:
          "the trigger's answer was lost, and the provider's list of scans, which names no "
          + "asset, cannot tell its scan from one that \(unanswered) other unanswered "
          + "start\(unanswered == 1 ? "" : "s") of this run may have made",
        now: now)
      return false
    }
    guard candidates == 1, budget.orphans == 0 else {
      let why =
        candidates > 1
        ? "\(candidates) scans are new in the provider's list of scans, which names no asset"
        : "the one new scan in the provider's list of scans, which names no asset, may be "
          + "one that an unanswered start of this run made"
      finish(
        index,
        .errored(
          "the trigger's answer was lost and \(why): which is this one's cannot be told, so "
            + "it is not triggered again, to make no second scan"),
        now: now)
      return false
    }
    return true
  }

  /// Marks whether the scan's last trigger went unanswered, counted per budget for
  /// `takeFromSharedList`.
  mutating func setAmbiguous(_ index: JobID, _ value: Bool) {
    runtimes[index].start.ambiguous = value
    if value {
      budgets[plan.jobs[index].budget].unsettled.insert(index)
    } else {
      budgets[plan.jobs[index].budget].unsettled.remove(index)
    }
  }
}
