package import ScanplanJSON
import ScanplanSupport
import ScanplanVendorKit

extension ScanResult {
  /// The file a result is written in. Both write the same keys; they differ in how a
  /// moment is written, and in whose words an unreadable verdict fails.
  package enum File: Sendable {
    /// A run report: moments in ISO 8601, the run having started at `startedAt` (seconds
    /// since the Unix epoch).
    case report(startedAt: Double)
    /// A state journal: moments in seconds since the Unix epoch, unrounded, so that a run
    /// started again reports the very milliseconds; the run started at `startedAt`.
    case state(startedAt: Double)

    var startedAt: Double {
      switch self {
      case .report(let startedAt), .state(let startedAt): startedAt
      }
    }

    var noun: String {
      switch self {
      case .report: "the report"
      case .state: "the state file"
      }
    }

    var unreadableVerdict: String { "\(noun)'s verdict cannot be read" }

    func moment(_ seconds: Double?) -> JSONValue {
      guard let seconds else { return .null }
      switch self {
      case .report(let startedAt): return .string(UTCDate.iso8601(startedAt + seconds))
      case .state(let startedAt): return .double(startedAt + seconds)
      }
    }

    func seconds(_ value: JSONValue?) -> Double? {
      switch self {
      case .report(let startedAt):
        value?.stringValue.flatMap(UTCDate.parseISO8601).map { $0 - startedAt }
      case .state(let startedAt): value?.doubleValue.map { $0 - startedAt }
      }
    }
  }

  /// Writes the result's keys into `row`, in the order a report row has them.
  package func write(into row: inout JSONObject, file: File) {
    row["scan_id"] = scanID.map(JSONValue.string) ?? .null
    row["status"] = .string(status.rawValue)
    if let reason { row["reason"] = .string(reason) }
    if origin != .triggered { row[origin.rawValue] = true }
    if resumed { row["resumed"] = true }
    row["triggered_at"] = file.moment(triggeredAt)
    row["ended_at"] = file.moment(endedAt)
    if let duration { row["duration_seconds"] = .double(Self.milliseconds(duration)) }
    row["polls"] = .int(polls)
    if let shown = shownStatus, let lastStatus {
      row["last_status"] = .string(shown)
      // The provider's own word, where output shows a shared one (`paused` for `pausing`).
      if shown != lastStatus { row["vendor_status"] = .string(lastStatus) }
    }
    if let progress { row["progress"] = .int(progress) }
    if let counts = shownCounts {
      row["severity_counts"] = Self.object(counts.counts)
      row["severity_counts_by"] = counts.byScanplan ? "scanplan" : "provider"
    }
    if let sessionID { row["scan_session_id"] = .string(sessionID) }
    if let gate {
      var object: JSONObject = ["verdict": gate == .passed ? "passed" : "failed"]
      if case .failed(let reasons) = gate, !reasons.isEmpty {
        object["reasons"] = .array(reasons.map(JSONValue.string))
      }
      if !failOn.isEmpty {
        object["fail_on"] = Self.object(
          failOn.map { RunReport.Count(name: $0.severity, count: $0.count) })
      }
      row["gate"] = .object(object)
    }
    if let findings { row["findings"] = .array(findings.map { $0.json() }) }
    if let findingsError { row["findings_error"] = .string(findingsError) }
    if !notes.isEmpty { row["notes"] = .array(notes.map(JSONValue.string)) }
  }

  /// Reads what `write(into:file:)` wrote. A status this version does not know (a later
  /// one's) is not taken for a good end, and a verdict that cannot be read fails.
  package init(json row: JSONObject, file: File) {
    let written = row["status"]?.stringValue ?? ScanStatus.running.rawValue
    let reason = row["reason"]?.stringValue
    if let status = ScanStatus(rawValue: written) {
      self.init(outcome: ScanOutcome(status: status, reason: reason))
    } else {
      self.init(
        outcome: .errored(
          reason ?? "\(file.noun)'s status `\(written)` is unknown to this scanplan"))
    }
    scanID = row["scan_id"]?.stringValue
    origin = Origin.allCases.first { row[$0.rawValue]?.boolValue == true } ?? .triggered
    resumed = row["resumed"]?.boolValue ?? false
    triggeredAt = file.seconds(row["triggered_at"])
    endedAt = file.seconds(row["ended_at"])
    polls = row["polls"]?.intValue ?? 0
    if let shown = row["last_status"]?.stringValue {
      let vendor = row["vendor_status"]?.stringValue
      lastStatus = vendor ?? shown
      lastState = ScanState(rawValue: shown) ?? .unknown
    }
    progress = row["progress"]?.intValue
    if row["severity_counts_by"]?.stringValue != "scanplan" {
      severityCounts = row["severity_counts"]?.objectValue.map(Self.counts)
    }
    sessionID = row["scan_session_id"]?.stringValue
    if let gate = row["gate"] {
      failOn = Self.thresholds(gate["fail_on"])
      let reasons = (gate["reasons"]?.arrayValue ?? []).compactMap(\.stringValue)
      switch gate["verdict"]?.stringValue {
      case "passed": self.gate = .passed
      case "failed" where !reasons.isEmpty: self.gate = .failed(reasons)
      default: self.gate = .failed([file.unreadableVerdict])
      }
    }
    findings = row["findings"]?.arrayValue.map { $0.compactMap(Finding.init(json:)) }
    findingsError = row["findings_error"]?.stringValue
    notes = (row["notes"]?.arrayValue ?? []).compactMap(\.stringValue)
  }

  /// A `result` of a format-3 state file (until December 2026), whose keys differ: the
  /// outcome beside it, the provider's word as `last_status` and its meaning as `state`.
  package init(stateVersion3 object: JSONObject, outcome: ScanOutcome, startedAt: Double) {
    self.init(outcome: outcome)
    triggeredAt = object["triggered_at"]?.doubleValue.map { $0 - startedAt }
    endedAt = object["ended_at"]?.doubleValue.map { $0 - startedAt }
    polls = object["polls"]?.intValue ?? 0
    lastStatus = object["last_status"]?.stringValue
    lastState = object["state"]?.stringValue.flatMap(ScanState.init(rawValue:))
    progress = object["progress"]?.intValue
    severityCounts = object["severity_counts"]?.objectValue.map(Self.counts)
    sessionID = object["scan_session_id"]?.stringValue
    if let gate = object["gate"] {
      failOn = Self.thresholds(gate["fail_on"])
      switch gate["verdict"]?.stringValue {
      case "passed": self.gate = .passed
      case "failed":
        self.gate = .failed((gate["reasons"]?.arrayValue ?? []).compactMap(\.stringValue))
      default: self.gate = .failed([File.state(startedAt: startedAt).unreadableVerdict])
      }
    }
    findings = object["findings"]?.arrayValue.map { $0.compactMap(Finding.init(json:)) }
    findingsError = object["findings_error"]?.stringValue
    origin = Origin.allCases.first { object[$0.rawValue]?.boolValue == true } ?? .triggered
  }

  /// Findings by severity as output shows them, most severe first: the provider's, or,
  /// for a vendor that reports none (S4E, ZAP), counted by scanplan from the listing,
  /// which are no evidence beside it and never judged as the vendor's.
  package var shownCounts: (counts: [RunReport.Count], byScanplan: Bool)? {
    if let severityCounts { return (RunReport.Count.bySeverity(severityCounts), false) }
    guard let findings else { return nil }
    return (RunReport.Count.counted(findings, everySeverity: true), true)
  }

  /// Seconds to the millisecond, as reports write them.
  package static func milliseconds(_ seconds: Double) -> Double {
    (seconds * 1000).rounded() / 1000
  }

  private static func object(_ counts: [RunReport.Count]) -> JSONValue {
    var object = JSONObject()
    for count in counts { object[count.name] = .int(count.count) }
    return .object(object)
  }

  /// A gate's `fail_on`, severity to count, in the order written.
  private static func thresholds(_ value: JSONValue?) -> [GateThreshold] {
    (value?.objectValue?.members ?? []).compactMap { member in
      member.value.intValue.map { GateThreshold(severity: member.key, count: $0) }
    }
  }

  private static func counts(_ object: JSONObject) -> [String: Int] {
    var read: [String: Int] = [:]
    for member in object.members { read[member.key] = member.value.intValue }
    return read
  }
}
