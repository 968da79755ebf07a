import ScanplanJSON

extension ReportDocument {
  /// Reads a report's bytes.
  public static func read(_ bytes: [UInt8]) -> Result<ReportDocument, ReadError> {
    let json: JSONValue
    do { json = try JSONParser().parse(bytes) } catch {
      return .failure(ReadError(message: "not a scanplan run report: it is not JSON"))
    }
    guard json.objectValue != nil, json["version"]?.intValue == 1,
      let scans = json["scans"]?.arrayValue, let providers = json["providers"]?.arrayValue
    else {
      return .failure(
        ReadError(
          message: "not a scanplan run report of version 1 (`scanplan run --report FILE.json`)"))
    }
    return .success(
      ReportDocument(
        startedAt: json["started_at"]?.stringValue ?? "",
        endedAt: json["ended_at"]?.stringValue ?? "",
        duration: json["duration_seconds"]?.doubleValue,
        exitCode: json["exit_code"]?.intValue ?? 0,
        interrupted: json["interrupted"]?.boolValue ?? false,
        summary: counts(json["summary"]),
        providers: providers.map(provider),
        scans: scans.map(scan)))
  }

  private static func counts(_ value: JSONValue?) -> [Count] {
    (value?.objectValue?.members ?? []).compactMap { member in
      member.value.intValue.map { Count(name: member.key, count: $0) }
    }
  }

  private static func provider(_ json: JSONValue) -> Provider {
    let timeline = json["timeline"]
    return Provider(
      name: json["name"]?.stringValue ?? "",
      rate: json["requests_per_second"]?.doubleValue ?? 0,
      requests: json["requests"]?.intValue ?? 0,
      throttled: json["throttled"]?.intValue ?? 0,
      pauses: (timeline?["pauses"]?.arrayValue ?? []).compactMap { pause in
        guard let from = pause["from"]?.doubleValue, let until = pause["until"]?.doubleValue
        else { return nil }
        return Pause(from: from, until: until)
      },
      intervalSeconds: timeline?["interval_seconds"]?.intValue ?? 1,
      requestCounts: (timeline?["requests"]?.arrayValue ?? []).compactMap(\.intValue))
  }

  private static func scan(_ json: JSONValue) -> Scan {
    let timeline = json["timeline"]
    let gate = json["gate"]
    return Scan(
      id: json["id"]?.stringValue ?? "",
      provider: json["provider"]?.stringValue ?? "",
      status: json["status"]?.stringValue ?? "running",
      reason: json["reason"]?.stringValue,
      duration: json["duration_seconds"]?.doubleValue,
      severityCounts: json["severity_counts"].map { counts($0) },
      gate: gate?["verdict"]?.stringValue,
      gateReasons: (gate?["reasons"]?.arrayValue ?? []).compactMap(\.stringValue),
      location: json["location"]?.stringValue ?? "",
      triggered: timeline?["triggered"]?.doubleValue,
      running: timeline?["running"]?.doubleValue,
      ended: timeline?["ended"]?.doubleValue,
      polls: (timeline?["polls"]?.arrayValue ?? []).compactMap(\.doubleValue),
      resumed: json["resumed"]?.boolValue ?? false,
      notes: (json["notes"]?.arrayValue ?? []).compactMap(\.stringValue))
  }
}
