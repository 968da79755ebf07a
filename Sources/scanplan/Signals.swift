import UnixSignals

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Signals as an async sequence, from swift-service-lifecycle's `UnixSignals`: the one
/// way every command traps them.
enum Signals {
  /// The signals, trapped: their default action (ending the process) no longer happens,
  /// and each arrival is an element.
  static func trap(_ signals: UnixSignal...) async -> UnixSignalsSequence {
    await trap(signals)
  }

  private static func trap(_ signals: [UnixSignal]) async -> UnixSignalsSequence {
    // Ignored first, so that no signal between here and the sequence's registration ends
    // the process.
    for unixSignal in signals { signal(unixSignal.rawValue, SIG_IGN) }
    return await UnixSignalsSequence(trapping: signals)
  }

  /// Calls `handle` with the number of arrivals so far, on a task that ends when
  /// cancelled.
  static func watch(
    _ signals: UnixSignal..., handle: @escaping @Sendable (Int) -> Void
  ) async -> Task<Void, Never> {
    let sequence = await trap(signals)
    return Task {
      var count = 0
      for await _ in sequence {
        count += 1
        handle(count)
      }
    }
  }
}
