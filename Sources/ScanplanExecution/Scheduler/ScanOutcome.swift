/// How a scan of a run ended.
public enum ScanOutcome: Equatable, Sendable {
  /// The provider reported it complete.
  case completed
  /// The provider reported it failed, or refused the request (400, 403, 404, ...).
  case failed(String)
  /// The provider reported it cancelled.
  case cancelled
  /// The poll timeout passed first; the scan was not cancelled.
  case timedOut
  /// Requests kept failing (network, 5xx) past the retry limit.
  case errored(String)
  /// The provider refused the token (401) or the permission (403).
  case refused(String)
  /// Triggered with `wait: false`; its end was not awaited.
  case triggered
  /// Triggered, then the run was interrupted before it ended.
  case interrupted
  /// The run was interrupted before it was triggered.
  case notStarted

  /// The status as reports write it: `completed`, `timed_out`, ...
  public var label: String {
    switch self {
    case .completed: return "completed"
    case .failed: return "failed"
    case .cancelled: return "cancelled"
    case .timedOut: return "timed_out"
    case .errored: return "errored"
    case .refused: return "refused"
    case .triggered: return "triggered"
    case .interrupted: return "interrupted"
    case .notStarted: return "not_started"
    }
  }

  /// Why, when there is more to say than the label.
  public var reason: String? {
    switch self {
    case .failed(let why), .errored(let why), .refused(let why): return why
    default: return nil
    }
  }

  /// Reads a label back, for state files; reasons are kept beside it.
  public init?(label: String, reason: String?) {
    switch label {
    case "completed": self = .completed
    case "failed": self = .failed(reason ?? "")
    case "cancelled": self = .cancelled
    case "timed_out": self = .timedOut
    case "errored": self = .errored(reason ?? "")
    case "refused": self = .refused(reason ?? "")
    case "triggered": self = .triggered
    default: return nil
    }
  }
}

/// A `fail_on` gate's verdict on a completed scan.
public enum GateVerdict: Equatable, Sendable {
  /// Every threshold was under.
  case passed
  /// These thresholds were reached (`critical: 2 >= 1`).
  case failed([String])
}

/// Everything a run learned about one scan: the report's row.
public struct ScanRecord: Sendable {
  /// The job it belongs to.
  public let job: Int
  /// `ASSET/NAME`.
  public let id: String
  /// The provider's name.
  public let provider: String
  /// Where the scan is defined.
  public let location: String
  /// The provider's id of the scan.
  public var scanID: String?
  /// How it ended; nil while it runs.
  public var outcome: ScanOutcome?
  /// Seconds into the run when the trigger was answered.
  public var triggeredAt: Double?
  /// Seconds into the run when it ended.
  public var endedAt: Double?
  /// Polls answered.
  public var polls = 0
  /// The last status the provider reported.
  public var lastStatus: String?
  /// Percent done, when reported.
  public var progress: Int?
  /// Findings by severity, when reported.
  public var severityCounts: [String: Int]?
  /// The provider's id for this run of the scan, when reported.
  public var sessionID: String?
  /// The furthest phase a poll has reported (queued 0, running 1).
  public var phase: Int?
  /// The gate's verdict, when the scan has one.
  public var gate: GateVerdict?
  /// Whether the scan id came from a 409 (a scan already running) rather than a trigger.
  public var adopted = false

  /// A record of a scan that has not started.
  public init(job: Int, id: String, provider: String, location: String) {
    self.job = job
    self.id = id
    self.provider = provider
    self.location = location
  }
}

/// Something that happened during a run, for the console and the state journal.
public enum RunEvent: Equatable, Sendable {
  /// A trigger is about to be sent; journals record it before it goes.
  case triggering(job: Int)
  /// The provider answered a trigger with a scan id (or a 409 named one to adopt).
  case triggered(job: Int, scanID: String, adopted: Bool)
  /// A 409 named a scan that must end first (`on_conflict: wait`).
  case waitingForConflict(job: Int, scanID: String)
  /// A poll found a new status.
  case status(job: Int, status: String)
  /// A poll found a status the runner does not know; it is treated as running.
  case unknownStatus(job: Int, status: String)
  /// A poll found an earlier status than the last one (`running` to `queued`).
  case statusWentBack(job: Int, from: String, to: String)
  /// A request failed and will be sent again after `delay` seconds.
  case retrying(job: Int, cause: String, delay: Double)
  /// A 429 paused a budget; its rate is now `rate` requests per second.
  case throttled(budget: Int, seconds: Double, rate: Double)
  /// The provider refused the token: every scan of the budget failed.
  case refused(budget: Int, reason: String)
  /// A scan ended; its record holds the outcome.
  case finished(job: Int)
}
