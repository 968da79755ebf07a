import ScanplanVendorKit

/// Where one scan is in its life while the run goes, beside its `ScanRecord` (what it
/// learned): a state whose cases carry what only that part of the life needs. Reaching for
/// another state's part is a bug in the scheduler, and traps.
struct JobRuntime: Sendable {
  /// A scan's life. Waiting and starting count nothing at the vendor yet; from starting
  /// until its findings are read, it counts against the limits.
  enum State: Sendable {
    /// Waiting for its turn (limits, the asset's previous scan), with what an earlier run
    /// left of it.
    case waiting(Start)
    /// Started, its scan id not known yet: the target readied, the census, the trigger,
    /// a 409's wait for another scan, the lookup of a trigger whose answer was lost.
    case starting(Start)
    /// Its scan runs at the vendor and is polled (stage after stage, for ZAP).
    case running(Polling)
    /// Completed at the vendor, no longer counted there; its findings are read.
    case readingFindings(FindingsReading)
    /// Ended; its record has the outcome.
    case ended
  }

  /// What a scan needs until its id is known.
  struct Start: Sendable {
    /// Whether the target was readied for the trigger (`ProviderAPI.preparation`).
    var prepared = false
    /// A trigger was sent and its outcome is unknown (lost answer, 5xx): the scan it may
    /// have made is found before another trigger goes (a 409 naming it, or a listing).
    var ambiguous = false
    /// The asset's scans listed before the first trigger (`SchedulerCore+Lookup`).
    var census: Set<String>?
    /// Whether the census was refused, so the trigger went without it.
    var censusSkipped = false
    /// The listing being paged, for the census or the lookup.
    var paging = ListingPages()
    /// The running scan this one waits for (`on_conflict: wait`).
    var conflict: Conflict?
    /// When waiting for a running scan first began.
    var waitingSince: Double?
    /// An earlier run's reading of the completed scan's findings, to go on with.
    var resumedReading: FindingsReading?
  }

  /// A running scan of the asset that this one waits for.
  struct Conflict: Sendable {
    let scanID: String
    /// Its poll interval now.
    var interval: Double
  }

  /// What polling a running scan needs.
  struct Polling: Sendable {
    /// The answers of a poll that takes several requests, so far.
    var answers: [HTTPResponse] = []
    /// The next request of such a poll, sent instead of the first.
    var followUp: HTTPRequest?
    /// The request that starts the next stage, from the poll that saw the last one end.
    var nextStage: HTTPRequest?
  }

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

  var state = State.waiting(Start())
  /// Failed requests in a row, whatever the state.
  var failures = 0
  /// The poll interval now.
  var interval: Double
  /// When the last answer about this scan came: its next request, retries included, goes
  /// at least a second later (the vendors ask for no more than one request a second per
  /// scan, and an answer comes after its request left).
  var lastAnswerAt: Double?

  init(interval: Double) {
    self.interval = interval
  }
}
