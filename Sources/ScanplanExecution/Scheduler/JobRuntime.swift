import ScanplanVendorKit

/// What the scheduler keeps of one scan while it runs, beside its `ScanRecord`.
struct JobRuntime: Sendable {
  /// Where a job is in the run.
  enum Phase: Equatable, Sendable {
    /// Waiting for its turn (limits, the asset's previous scan).
    case pending
    /// Triggered, or about to be.
    case active
    /// Completed at the vendor, its findings being read: it no longer counts as running
    /// there, so the limits let another scan start.
    case finishing
    /// Ended; its record has the outcome.
    case done
  }

  var phase: Phase = .pending
  /// A trigger was sent and its outcome is unknown (lost answer, 5xx): the scan it may
  /// have made is found before another trigger goes (a 409 naming it, or a listing).
  var ambiguous = false
  /// Failed requests in a row.
  var failures = 0
  /// The poll interval now.
  var interval: Double
  /// The running scan this one waits for (`on_conflict: wait`).
  var conflictID: String?
  var conflictInterval: Double
  /// When waiting for a running scan began.
  var waitingSince: Double?
  var hasTriggered = false
  /// Whether the target was readied for the trigger (`ProviderAPI.preparation`).
  var prepared = false
  /// When the last answer about this scan came: its next request, retries included, goes
  /// at least a second later (the vendors ask for no more than one request a second per
  /// scan, and an answer comes after its request left).
  var lastAnswerAt: Double?
  /// The listing being paged, for the census or the lookup.
  var paging = ListingPages()
  /// The asset's scans listed before the first trigger (`SchedulerCore+Lookup`).
  var census: Set<String>?
  /// Whether the census was refused, so the trigger went without it.
  var censusSkipped = false
  /// Where the reading of a completed scan's findings is; nil while it is not read.
  var findings: FindingsReading?
  /// The answers of a poll that takes several requests, so far.
  var pollAnswers: [HTTPResponse] = []
  /// The next request of such a poll, sent instead of the first.
  var pollFollowUp: HTTPRequest?
  /// The request that starts the next stage, from the poll that saw the last one complete.
  var nextStage: HTTPRequest?

  /// Where a listing of the asset's scans is, a page at a time.
  struct ListingPages: Sendable {
    /// The page to ask for next; nil for the first.
    var cursor: String?
    /// Pages read so far.
    var pages = 0
    /// The census's ids so far, while it pages.
    var seen: Set<String> = []

    /// From the first page again, keeping what a census has seen.
    mutating func restart() {
      cursor = nil
      pages = 0
    }
  }

  /// The reading of a completed scan's findings, one page at a time.
  struct FindingsReading: Sendable {
    /// The page to ask for next; nil for the first.
    var cursor: FindingsCursor?
    /// Every cursor followed, so that a list that goes round is caught.
    var followed: Set<FindingsCursor> = []
    /// Whether every page was read (a run resumed between the last page and the
    /// verdict).
    var done = false
  }

  init(interval: Double) {
    self.interval = interval
    conflictInterval = interval
  }
}
