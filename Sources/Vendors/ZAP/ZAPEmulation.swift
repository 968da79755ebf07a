import ScanplanJSON
import ScanplanVendorKit

/// ZAP in the built-in emulator: the `GET /JSON/...` operations scanplan sends, with
/// their query parameters, `X-ZAP-API-Key`, numbered scans, `{"scan": "N"}`,
/// `{"status": "NN"}`, `{"alerts": [...]}`, and errors as `{"code", "message"}`. As ZAP
/// does, an attack starts only on a URL in the site tree: one a crawl or `accessUrl` put
/// there.
struct ZAPEmulation: VendorEmulation {
  let sandboxToken = "sandbox-zap-api-key"
  let pathPrefix = "/JSON/"
  let refusesConcurrentScans = false
  let publishedTriggerLimit: (count: Int, per: Double)? = nil

  func route(method: String, segments: [Substring], query: [String: String], body: [UInt8])
    -> EmulatedRoute?
  {
    // `/JSON/{component}/{view|action}/{name}/`: ZAP takes GET (and POST) for every one.
    guard method == "GET" || method == "POST", segments.count == 4 else { return nil }
    switch (segments[1], segments[2], segments[3]) {
    case ("spider", "action", "scan"), ("ascan", "action", "scan"):
      return .trigger
    case ("spider", "view", "status"), ("ascan", "view", "status"):
      return .status(scanID: query["scanId"] ?? "")
    case ("spider", "view", "scans"), ("ascan", "view", "scans"):
      // Each kind is listed apart, every page at once, as ZAP numbers and lists them.
      return .list(asset: nil, offset: 0, limit: 1 << 30, echoed: ["kind": String(segments[1])])
    case ("core", "action", "accessUrl"):
      guard let url = query["url"], !url.isEmpty else {
        return .answer(
          status: 400,
          body: .object(["code": "missing_parameter", "message": "Missing Parameter (url)"]))
      }
      // `{"accessUrl": [message]}`: the request ZAP sent and the answer it got.
      return .visit(
        url: url,
        answer: .object([
          "accessUrl": .array([
            .object([
              "id": "1", "type": "15", "requestHeader": .string("GET \(url) HTTP/1.1\r\n"),
              "responseHeader": "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n",
              "responseBody": "<html></html>", "rtt": "12",
            ])
          ])
        ]))
    case ("pscan", "view", "recordsToScan"):
      // The emulator's scans raise their alerts at once: nothing is left to read.
      return .answer(status: 200, body: .object(["recordsToScan": "0"]))
    case ("alert", "view", "alerts"):
      let start = max(Int(query["start"] ?? "") ?? 0, 0)
      // ZAP reads a count of 0, or none, as every alert.
      let count = Int(query["count"] ?? "") ?? 0
      return .assetFindings(
        asset: query["baseurl"] ?? "", offset: start, limit: count > 0 ? count : 1000)
    default:
      return nil
    }
  }

  func isAuthorized(_ headers: [HTTPHeader], token: String) -> Bool {
    headers.first(named: "x-zap-api-key") == token
  }

  func trigger(segments: [Substring], body: [UInt8], query: [String: String]) -> Result<
    EmulatedTrigger, EmulatedError
  > {
    guard let url = query["url"], !url.isEmpty else {
      return .failure(EmulatedError(400, code: "missing_parameter", "Missing Parameter (url)"))
    }
    guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
      return .failure(EmulatedError(400, code: "illegal_parameter", "Illegal Parameter (url)"))
    }
    let kind = segments.count > 1 ? String(segments[1]) : "spider"
    // `ActiveScanAPI.scanURL` looks the URL up in the session's site tree; a crawl puts
    // what it visits there.
    return .success(
      EmulatedTrigger(
        asset: url, echoed: ["kind": kind], addsToSiteTree: kind == "spider",
        missingFromSiteTree: kind == "ascan"
          ? EmulatedError(400, code: "url_not_found", "URL Not Found in the Scan Tree") : nil))
  }

  /// ZAP numbers its scans; the series keeps numbers apart across sandbox runs.
  func scanID(number: Int, series: UInt16) -> String {
    String(Int(series) * 100_000 + number)
  }

  func created(_ scan: EmulatedScan, origin: String, dialect: EmulatorDialect) -> EmulatedAnswer {
    .json(200, .object(["scan": .string(scan.id)]))
  }

  /// Never asked: ZAP starts every scan it is asked for.
  func conflict(running: String, dialect: EmulatorDialect) -> EmulatedAnswer {
    error(EmulatedError(400, code: "scan_in_progress", "Scan In Progress"), dialect: dialect)
  }

  /// The percentage; a scan that failed or was stopped is gone, as after `removeScan`.
  func status(_ scan: EmulatedScan, dialect: EmulatorDialect) -> EmulatedAnswer {
    switch scan.phase {
    case .failed, .cancelled:
      return error(EmulatedError(400, code: "does_not_exist", "Does Not Exist"), dialect: dialect)
    case .completed:
      return .json(200, .object(["status": "100"]))
    case .unknown(let word):
      return .json(200, .object(["status": .string(word)]))
    default:
      return .json(200, .object(["status": .string(String(min(scan.progress, 99)))]))
    }
  }

  /// `{"scans": [{"id", "progress", "state"}]}`: ZAP's listing names no URL, and a scan
  /// that has not ended is `RUNNING`.
  func list(
    _ scans: [EmulatedScan], next: Int?, offset: Int, limit: Int, total: Int,
    dialect: EmulatorDialect
  ) -> EmulatedAnswer {
    .json(
      200,
      .object([
        "scans": .array(
          scans.map { scan in
            .object([
              "id": .string(scan.id), "progress": .string(String(scan.progress)),
              "state": scan.phase.isTerminal ? "FINISHED" : "RUNNING",
            ])
          })
      ]))
  }

  func error(_ error: EmulatedError, dialect: EmulatorDialect) -> EmulatedAnswer {
    .json(error.status, .object(["code": .string(error.code), "message": .string(error.message)]))
  }

  /// `{"alerts": [...]}`, as `alertViewAlerts` answers: ZAP has no critical risk, so a
  /// critical finding is raised High; a suppressed one is a false positive.
  func findings(
    _ page: [EmulatedFinding], of scan: EmulatedScan, offset: Int, limit: Int, total: Int,
    dialect: EmulatorDialect
  ) -> EmulatedAnswer {
    let items: [JSONValue] = page.map { finding in
      let confidence =
        finding.suppressed
        ? "False Positive"
        : finding.confidence >= 100 ? "Confirmed" : finding.confidence >= 90 ? "High" : "Medium"
      return .object([
        "id": .string(finding.id), "pluginId": .string(Self.pluginID(finding.check)),
        "alertRef": .string(Self.pluginID(finding.check) + "-1"),
        "alert": .string(finding.name), "name": .string(finding.name),
        "risk": .string(Self.risk(finding.severity)), "confidence": .string(confidence),
        "url": .string(finding.url), "param": .string(finding.input),
        "method": finding.variant % 2 == 0 ? "GET" : "POST",
        "evidence": "", "attack": "", "other": "", "cweid": "79", "wascid": "8",
        "description": .string("\(finding.name) on \(finding.input)"),
        "solution": "see the references", "reference": "", "messageId": .string(finding.id),
        "sourceid": "1", "inputVector": "", "tags": .object([:]),
      ])
    }
    return .json(200, .object(["alerts": .array(items)]))
  }

  private static func risk(_ severity: Severity) -> String {
    switch severity {
    case .critical, .high: "High"
    case .medium: "Medium"
    case .low: "Low"
    case .info: "Informational"
    }
  }

  /// A plugin id, a number as ZAP's are, the same for the same check.
  private static func pluginID(_ check: String) -> String {
    var hash: UInt32 = 2_166_136_261
    for byte in check.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
    return String(10_000 + hash % 90_000)
  }
}
