/// How the emulator behaves: its tokens, how long scans take, its rate limit, and which
/// faults it injects, all from one seed so that a failing test can be replayed.
public struct EmulatorConfiguration: Sendable {
  /// The token S4E requests must carry (`Authorization: Bearer ...`).
  public var s4eToken = "sandbox-s4e-token"
  /// The token Invicti requests must carry (`X-Auth`).
  public var invictiToken = "sandbox-invicti-token"
  /// Seconds a scan waits in the queue before it runs.
  public var queueSeconds = 0.5
  /// Seconds a scan runs, chosen at random in this range for each scan.
  public var runSeconds: ClosedRange<Double> = 2...4
  /// The share of scans that end `failed`.
  public var failureRate = 0.0
  /// Requests per second each vendor answers before it answers 429; nil for no limit.
  public var rateLimit: Double?
  /// What a 429 says about when to come back.
  public var retryAfter: RetryAfterStyle = .seconds(1)
  /// Asset and target ids the vendors know; nil to know every id.
  public var knownAssets: Set<String>?
  /// Whether Invicti's scan answer lists the scan in `scans` (as its document shows)
  /// rather than at the top level.
  public var invictiListsScans = true
  /// Faults to inject.
  public var faults = Faults()
  /// Hostile answers for the scans of some assets or targets, by id, so that a test can
  /// check that every other scan of the run ends intact.
  public var hostile: [String: HostileBehavior] = [:]
  /// The seed of every random choice.
  public var seed: UInt64 = 1

  /// How a 429 tells the client when to come back.
  public enum RetryAfterStyle: Sendable, Equatable {
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
  public enum HostileBehavior: Sendable, Equatable {
    /// Status answers are truncated JSON.
    case malformedJSON
    /// Status answers are 2 MiB, past what a runner reads.
    case oversizedBody
    /// Status answers are an HTML page with `text/html`.
    case htmlInsteadOfJSON
    /// Status answers are JSON without a `Content-Type`.
    case missingContentType
    /// The trigger is answered with a redirect to another host.
    case redirect(to: String)
    /// Status requests are never answered.
    case neverAnswers
    /// The status goes `running`, then `queued` again, before it completes.
    case statusGoesBackwards
  }

  /// Faults, each as the share of requests it hits.
  public struct Faults: Sendable {
    /// Answer 500, 502 or 503.
    public var serverErrors = 0.0
    /// Answer only after `slowSeconds`.
    public var slowAnswers = 0.0
    /// How late a slow answer is.
    public var slowSeconds = 3.0
    /// Create the scan, then close the connection without answering the trigger.
    public var lostTriggerAnswers = 0.0
    /// Report a status no client knows while a scan runs.
    public var unknownStatuses = 0.0

    /// No faults.
    public init() {}
  }

  /// The defaults: sandbox tokens, scans of 2 to 4 seconds, no limit, no faults.
  public init() {}
}
