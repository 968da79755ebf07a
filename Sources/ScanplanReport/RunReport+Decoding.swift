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
    report.scans = scans.map { scan($0, epoch: report.epoch) }
    return .success(report)
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

  private static func scan(_ json: JSONValue, epoch: Double) -> Scan {
    var scan = Scan(
      id: json["id"]?.stringValue ?? "", provider: json["provider"]?.stringValue ?? "",
      location: json["location"]?.stringValue ?? "",
      result: ScanResult(json: json.objectValue ?? [:], file: .report(startedAt: epoch)))
    // The timeline's moments are the ones the run drew its page from; a report without
    // one has only the ISO 8601 moments, read above.
    let timeline = json["timeline"]
    if let triggered = timeline?["triggered"]?.doubleValue { scan.triggeredAt = triggered }
    if let ended = timeline?["ended"]?.doubleValue { scan.endedAt = ended }
    scan.running = timeline?["running"]?.doubleValue
    scan.duration = json["duration_seconds"]?.doubleValue ?? scan.duration
    scan.pollTimes = (timeline?["polls"]?.arrayValue ?? []).compactMap(\.doubleValue)
    return scan
  }
}
