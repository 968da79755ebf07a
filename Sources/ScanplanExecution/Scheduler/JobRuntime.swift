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
  /// The listing page to ask for next, for the census or the lookup.
  var lookupCursor: String?
  /// The asset's scans listed before the first trigger (`SchedulerCore+Lookup`).
  var census: Set<String>?
  /// The census's ids so far, while it pages.
  var censusSoFar: Set<String> = []
  /// Whether the census was refused, so the trigger went without it.
  var censusSkipped = false
  /// Listing pages read for the current lookup.
  var lookupPages = 0
  /// Whether the scan completed and its findings are being read.
  var readingFindings = false
  /// The findings page to ask for next; nil for the first.
  var findingsCursor: FindingsCursor?
  /// Whether every findings page was read (a run resumed between the last page and
  /// the verdict).
  var findingsDone = false
  /// The answers of a poll that takes several requests, so far.
  var pollAnswers: [HTTPResponse] = []
  /// The next request of such a poll, sent instead of the first.
  var pollFollowUp: HTTPRequest?
  /// The request that starts the next stage, from the poll that saw the last one complete.
  var nextStage: HTTPRequest?
  /// Every findings cursor followed, so that a list that goes round is caught.
  var findingsCursors: Set<FindingsCursor> = []

  init(interval: Double) {
    self.interval = interval
    conflictInterval = interval
  }
}
