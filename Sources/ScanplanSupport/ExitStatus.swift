/// The exit codes of `scanplan`, named once: the commands exit with these, and their help
/// text and the report's `exit_code` are made from them.
package struct ExitStatus: Hashable, Sendable, CustomStringConvertible {
  /// What the process returns.
  package let code: Int32
  /// What the code means, as the help text says it.
  package let meaning: String

  private init(_ code: Int32, _ meaning: String) {
    self.code = code
    self.meaning = meaning
  }

  package static let success = ExitStatus(
    0, "success: the plans are valid, or every scan completed and every gate passed")
  package static let failed = ExitStatus(
    1, "a scan failed, was cancelled or timed out, a gate failed, or findings went unread")
  package static let invalid = ExitStatus(
    2, "a plan is invalid or cannot run here, and nothing was sent")
  package static let refused = ExitStatus(
    3, "a provider refused the run or could not be reached, or the run was interrupted")
  package static let usage = ExitStatus(64, "wrong usage")

  /// `diff --exit-code`, as git's: the plans differ. Not an error.
  package static let differs = ExitStatus(1, "a scan is added, removed or changed")
  /// `diff --fail-on-weakened`: a change weakens a scan.
  package static let weakened = ExitStatus(1, "a change weakens a scan")
  /// `plan --detailed-exitcode`, as terraform's: no scan would be triggered.
  package static let noChanges = ExitStatus(0, "no scan would be triggered")
  /// `plan --detailed-exitcode`: scans would be triggered. Not an error.
  package static let changes = ExitStatus(2, "scans would be triggered")
  /// `plan --detailed-exitcode`: an invalid plan, because 2 means changes there.
  package static let invalidPlan = ExitStatus(1, "a plan is invalid")

  /// The codes every command shares, in order.
  package static let common: [ExitStatus] = [.success, .failed, .invalid, .refused, .usage]

  /// `0 success: …; 1 …`, for a command's help.
  package static func list(_ statuses: [ExitStatus]) -> String {
    statuses.map(\.description).joined(separator: "; ")
  }

  package var description: String { "\(code) \(meaning)" }
}
