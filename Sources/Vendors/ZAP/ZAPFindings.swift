import ScanplanJSON
import ScanplanVendorKit

/// ZAP's alerts as findings, as `results.md` reads them: `GET /JSON/alert/view/alerts/
/// ?baseurl=URL&start=N&count=100`, answered `{"alerts": [...]}`, page after page until
/// one comes back short. The check is `pluginId`, the name the alert; `risk` gives the
/// severity, and a `False Positive` confidence takes the alert out of the count.
extension ZAPAPI: ListsFindings {
  /// Alerts a page asks for.
  static let alertsPageSize = 100

  /// `GET {base}/JSON/alert/view/alerts/?baseurl=URL&start=N&count=100`.
  func findingsRequest(
    _ scan: FindingsScan, cursor: FindingsCursor?, baseURL: String, token: String
  ) -> HTTPRequest {
    let url = scan.trigger.value("url")?.stringValue ?? ""
    return HTTPRequest(
      method: "GET",
      url: baseURL + "/JSON/alert/view/alerts/?baseurl=" + AnswerReading.pathSegment(url)
        + "&start=" + AnswerReading.pathSegment(cursor?.page ?? "0")
        + "&count=\(Self.alertsPageSize)",
      headers: authorizationHeaders(token: token))
  }

  /// The page's alerts, and the next page while a page comes back full.
  func findings(in response: HTTPResponse, of scan: FindingsScan, cursor: FindingsCursor?)
    -> Result<FindingsPage, AnswerError>
  {
    let body: JSONObject
    switch AnswerReading.object(response, what: "alerts answer") {
    case .failure(let error): return .failure(error)
    case .success(let object): body = object
    }
    guard let items = body["alerts"]?.arrayValue else {
      return .failure(AnswerError("the alerts answer has no `alerts` list"))
    }
    let target = scan.trigger.value("url")?.stringValue ?? ""
    let findings: [Finding]
    switch AnswerReading.findings(items, noun: "alert", { Self.finding($0, target: target) }) {
    case .failure(let error): return .failure(error)
    case .success(let read): findings = read
    }
    let start = Int(cursor?.page ?? "0") ?? 0
    let next =
      items.count >= Self.alertsPageSize
      ? FindingsCursor(page: String(start + items.count)) : nil
    return .success(FindingsPage(findings: findings, next: next))
  }

  /// ZAP's risks, as the shared severities.
  static let severities: [String: Severity] = [
    "high": .high, "medium": .medium, "low": .low, "informational": .info, "info": .info,
  ]

  /// One alert.
  static func finding(_ item: JSONValue, target: String) -> Result<Finding, AnswerError> {
    guard let object = item.objectValue else {
      return .failure(AnswerError("it is \(AnswerReading.kind(of: item)), not an object"))
    }
    let plugin: String
    switch AnswerReading.id(object["pluginId"], field: "pluginId", what: "alert") {
    case .failure(let error): return .failure(error)
    case .success(nil): return .failure(AnswerError("it has no `pluginId`"))
    case .success(let id?): plugin = id
    }
    guard let risk = object["risk"]?.stringValue else {
      return .failure(AnswerError("it has no `risk`"))
    }
    guard let severity = severities[risk.lowercased()] else {
      return .failure(AnswerError("its `risk` is `\(AnswerReading.printable(risk, limit: 40))`"))
    }
    let name =
      (object["alert"] ?? object["name"])?.stringValue.map { AnswerReading.printable($0) }
      ?? plugin
    let confidence = object["confidence"]?.stringValue.map {
      AnswerReading.printable($0, limit: 40)
    }
    let falsePositive = confidence?.lowercased() == "false positive"
    let url = object["url"]?.stringValue.map { AnswerReading.printable($0, limit: 2000) }
    let parameter = object["param"]?.stringValue.flatMap {
      $0.isEmpty ? nil : AnswerReading.printable($0)
    }
    let method = object["method"]?.stringValue.map { AnswerReading.printable($0, limit: 20) }
    return .success(
      Finding(
        vendorID: try? AnswerReading.id(object["id"], field: "id", what: "alert").get(),
        check: plugin, name: name, severity: severity, confidence: confidence, url: url,
        input: parameter, status: falsePositive ? "false_positive" : "open",
        suppressed: falsePositive,
        fingerprint: FindingFingerprint.make(
          type: ZAP.type, target: target, check: plugin, url: url, input: parameter,
          extra: [method?.uppercased() ?? ""])))
  }
}
