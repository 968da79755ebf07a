/// One poll's answer, read.
package struct PollReading: Equatable, Sendable {
  /// The status as the provider wrote it, made printable.
  package var status: String
  package var state: ScanState
  /// Percent done, when reported.
  package var progress: Int?
  /// Findings by severity, when reported; a severity the provider does not report is
  /// absent, not zero.
  package var severityCounts: [String: Int]?
  /// The provider's id for this run of the scan, when reported.
  package var sessionID: String?

  package init(
    status: String, state: ScanState, progress: Int? = nil, severityCounts: [String: Int]? = nil,
    sessionID: String? = nil
  ) {
    self.status = status
    self.state = state
    self.progress = progress
    self.severityCounts = severityCounts
    self.sessionID = sessionID
  }

  /// How the status is shown: the shared word (`paused` for Invicti's `pausing`), or the
  /// provider's own when the runner does not know it.
  package var shownStatus: String {
    state == .unknown ? status : state.rawValue
  }
}
