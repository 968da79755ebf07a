import Synchronization

/// Values kept until the process ends. A command's large results (every plan's nodes, a
/// run's records) are then freed by the exit at once, not one by one on the way out.
enum ProcessLifetime {
  private static let kept = Mutex<[any Sendable]>([])

  /// Keeps `value` alive to the end of the process.
  static func keep(_ value: some Sendable) {
    kept.withLock { $0.append(value) }
  }
}
