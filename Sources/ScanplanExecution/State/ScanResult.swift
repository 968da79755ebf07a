import ScanplanJSON
import ScanplanPlan
package import ScanplanReport
package import ScanplanVendorKit

/// How a scan ended, as a state file keeps it: everything the report and the exit code
/// need, so that a run started again reports the scan exactly as the run that saw it end
/// did, its gate's verdict included. Times are seconds since the Unix epoch.
package struct ScanResult: Equatable, Sendable {
  package var outcome: ScanOutcome
  /// When the trigger was answered.
  package var triggeredAt: Double?
  package var endedAt: Double?
  package var polls = 0
  /// The last status, in the provider's words.
  package var lastStatus: String?
  package var lastState: ScanState?
  /// Percent done, when reported.
  package var progress: Int?
  /// Findings by severity, when reported.
  package var severityCounts: [String: Int]?
  /// The provider's id for this run of the scan.
  package var sessionID: String?
  /// The gate's verdict.
  package var gate: GateVerdict?
  /// The gate it was judged by (`fail_on`, severity to count), so that a later run whose
  /// plan has another gate judges the stored facts again instead of reusing the verdict.
  package var failOn: [String: Int] = [:]
  /// The findings it listed, once read (absent ones of a baseline included).
  package var findings: [Finding]?
  /// Why its findings could not be read.
  package var findingsError: String?
  /// Whether the scan id came from a 409.
  package var adopted = false
  /// Whether it came from a listing after a lost trigger.
  package var recovered = false

  /// A result with only an outcome: what an older state file knew of a scan that did not
  /// complete (its failure is its verdict).
  package init(outcome: ScanOutcome) {
    self.outcome = outcome
  }

  /// What `record`, which has ended, holds; its times are seconds after `epoch`.
  init?(record: ScanRecord, failOn: [GateThreshold], epoch: Double) {
    guard let outcome = record.outcome else { return nil }
    self.outcome = outcome
    triggeredAt = record.triggeredAt.map { epoch + $0 }
    endedAt = record.endedAt.map { epoch + $0 }
    polls = record.polls
    lastStatus = record.lastStatus
    lastState = record.lastState
    progress = record.progress
    severityCounts = record.severityCounts
    sessionID = record.sessionID
    gate = record.gate
    for threshold in failOn { self.failOn[threshold.severity] = threshold.count }
    findings = record.findings
    findingsError = record.findingsError
    adopted = record.adopted
    recovered = record.recovered
  }

  /// Puts the result in a record of a run that started at `epoch`.
  func apply(to record: inout ScanRecord, epoch: Double) {
    record.outcome = outcome
    record.triggeredAt = triggeredAt.map { $0 - epoch }
    record.endedAt = endedAt.map { $0 - epoch }
    record.polls = polls
    record.lastStatus = lastStatus
    record.lastState = lastState
    record.progress = progress
    record.severityCounts = severityCounts
    record.sessionID = sessionID
    record.gate = gate
    record.findings = findings
    record.findingsError = findingsError
    record.adopted = adopted
    record.recovered = recovered
  }

  /// The `result` object of a journal line; the outcome and its reason are written beside
  /// it, as older versions wrote them.
  func json() -> JSONObject {
    var object = JSONObject()
    // Unrounded, so that a resumed run's report shows the very milliseconds.
    if let triggeredAt { object["triggered_at"] = .double(triggeredAt) }
    if let endedAt { object["ended_at"] = .double(endedAt) }
    object["polls"] = .int(polls)
    if let lastStatus { object["last_status"] = .string(lastStatus) }
    if let lastState { object["state"] = .string(lastState.rawValue) }
    if let progress { object["progress"] = .int(progress) }
    if let severityCounts {
      var counts = JSONObject()
      for key in severityCounts.keys.sorted() { counts[key] = .int(severityCounts[key]!) }
      object["severity_counts"] = .object(counts)
    }
    if let sessionID { object["scan_session_id"] = .string(sessionID) }
    var thresholds = JSONObject()
    for key in failOn.keys.sorted() { thresholds[key] = .int(failOn[key]!) }
    switch gate {
    case .passed?:
      object["gate"] = .object(["fail_on": .object(thresholds), "verdict": "passed"])
    case .failed(let reasons)?:
      object["gate"] = .object([
        "fail_on": .object(thresholds), "verdict": "failed",
        "reasons": .array(reasons.map(JSONValue.string)),
      ])
    case nil: break
    }
    if let findings { object["findings"] = .array(findings.map { $0.json() }) }
    if let findingsError { object["findings_error"] = .string(findingsError) }
    if adopted { object["adopted"] = true }
    if recovered { object["recovered"] = true }
    return object
  }

  /// A `result` object read back with its line's outcome. A gate whose verdict cannot be
  /// read is failed: a damaged verdict must not pass.
  init(json object: JSONObject, outcome: ScanOutcome) {
    self.outcome = outcome
    triggeredAt = object["triggered_at"]?.doubleValue
    endedAt = object["ended_at"]?.doubleValue
    polls = object["polls"]?.intValue ?? 0
    lastStatus = object["last_status"]?.stringValue
    lastState = object["state"]?.stringValue.flatMap(ScanState.init(rawValue:))
    progress = object["progress"]?.intValue
    severityCounts = object["severity_counts"]?.objectValue.map { counts in
      var read: [String: Int] = [:]
      for member in counts.members { read[member.key] = member.value.intValue }
      return read
    }
    sessionID = object["scan_session_id"]?.stringValue
    if let gate = object["gate"] {
      for member in gate["fail_on"]?.objectValue?.members ?? [] {
        failOn[member.key] = member.value.intValue
      }
      switch gate["verdict"]?.stringValue {
      case "passed": self.gate = .passed
      case "failed":
        self.gate = .failed((gate["reasons"]?.arrayValue ?? []).compactMap(\.stringValue))
      default: self.gate = .failed(["the state file's verdict cannot be read"])
      }
    }
    findings = object["findings"]?.arrayValue.map { $0.compactMap(Finding.init(json:)) }
    findingsError = object["findings_error"]?.stringValue
    adopted = object["adopted"]?.boolValue ?? false
    recovered = object["recovered"]?.boolValue ?? false
  }
}
