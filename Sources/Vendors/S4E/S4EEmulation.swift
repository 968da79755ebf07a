import ScanplanJSON
import ScanplanSupport
import ScanplanVendorKit

/// S4E in the built-in emulator: `POST /api/scan/create`, `GET /api/scan/{id}/status`,
/// `GET /api/scans?asset_id=ID&page=N&per_page=M`, `GET /api/findings?scan_id=ID&page=N&
/// per_page=M`, 409 while a scan of the asset runs,
/// and its published limit of 10 triggers a minute.
struct S4EEmulation: VendorEmulation {
  let sandboxToken = "sandbox-s4e-token"
  let pathPrefix = "/api/"
  let refusesConcurrentScans = true
  let publishedTriggerLimit: (count: Int, per: Double)? = (10, 60)

  private static let scanTypes = ["full", "quick", "web_app", "network", "api", "ssl"]

  func route(method: String, segments: [Substring], query: [String: String], body: [UInt8])
    -> EmulatedRoute?
  {
    switch (method, segments.count) {
    case ("POST", 3) where segments[1] == "scan" && segments[2] == "create": return .trigger
    case ("GET", 4) where segments[1] == "scan" && segments[3] == "status":
      return .status(scanID: String(segments[2]))
    case ("GET", 2) where segments[1] == "scans":
      let size = min(max(Int(query["per_page"] ?? "") ?? 20, 1), 100)
      let page = max(Int(query["page"] ?? "") ?? 1, 1)
      return .list(asset: query["asset_id"], offset: (page - 1) * size, limit: size)
    case ("GET", 2) where segments[1] == "findings":
      guard let scan = query["scan_id"] else { return nil }
      let size = min(max(Int(query["per_page"] ?? "") ?? 20, 1), 100)
      let page = max(Int(query["page"] ?? "") ?? 1, 1)
      return .findings(scanID: scan, result: nil, offset: (page - 1) * size, limit: size)
    default: return nil
    }
  }

  func isAuthorized(_ headers: [HTTPHeader], token: String) -> Bool {
    headers.first(named: "authorization") == "Bearer " + token
  }

  func trigger(segments: [Substring], body: [UInt8], query: [String: String]) -> Result<
    EmulatedTrigger, EmulatedError
  > {
    guard let request = try? JSONParser().parse(body), let asset = request["asset_id"]?.stringValue,
      let type = request["scan_type"]?.stringValue
    else {
      return .failure(
        EmulatedError(400, code: "invalid_request", "missing or invalid field in the payload"))
    }
    guard Self.scanTypes.contains(type) else {
      return .failure(
        EmulatedError(
          400, code: "invalid_scan_type",
          "scan_type must be one of " + Self.scanTypes.joined(separator: ", ")))
    }
    return .success(EmulatedTrigger(asset: asset, echoed: ["scan_type": type]))
  }

  func created(_ scan: EmulatedScan, origin: String, dialect: EmulatorDialect) -> EmulatedAnswer {
    .json(
      201,
      Self.enveloped(
        [
          "scan_id": .string(scan.id), "status": "queued",
          "created_at": .string(UTCDate.iso8601(UTCDate.now(), milliseconds: false)),
          "estimated_duration": .null,
        ], dialect))
  }

  func conflict(running: String, dialect: EmulatorDialect) -> EmulatedAnswer {
    let message = "a scan is already running for this asset"
    switch dialect {
    case .seed:
      return .json(409, .object(["message": .string(message), "scan_id": .string(running)]))
    case .reference:
      return .json(
        409,
        .object([
          "status": "error",
          "error": .object([
            "code": "scan_in_progress", "message": .string(message), "scan_id": .string(running),
          ]),
        ]))
    }
  }

  func status(_ scan: EmulatedScan, dialect: EmulatorDialect) -> EmulatedAnswer {
    var payload: JSONObject = [
      "scan_id": .string(scan.id), "status": .string(S4EStatus.word(scan.phase)),
    ]
    if dialect == .reference {
      payload["progress"] = .int(scan.progress)
      payload["current_phase"] = .string(scan.phase.isTerminal ? "done" : "scanning")
    }
    return .json(200, Self.enveloped(payload, dialect))
  }

  /// The reference's `{"data": [scan...], "meta": {"total", "page", "per_page",
  /// "total_pages"}}`, newest first.
  func list(
    _ scans: [EmulatedScan], next: Int?, offset: Int, limit: Int, total: Int,
    dialect: EmulatorDialect
  ) -> EmulatedAnswer {
    .json(
      200,
      .object([
        "data": .array(
          scans.map { scan in
            .object([
              "scan_id": .string(scan.id), "asset_id": .string(scan.asset),
              "scan_type": .string(scan.echoed["scan_type"] ?? ""),
              "status": .string(S4EStatus.word(scan.phase)),
              "created_at": .string(scan.startDate),
            ])
          }),
        "meta": .object([
          "total": .int(total), "page": .int(offset / limit + 1), "per_page": .int(limit),
          "total_pages": .int(max(1, (total + limit - 1) / limit)),
        ]),
      ]))
  }

  func error(_ error: EmulatedError, dialect: EmulatorDialect) -> EmulatedAnswer {
    switch dialect {
    case .seed:
      return .json(error.status, .object(["message": .string(error.message)]))
    case .reference:
      var inner: JSONObject = ["code": .string(error.code), "message": .string(error.message)]
      if let wait = error.retryAfter { inner["retry_after"] = .int(wait) }
      return .json(error.status, .object(["status": "error", "error": .object(inner)]))
    }
  }

  /// The guide's `{"findings": [...]}`, or the reference's `{"data": [...], "meta": {...}}`.
  func findings(
    _ page: [EmulatedFinding], of scan: EmulatedScan, offset: Int, limit: Int, total: Int,
    dialect: EmulatorDialect
  ) -> EmulatedAnswer {
    let items: [JSONValue] = page.map { finding in
      let status =
        finding.suppressed
        ? ["resolved", "accepted_risk", "false_positive"][finding.variant % 3]
        : finding.variant % 3 == 0 ? "confirmed" : "open"
      return .object([
        "id": .string(finding.id), "title": .string(finding.name),
        "severity": .string(finding.severity.rawValue),
        "cvss": .double(Self.cvss(finding.severity)),
        "status": .string(status), "description": .string("\(finding.name) on \(finding.input)"),
        "remediation": "see the references", "references": [],
        "asset": .object(["id": .string(scan.asset), "name": .string(scan.asset), "type": "web"]),
        "scan_id": .string(scan.id), "url": .string(finding.url),
        "parameter": .string(finding.input), "created_at": .string(scan.startDate),
      ])
    }
    switch dialect {
    case .seed:
      return .json(200, .object(["findings": .array(items)]))
    case .reference:
      let pages = max(1, (total + limit - 1) / limit)
      return .json(
        200,
        .object([
          "data": .array(items),
          "meta": .object([
            "total": .int(total), "page": .int(offset / limit + 1), "per_page": .int(limit),
            "total_pages": .int(pages),
          ]),
        ]))
    }
  }

  private static func cvss(_ severity: Severity) -> Double {
    switch severity {
    case .critical: 9.8
    case .high: 8.1
    case .medium: 5.4
    case .low: 3.1
    case .info: 0
    }
  }

  /// The API reference wraps answers in `data`; the seed shows them bare.
  private static func enveloped(_ payload: JSONObject, _ dialect: EmulatorDialect) -> JSONValue {
    dialect == .reference ? .object(["data": .object(payload)]) : .object(payload)
  }
}
