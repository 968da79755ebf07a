/// How a scan of a run ended, in the one vocabulary the run, the report, the console, the
/// page, JUnit and the summary share; reports write it as its raw value. `running` is a
/// scan a report was written before it ended.
package enum ScanStatus: String, Sendable, CaseIterable {
  case completed
  /// Triggered with `wait: false`; its end was not awaited.
  case triggered
  case failed
  case cancelled
  case timedOut = "timed_out"
  case errored
  case refused
  case interrupted
  case notStarted = "not_started"
  case running

  /// Whether the scan ended as its plan asks: completed, or triggered when it is not
  /// waited for.
  package var endedWell: Bool { self == .completed || self == .triggered }

  /// Whether the scan's end is one the vendor saw, or that another run would reach again:
  /// what a state file keeps. An interrupted scan is polled again; one not started is
  /// triggered.
  package var endedAtVendor: Bool {
    self != .interrupted && self != .notStarted && self != .running
  }
}
