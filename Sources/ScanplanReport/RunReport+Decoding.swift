import ScanplanJSON
import ScanplanVendorKit

extension RunReport {
  /// Why a file is not a report this version reads.
  package struct ReadError: Error, Sendable {
    /// What is wrong, lowercase.
    package let message: String
  }

  /// Reads a report's bytes. Keys a report of an earlier scanplan lacks (timelines,
  /// findings) are left out of the model, not guessed.
  package static func read(_ bytes: [UInt8]) -> Result<RunReport, ReadError> {
    let json: JSONValue
    do { json = try JSONParser().parse(bytes) } catch {
      return .failure(ReadError(message: "not a scanplan run report: it is not JSON"))
    }
    guard json.objectValue != nil, json["version"]?.intValue == version,
      let scans = json["scans"]?.arrayValue, let providers = json["providers"]?.arrayValue
    else {
      return .failure(
        ReadError(
          message: "not a scanplan run report of version 1 (`scanplan run --report FILE.json`)"))
    }
    var report = RunReport(
      startedAt: json["started_at"]?.stringValue ?? "",
      endedAt: json["ended_at"]?.stringValue ?? "",
      exitCode: Int32(clamping: json["exit_code"]?.intValue ?? 0),
      interrupted: json["interrupted"]?.boolValue ?? false)
    report.duration = json["duration_seconds"]?.doubleValue
    report.baseline = json["baseline"]?.stringValue
    report.providers = providers.map(provider)
    report.scans = scans.map(scan)
    return .success(report)
  }

  private static func counts(_ value: JSONValue?) -> [Count] {
    (value?.objectValue?.members ?? []).compactMap { member in
      member.value.intValue.map { Count(name: member.key, count: $0) }
    }
  }

  private static func provider(_ json: JSONValue) -> Provider {
    var provider = Provider(
      name: json["name"]?.stringValue ?? "", rate: json["requests_per_second"]?.doubleValue ?? 0)
    provider.requests = json["requests"]?.intValue ?? 0
    provider.throttled = json["throttled"]?.intValue ?? 0
    provider.backloggedSeconds = json["backlogged_seconds"]?.doubleValue ?? 0
    provider.backloggedRequests = json["backlogged_requests"]?.intValue ?? 0
    let timeline = json["timeline"]
    provider.pauses = (timeline?["pauses"]?.arrayValue ?? []).compactMap { pause in
      guard let from = pause["from"]?.doubleValue, let until = pause["until"]?.doubleValue
      else { return nil }
      return Pause(from: from, until: until)
    }
    provider.intervalSeconds = timeline?["interval_seconds"]?.intValue ?? 1
    provider.requestCounts = (timeline?["requests"]?.arrayValue ?? []).compactMap(\.intValue)
    return provider
  }

  private static func scan(_ json: JSONValue) -> Scan {
    let written = json["status"]?.stringValue ?? ScanStatus.running.rawValue
    // A status this version does not know (a later one's) is not taken for a good end.
    let status = ScanStatus(rawValue: written)
    var scan = Scan(
      id: json["id"]?.stringValue ?? "", provider: json["provider"]?.stringValue ?? "",
      status: status ?? .errored, location: json["location"]?.stringValue ?? "")
    scan.scanID = json["scan_id"]?.stringValue
    scan.reason =
      json["reason"]?.stringValue
      ?? (status == nil ? "the report's status `\(written)` is unknown to this scanplan" : nil)
    scan.adopted = json["adopted"]?.boolValue ?? false
    scan.recovered = json["recovered"]?.boolValue ?? false
    scan.resumed = json["resumed"]?.boolValue ?? false
    scan.triggeredAt = json["triggered_at"]?.stringValue
    scan.endedAt = json["ended_at"]?.stringValue
    scan.duration = json["duration_seconds"]?.doubleValue
    scan.polls = json["polls"]?.intValue ?? 0
    scan.lastStatus = json["last_status"]?.stringValue
    scan.vendorStatus = json["vendor_status"]?.stringValue
    scan.progress = json["progress"]?.intValue
    scan.severityCounts = json["severity_counts"].map { counts($0) }
    scan.severityCountsByScanplan = json["severity_counts_by"]?.stringValue == "scanplan"
    scan.sessionID = json["scan_session_id"]?.stringValue
    if let gate = json["gate"] {
      // A verdict that cannot be read is a failed gate: it must not pass.
      let reasons = (gate["reasons"]?.arrayValue ?? []).compactMap(\.stringValue)
      let verdict: GateVerdict =
        gate["verdict"]?.stringValue == "passed"
        ? .passed : .failed(reasons.isEmpty ? ["the report's verdict is not `passed`"] : reasons)
      scan.gate = Gate(failOn: counts(gate["fail_on"]), verdict: verdict)
    }
    scan.findings = json["findings"]?.arrayValue.map { $0.compactMap(Finding.init(json:)) }
    scan.findingsError = json["findings_error"]?.stringValue
    scan.notes = (json["notes"]?.arrayValue ?? []).compactMap(\.stringValue)
    let timeline = json["timeline"]
    scan.triggered = timeline?["triggered"]?.doubleValue
    scan.running = timeline?["running"]?.doubleValue
    scan.ended = timeline?["ended"]?.doubleValue
    scan.pollTimes = (timeline?["polls"]?.arrayValue ?? []).compactMap(\.doubleValue)
    return scan
  }
}
