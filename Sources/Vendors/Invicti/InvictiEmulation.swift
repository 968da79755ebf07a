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

  func route(method: String, segments: [Substring], query: [String: String]) -> EmulatedRoute? {
    guard segments.count >= 3, segments[2] == "scans" else { return nil }
    switch (method, segments.count) {
    case ("POST", 3):
      return .trigger
    case ("GET", 3):
      // `q=target_id:ID`; other filters are not emulated.
      let filter = query["q"].flatMap {
        $0.hasPrefix("target_id:") ? String($0.dropFirst(10)) : nil
      }
      return .list(asset: filter, cursor: query["c"].flatMap { Int($0) } ?? 0)
    case ("GET", 4):
      return .status(scanID: String(segments[3]))
    default:
      return nil
    }
  }

  func isAuthorized(_ headers: [HTTPHeader], token: String) -> Bool {
    headers.first(named: "x-auth") == token
  }

  func trigger(_ body: [UInt8]) -> Result<EmulatedTrigger, EmulatedError> {
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

  func list(_ scans: [EmulatedScan], next: Int?, dialect: EmulatorDialect) -> EmulatedAnswer {
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

  /// A `ScanItemResponse`: the scan and its `current_session`.
  private static func object(_ scan: EmulatedScan, _ dialect: EmulatorDialect) -> JSONValue {
    var session: JSONObject = [
      "progress": .int(scan.progress), "status": .string(InvictiStatus.word(scan.phase)),
      "start_date": .string(scan.startDate),
    ]
    if scan.phase == .completed {
      session["scan_session_id"] = .string("5e550000" + scan.id.dropFirst(8))
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
