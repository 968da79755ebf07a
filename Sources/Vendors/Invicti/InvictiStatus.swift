import ScanplanVendorKit

/// Invicti's `current_session.status` words, as the Acunetix API reference lists them:
/// `ScanInfo`'s `scheduled`, `queued`, `starting`, `processing`, `aborting`, `aborted`,
/// `pausing`, `paused`, `completed`, `failed`, and `ScanStatistics`' `resuming`.
enum InvictiStatus {
  /// What a status word means.
  static func state(_ status: String) -> ScanState {
    switch status.lowercased() {
    case "scheduled", "queued", "starting": return .queued
    // Aborting still runs until it is aborted.
    case "processing", "aborting": return .running
    case "pausing", "paused", "resuming": return .paused
    case "completed": return .completed
    case "failed": return .failed
    // Stopped from outside, as Acunetix's own Jenkins plugin reads it.
    case "aborted": return .cancelled
    default: return .unknown
    }
  }

  /// The word Invicti uses for an emulated scan's phase.
  static func word(_ phase: EmulatedPhase) -> String {
    switch phase {
    case .queued(let share):
      return share < 1 / 3 ? "scheduled" : share < 2 / 3 ? "queued" : "starting"
    case .running: return "processing"
    case .pausing: return "pausing"
    case .paused: return "paused"
    case .resuming: return "resuming"
    case .aborting: return "aborting"
    case .completed: return "completed"
    case .failed: return "failed"
    case .cancelled: return "aborted"
    case .unknown(let word): return word
    }
  }
}
