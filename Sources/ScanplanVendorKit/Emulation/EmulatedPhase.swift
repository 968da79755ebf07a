/// Where an emulated scan is in its life, in the emulator's own words; each vendor's
/// emulation names it in the vendor's vocabulary.
package enum EmulatedPhase: Equatable, Sendable {
  /// Waiting; the share of the wait that has passed, from 0 to 1, lets a vendor tell
  /// its stages apart (Invicti: `scheduled`, `queued`, `starting`).
  case queued(Double)
  /// Running.
  case running
  /// On its way into a pause.
  case pausing
  /// Paused.
  case paused
  /// On its way out of a pause.
  case resuming
  /// On its way to being stopped.
  case aborting
  /// Ended well.
  case completed
  /// Ended with an error.
  case failed
  /// Stopped by someone.
  case cancelled
  /// A status no client knows, for the unknown-status fault.
  case unknown(String)

  /// Whether the scan has ended.
  package var isTerminal: Bool {
    switch self {
    case .completed, .failed, .cancelled: return true
    default: return false
    }
  }
}
