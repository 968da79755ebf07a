/// Where a scan stands, in words shared by every vendor: each vendor maps its own
/// vocabulary onto these.
package enum ScanState: String, Equatable, Sendable, CaseIterable {
  /// Waiting to run: scheduled, queued, starting.
  case queued
  /// Running, or stopping on its way to an end (Invicti's `aborting`).
  case running
  /// Paused, or on its way into or out of a pause (Invicti's `pausing`, `paused`,
  /// `resuming`). Still polled: a paused scan ends, or its deadline does.
  case paused
  /// A status the runner does not know: treated as running, with a warning.
  case unknown
  /// Finished successfully.
  case completed
  /// Finished with an error.
  case failed
  /// Stopped by a user or a policy (Invicti's `aborted`).
  case cancelled

  /// Whether the scan has ended.
  package var isTerminal: Bool {
    switch self {
    case .completed, .failed, .cancelled: return true
    case .queued, .running, .paused, .unknown: return false
    }
  }

  /// Whether the scan has started running: a later `queued` went back.
  package var hasStarted: Bool {
    switch self {
    case .running, .paused: return true
    default: return false
    }
  }
}
