package import ScanplanReport

/// How a scan of a run ended, with the reason where there is one: its `status` is what
/// every output names.
package enum ScanOutcome: Equatable, Sendable {
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

  /// The status, without the reason.
  package var status: ScanStatus {
    switch self {
    case .completed: .completed
    case .failed: .failed
    case .cancelled: .cancelled
    case .timedOut: .timedOut
    case .errored: .errored
    case .refused: .refused
    case .triggered: .triggered
    case .interrupted: .interrupted
    case .notStarted: .notStarted
    }
  }

  /// The status as reports write it: `completed`, `timed_out`, ...
  package var label: String { status.rawValue }

  /// Why, when there is more to say than the label.
  package var reason: String? {
    switch self {
    case .failed(let why), .errored(let why), .refused(let why), .timedOut(let why): return why
    default: return nil
    }
  }

  /// Reads a label back, for state files; reasons are kept beside it. A state file keeps
  /// only scans that ended at the vendor.
  package init?(label: String, reason: String?) {
    switch ScanStatus(rawValue: label) {
    case .completed?: self = .completed
    case .failed?: self = .failed(reason ?? "")
    case .cancelled?: self = .cancelled
    case .timedOut?: self = .timedOut(reason ?? "")
    case .errored?: self = .errored(reason ?? "")
    case .refused?: self = .refused(reason ?? "")
    case .triggered?: self = .triggered
    case .interrupted?, .notStarted?, .running?, nil: return nil
    }
  }
}
