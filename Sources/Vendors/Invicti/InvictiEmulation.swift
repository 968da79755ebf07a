import ScanplanJSON
import ScanplanVendorKit

/// Invicti in the built-in emulator: `POST /api/v1/scans`, `GET /api/v1/scans/{id}`,
/// `GET /api/v1/scans?q=target_id:ID`, the whole status vocabulary, and no 409: a second
/// trigger for a target makes a second scan, as the real service does.
struct InvictiEmulation: VendorEmulation {
  let sandboxToken = "sandbox-invicti-token"
  let pathPrefix = "/api/v1/"
  let refusesConcurrentScans = false
  let publishedTriggerLimit: (count: Int, per: Double)? = nil

  func route(method: String, segments: [Substring], query: [String: String], body: [UInt8])
    -> EmulatedRoute?
  {
    guard segments.count >= 3, segments[2] == "scans" else { return nil }
    switch (method, segments.count) {
    case ("POST", 3):
      return .trigger
    case ("GET", 3):
      // `q=target_id:ID`; other filters are not emulated.
      let filter = query["q"].flatMap {
        $0.hasPrefix("target_id:") ? String($0.dropFirst(10)) : nil
      }
      return .list(asset: filter, offset: query["c"].flatMap { Int($0) } ?? 0, limit: nil)
    case ("GET", 4):
      return .status(scanID: String(segments[3]))
    case ("GET", 5) where segments[4] == "results":
      return .results(scanID: String(segments[3]))
    case ("GET", 7) where segments[4] == "results" && segments[6] == "vulnerabilities":
      return .findings(
        scanID: String(segments[3]), result: String(segments[5]),
        offset: query["c"].flatMap { Int($0) } ?? 0,
        limit: min(max(query["l"].flatMap { Int($0) } ?? 100, 1), 100))
    default:
      return nil
    }
  }

  func isAuthorized(_ headers: [HTTPHeader], token: String) -> Bool {
    headers.first(named: "x-auth") == token
  }

  func trigger(segments: [Substring], body: [UInt8], query: [String: String]) -> Result<
    EmulatedTrigger, EmulatedError
  > {
    guard let request = try? JSONParser().parse(body),
      let target = request["target_id"]?.stringValue,
      let profile = request["profile_id"]?.stringValue
    else {
      return .failure(
        EmulatedError(400, code: "invalid_request", "missing or invalid field in the payload"))
    }
    guard request["user_authorized_to_scan"]?.stringValue == "yes" else {
      return .failure(
        EmulatedError(400, code: "not_authorized", "user_authorized_to_scan must be \"yes\""))
    }
    return .success(EmulatedTrigger(asset: target, echoed: ["profile_id": profile]))
  }

  func created(_ scan: EmulatedScan, origin: String, dialect: EmulatorDialect) -> EmulatedAnswer {
    var body: JSONObject = [
      "profile_id": .string(scan.echoed["profile_id"] ?? ""),
      "schedule": .object(["disable": false, "time_sensitive": false, "triggerable": false]),
      "target_id": .string(scan.asset), "continuous": false, "incremental": false,
      "max_scan_time": 0, "user_authorized_to_scan": "yes",
    ]
    let path = "/api/v1/scans/" + scan.id
    switch dialect {
    case .seed:
      // "The scan ID is included in both the response body and the Location header."
      body["scan_id"] = .string(scan.id)
      return .json(201, .object(body), headers: [HTTPHeader("Location", path)])
    case .reference:
      // "Scan URI containing the base API URL along with the new Scan ID"; not in the body.
      return .json(201, .object(body), headers: [HTTPHeader("Location", origin + path)])
    }
  }

  func conflict(running: String, dialect: EmulatorDialect) -> EmulatedAnswer {
    error(EmulatedError(409, code: "conflict", "a scan is already running"), dialect: dialect)
  }

  func status(_ scan: EmulatedScan, dialect: EmulatorDialect) -> EmulatedAnswer {
    let object = Self.object(scan, dialect)
    return .json(200, dialect == .seed ? .object(["scans": [object]]) : object)
  }

  func list(
    _ scans: [EmulatedScan], next: Int?, offset: Int, limit: Int, total: Int,
    dialect: EmulatorDialect
  ) -> EmulatedAnswer {
    .json(
      200,
      .object([
        "scans": .array(scans.map { Self.object($0, dialect) }),
        "pagination": .object([
          "count": .int(scans.count), "next_cursor": next.map { .string(String($0)) } ?? .null,
        ]),
      ]))
  }

  func error(_ error: EmulatedError, dialect: EmulatorDialect) -> EmulatedAnswer {
    switch dialect {
    case .seed:
      return .json(error.status, .object(["message": .string(error.message)]))
    case .reference:
      return .json(
        error.status,
        .object(["code": .int(error.status), "reason": .string(error.message), "details": []]))
    }
  }

  /// `{"results": [...]}`: the one result of a completed scan.
  func results(_ scan: EmulatedScan, dialect: EmulatorDialect) -> EmulatedAnswer {
    .json(
      200,
      .object([
        "results": [
          .object([
            "scan_id": .string(scan.id), "result_id": .string(Self.session(scan)),
            "start_date": .string(scan.startDate), "end_date": .string(scan.startDate),
            "status": "completed",
          ])
        ],
        "pagination": .object(["count": 1, "cursors": []]),
      ]))
  }

  /// `{"vulnerabilities": [...], "pagination": {...}}`, `next_cursor` the next offset.
  func findings(
    _ page: [EmulatedFinding], of scan: EmulatedScan, offset: Int, limit: Int, total: Int,
    dialect: EmulatorDialect
  ) -> EmulatedAnswer {
    let severities: [Severity: Int] = [.critical: 4, .high: 3, .medium: 2, .low: 1, .info: 0]
    let items: [JSONValue] = page.map { finding in
      .object([
        "vuln_id": .string(finding.id), "vt_id": .string(finding.check),
        "vt_name": .string(finding.name), "severity": .int(severities[finding.severity]!),
        "confidence": .int(finding.confidence),
        "status": .string(
          finding.suppressed ? ["fixed", "ignored", "false_positive"][finding.variant % 3] : "open"),
        "affects_url": .string(finding.url), "affects_detail": .string(finding.input),
        "target_id": .string(scan.asset), "first_seen": .string(scan.startDate),
        "last_seen": .string(scan.startDate), "tags": [], "criticality": 10, "loc_id": .int(offset),
      ])
    }
    let next = offset + page.count < total ? String(offset + page.count) : nil
    var pagination: JSONObject = [
      "count": .int(total),
      "cursors": .array([.string(String(offset))] + (next.map { [.string($0)] } ?? [])),
    ]
    if dialect == .reference { pagination["next_cursor"] = next.map(JSONValue.string) ?? .null }
    return .json(
      200, .object(["vulnerabilities": .array(items), "pagination": .object(pagination)]))
  }

  /// The session id of a completed scan, which is its result's id.
  private static func session(_ scan: EmulatedScan) -> String {
    "5e550000" + scan.id.dropFirst(8)
  }

  /// A `ScanItemResponse`: the scan and its `current_session`.
  private static func object(_ scan: EmulatedScan, _ dialect: EmulatorDialect) -> JSONValue {
    var session: JSONObject = [
      "progress": .int(scan.progress), "status": .string(InvictiStatus.word(scan.phase)),
      "start_date": .string(scan.startDate),
    ]
    if scan.phase == .completed {
      session["scan_session_id"] = .string(Self.session(scan))
      // The seed's counts; the reference adds `info`.
      let keys = ["critical", "high", "medium", "low"] + (dialect == .reference ? ["info"] : [])
      var counts = JSONObject()
      for key in keys { if let count = scan.severities[key] { counts[key] = .int(count) } }
      session["severity_counts"] = .object(counts)
    }
    return .object([
      "current_session": .object(session), "profile_id": .string(scan.echoed["profile_id"] ?? ""),
      "scan_id": .string(scan.id), "target_id": .string(scan.asset),
    ])
  }
}
