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
    case .failed(let why), .errored(let why), .refused(let why), .timedOut(let why):
      return why.isEmpty ? nil : why
    default: return nil
    }
  }

  /// The outcome of a status and its reason; nil for `running`.
  package init?(status: ScanStatus, reason: String?) {
    switch status {
    case .completed: self = .completed
    case .failed: self = .failed(reason ?? "")
    case .cancelled: self = .cancelled
    case .timedOut: self = .timedOut(reason ?? "")
    case .errored: self = .errored(reason ?? "")
    case .refused: self = .refused(reason ?? "")
    case .triggered: self = .triggered
    case .interrupted: self = .interrupted
    case .notStarted: self = .notStarted
    case .running: return nil
    }
  }

  /// The same end, its reason changed by `transform` (redaction).
  package func mapReason(_ transform: (String) -> String) -> ScanOutcome {
    switch self {
    case .failed(let why): .failed(transform(why))
    case .errored(let why): .errored(transform(why))
    case .refused(let why): .refused(transform(why))
    case .timedOut(let why): .timedOut(transform(why))
    default: self
    }
  }

  /// Reads a label back, for state files; reasons are kept beside it. A state file keeps
  /// only scans that ended at the vendor.
  package init?(label: String, reason: String?) {
    guard let status = ScanStatus(rawValue: label), status.endedAtVendor else { return nil }
    self.init(status: status, reason: reason)
  }
}
