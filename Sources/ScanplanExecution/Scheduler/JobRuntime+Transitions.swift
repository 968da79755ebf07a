/// The moves between a scan's states, and its parts read in the one state that has them.
/// A move or a read that its state does not allow is a bug in the scheduler, not an
/// answer a server can cause: it is a `preconditionFailure`.
extension JobRuntime {
  /// The start's part, while waiting or starting.
  var start: Start {
    get {
      switch state {
      case .waiting(let start), .starting(let start): return start
      default: preconditionFailure("a scan's start was read while \(stateName)")
      }
    }
    _modify {
      switch state {
      case .waiting(var start):
        state = .ended
        defer { state = .waiting(start) }
        yield &start
      case .starting(var start):
        state = .ended
        defer { state = .starting(start) }
        yield &start
      default: preconditionFailure("a scan's start was changed while \(stateName)")
      }
    }
  }

  /// The polling's part, while running.
  var polling: Polling {
    get {
      guard case .running(let polling) = state else {
        preconditionFailure("a scan's polling was read while \(stateName)")
      }
      return polling
    }
    _modify {
      guard case .running(var polling) = state else {
        preconditionFailure("a scan's polling was changed while \(stateName)")
      }
      state = .ended
      defer { state = .running(polling) }
      yield &polling
    }
  }

  /// The findings reading, while its findings are read.
  var reading: FindingsReading {
    get {
      guard case .readingFindings(let reading) = state else {
        preconditionFailure("a scan's findings reading was read while \(stateName)")
      }
      return reading
    }
    _modify {
      guard case .readingFindings(var reading) = state else {
        preconditionFailure("a scan's findings reading was changed while \(stateName)")
      }
      state = .ended
      defer { state = .readingFindings(reading) }
      yield &reading
    }
  }

  var isWaiting: Bool {
    if case .waiting = state { return true }
    return false
  }

  var isEnded: Bool {
    if case .ended = state { return true }
    return false
  }

  /// Whether it counts against the limits: started, and not yet done at the vendor.
  var countsAtTheVendor: Bool {
    switch state {
    case .starting, .running: return true
    case .waiting, .readingFindings, .ended: return false
    }
  }

  /// Whether its scan id is known and its scan was running: an interrupted run leaves it
  /// `interrupted`, not `not_started`.
  var hasItsScan: Bool {
    switch state {
    case .running, .readingFindings: return true
    case .waiting, .starting, .ended: return false
    }
  }

  /// Whether an unanswered trigger of it may have made a scan; false once its id is
  /// known.
  var isAmbiguous: Bool {
    switch state {
    case .waiting(let start), .starting(let start): return start.ambiguous
    default: return false
    }
  }

  /// Waiting to starting: its turn came.
  mutating func begin() {
    guard case .waiting(let start) = state else {
      preconditionFailure("a scan began while \(stateName)")
    }
    state = .starting(start)
  }

  /// Starting to running: its scan id is known.
  mutating func run() {
    guard case .starting = state else { preconditionFailure("a scan ran while \(stateName)") }
    state = .running(Polling())
  }

  /// To reading its findings, from running, or from starting for a scan an earlier run
  /// saw complete.
  mutating func readFindings(_ reading: FindingsReading) {
    switch state {
    case .starting, .running: state = .readingFindings(reading)
    default: preconditionFailure("a scan's findings were read while \(stateName)")
    }
  }

  /// To its end, from any state; returns whether it counted against the limits.
  mutating func end() -> Bool {
    let counted = countsAtTheVendor
    state = .ended
    return counted
  }

  /// The state's name, for a trap's message.
  var stateName: String {
    switch state {
    case .waiting: "waiting"
    case .starting: "starting"
    case .running: "running"
    case .readingFindings: "reading findings"
    case .ended: "ended"
    }
  }
}
