import ScanplanVendorKit

/// S4E's status words: `queued`, `running`, `completed`, `failed`, `cancelled`.
enum S4EStatus {
  /// What a status word means.
  static func state(_ status: String) -> ScanState {
    switch status.lowercased() {
    case "queued": return .queued
    case "running": return .running
    case "completed": return .completed
    case "failed": return .failed
    case "cancelled": return .cancelled
    default: return .unknown
    }
  }

  /// The word S4E uses for an emulated scan's phase; it has no pauses of its own.
  static func word(_ phase: EmulatedPhase) -> String {
    switch phase {
    case .queued: return "queued"
    case .running, .pausing, .paused, .resuming, .aborting: return "running"
    case .completed: return "completed"
    case .failed: return "failed"
    case .cancelled: return "cancelled"
    case .unknown(let word): return word
    }
  }
}
