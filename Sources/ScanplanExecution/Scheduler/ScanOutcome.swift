/// How a scan of a run ended.
public enum ScanOutcome: Equatable, Sendable {
  /// The provider reported it complete.
  case completed
  /// The provider reported it failed, or refused the request (400, 403, 404, ...).
  case failed(String)
  /// The provider reported it cancelled.
  case cancelled
  /// Its deadline passed first (`poll.timeout` or the vendor's default), and why; the
  /// scan was not cancelled.
  case timedOut(String)
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
    case .failed(let why), .errored(let why), .refused(let why), .timedOut(let why): return why
    default: return nil
    }
  }

  /// Reads a label back, for state files; reasons are kept beside it.
  public init?(label: String, reason: String?) {
    switch label {
    case "completed": self = .completed
    case "failed": self = .failed(reason ?? "")
    case "cancelled": self = .cancelled
    case "timed_out": self = .timedOut(reason ?? "")
    case "errored": self = .errored(reason ?? "")
    case "refused": self = .refused(reason ?? "")
    case "triggered": self = .triggered
    default: return nil
    }
  }
}
