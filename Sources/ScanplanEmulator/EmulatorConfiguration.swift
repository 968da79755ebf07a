package import ScanplanVendorKit

/// How the emulator behaves: its tokens, the vendors' shapes it answers in, how long
/// scans take, its rate limits, and which faults it injects, all from one seed so that a
/// failing test can be replayed.
package struct EmulatorConfiguration: Sendable {
  /// The vendors the emulator plays.
  package let registry: VendorRegistry
  /// The token each vendor's requests must carry; each vendor's sandbox token unless set.
  package var tokens: [ProviderType: String] = [:]
  /// The shapes the vendors answer in: as the seeds show them, or as the vendors' own
  /// API references do.
  package var dialect: EmulatorDialect = .seed
  /// Seconds a scan waits in the queue before it runs.
  package var queueSeconds = 0.5
  /// Seconds a scan runs, chosen at random in this range for each scan.
  package var runSeconds: ClosedRange<Double> = 2...4
  /// The share of scans that end `failed`.
  package var failureRate = 0.0
  /// The share of scans stopped from outside before they end (Invicti's `aborted`).
  package var cancelRate = 0.0
  /// Seconds each scan spends paused half-way through its run, on its way in and out
  /// included (Invicti's `pausing`, `paused`, `resuming`); 0 for none.
  package var pauseSeconds = 0.0
  /// Requests per second each vendor answers before it answers 429; nil for no limit.
  package var rateLimit: Double?
  /// Whether the rate limit is strict: at most `rateLimit` requests in any second, with
  /// no burst, rather than a bucket that forgives a fifth of a second's jitter.
  package var strictRateLimit = false
  /// Whether answers tell the rate limit in `RateLimit-*` headers (a one-second policy).
  package var rateLimitHeaders = false
  /// What a 429 says about when to come back.
  package var retryAfter: RetryAfterStyle = .seconds(1)
  /// Whether each vendor enforces the trigger limit it publishes (S4E: 10 a minute).
  package var publishedLimits = false
  /// Asset and target ids the vendors know; nil to know every id.
  package var knownAssets: Set<String>?
  /// Severities left out of the counts, as an older server leaves out `critical`.
  package var omittedSeverities: Set<String> = []
  /// Scans a listing returns at once.
  package var listPageSize = 100
  /// Findings every completed scan lists, for benchmarks; nil for a random number (about
  /// 18, by severity, and up to 2 suppressed).
  package var findingsPerScan: Int?
  package var faults = Faults()
  /// Hostile answers for the scans of some assets or targets, by id, so that a test can
  /// check that every other scan of the run ends intact.
  package var hostile: [String: HostileBehavior] = [:]
  /// The seed of every random choice.
  package var seed: UInt64 = 1
  /// A number written into every scan id (`5ca90000-SSSS-...`), so that emulators started
  /// one after another, as `run --sandbox` starts one per run, never hand out the same
  /// id twice: a state file of an earlier sandbox run names scans this one did not make.
  package var idSeries: UInt16 = 0

  /// An emulator of `registry`'s vendors with the defaults: sandbox tokens, the seeds'
  /// shapes, scans of 2 to 4 seconds, no limit, no faults.
  package init(registry: VendorRegistry) {
    self.registry = registry
  }

  /// The token a vendor's requests must carry.
  package func token(for type: ProviderType) -> String {
    tokens[type] ?? registry.vendor(type)?.emulation.sandboxToken ?? ""
  }

  /// How a 429 tells the client when to come back.
  package enum RetryAfterStyle: Sendable, Equatable {
    /// `Retry-After: N`.
    case seconds(Int)
    /// `Retry-After: <HTTP date>`.
    case httpDate(Int)
    /// `{"retryAfter": N}` in the body, no header.
    case jsonBody(Double)
    /// No hint at all.
    case none
  }

  /// A server behaving badly on purpose.
  package enum HostileBehavior: Sendable, Equatable {
    /// Status answers are truncated JSON.
    case malformedJSON
    /// Status answers are this many bytes, past what a runner reads.
    case oversizedBody(bytes: Int)
    /// Status answers are an HTML page with `text/html`.
    case htmlInsteadOfJSON
    /// Status answers are JSON without a `Content-Type`.
    case missingContentType
    /// Status answers are `OK` as plain text.
    case plainTextStatus
    /// Status answers hold bytes that are not UTF-8.
    case nonUTF8Status
    /// Status answers' `status` is a number.
    case statusNotAString
    /// Status answers are for another scan (Invicti: a list without this one).
    case answersForAnotherScan
    /// The trigger is answered 201 with no scan id anywhere.
    case triggerWithoutID
    /// The trigger's `scan_id` is `true`, and there is no `Location`.
    case triggerIDOfWrongType
    /// The trigger's body has no `scan_id`, and its `Location` is `?`.
    case locationWithoutID
    /// The trigger is answered with this status, in the vendor's error shape.
    case vendorError(status: Int)
    /// The vendor cannot reach the URL itself: ZAP's `accessUrl` of it answers 500
    /// `internal_error`.
    case unreachable
    /// The trigger is answered with a redirect to another host.
    case redirect(to: String)
    /// Status requests are never answered.
    case neverAnswers
    /// The status goes `running`, then `queued` again, before it completes.
    case statusGoesBackwards
    /// The first three polls find the scan on its way into a pause, paused, and on its
    /// way out (Invicti: `pausing`, `paused`, `resuming`), whatever the time; then the
    /// truth. What a run shows of a pause can be tested without timing.
    case pausesAtFirst
  }

  /// Faults, each as the share of requests it hits.
  package struct Faults: Sendable {
    /// Answer 500, 502 or 503.
    package var serverErrors = 0.0
    /// Answer only after `slowSeconds`.
    package var slowAnswers = 0.0
    /// How late a slow answer is.
    package var slowSeconds = 3.0
    /// Create the scan, then close the connection without answering the trigger.
    package var lostTriggerAnswers = 0.0
    /// Report a status no client knows while a scan runs.
    package var unknownStatuses = 0.0
    /// Scans whose reported counts disagree with the findings they list (one high more).
    package var countMismatches = 0.0
    /// Scans whose findings endpoints answer 500, every time.
    package var findingsErrors = 0.0

    /// No faults.
    package init() {}
  }
}
