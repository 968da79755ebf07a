import ScanplanJSON
import ScanplanVendorKit

/// Invicti's findings, its "Review and report" step: the scan's result (the session id a
/// poll reported, or else the first of `GET /scans/{id}/results`), then that result's
/// vulnerabilities, `GET /scans/{id}/results/{result}/vulnerabilities?l=100`, paged with
/// the cursor each answer gives.
extension InvictiAPI: ListsFindings {
  /// The result whose vulnerabilities are read: the cursor's, or the session's; nil
  /// while it is still to be found in the scan's results.
  private static func result(_ scan: FindingsScan, _ cursor: FindingsCursor?) -> String? {
    cursor?.result ?? scan.sessionID
  }

  /// The scan's results, or a page of its result's vulnerabilities.
  func findingsRequest(
    _ scan: FindingsScan, cursor: FindingsCursor?, baseURL: String, token: String
  ) -> HTTPRequest {
    let headers = authorizationHeaders(token: token) + [HTTPHeader("accept", "application/json")]
    let base = baseURL + "/api/v1/scans/\(AnswerReading.pathSegment(scan.scanID))/results"
    guard let result = Self.result(scan, cursor) else {
      return HTTPRequest(method: "GET", url: base + "?l=\(Self.pageSize)", headers: headers)
    }
    var url =
      base + "/\(AnswerReading.pathSegment(result))/vulnerabilities?l=\(Self.pageSize)"
    if let page = cursor?.page { url += "&c=" + AnswerReading.pathSegment(page) }
    return HTTPRequest(method: "GET", url: url, headers: headers)
  }

  func findings(in response: HTTPResponse, of scan: FindingsScan, cursor: FindingsCursor?)
    -> Result<FindingsPage, AnswerError>
  {
    guard let result = Self.result(scan, cursor) else { return Self.firstResult(response) }
    let body: JSONObject
    switch AnswerReading.object(response, what: "vulnerabilities answer") {
    case .failure(let error): return .failure(error)
    case .success(let object): body = object
    }
    guard let items = body["vulnerabilities"]?.arrayValue else {
      return .failure(AnswerError("the vulnerabilities answer has no `vulnerabilities` list"))
    }
    let target = scan.trigger.value("target_id")?.stringValue ?? ""
    let findings: [Finding]
    switch AnswerReading.findings(
      items, noun: "vulnerability", { Self.finding($0, target: target) })
    {
    case .failure(let error): return .failure(error)
    case .success(let read): findings = read
    }
    let next = Self.nextCursor(body["pagination"]?.objectValue).map {
      FindingsCursor(result: result, page: $0)
    }
    return .success(FindingsPage(findings: findings, next: next))
  }

  /// `{"results": [{"result_id", ...}]}`: the first result, whose vulnerabilities are
  /// read next.
  private static func firstResult(_ response: HTTPResponse) -> Result<FindingsPage, AnswerError> {
    let body: JSONObject
    switch AnswerReading.object(response, what: "results answer") {
    case .failure(let error): return .failure(error)
    case .success(let object): body = object
    }
    guard let results = body["results"]?.arrayValue else {
      return .failure(AnswerError("the results answer has no `results` list"))
    }
    guard let first = results.first?.objectValue,
      case .success(let id?) = AnswerReading.id(
        first["result_id"], field: "result_id", what: "results answer")
    else {
      return .failure(AnswerError("the results answer lists no result with a `result_id`"))
    }
    return .success(FindingsPage(findings: [], next: FindingsCursor(result: id)))
  }

  /// `severity` 4 to 0, as Invicti writes it.
  private static let severities: [Int: Severity] = [
    4: .critical, 3: .high, 2: .medium, 1: .low, 0: .info,
  ]

  /// One vulnerability: `vt_id` and `vt_name`, `severity`, `confidence`, `status`,
  /// `affects_url` and `affects_detail` (the input).
  static func finding(_ item: JSONValue, target: String) -> Result<Finding, AnswerError> {
    guard let object = item.objectValue else {
      return .failure(AnswerError("it is \(AnswerReading.kind(of: item)), not an object"))
    }
    guard case .success(let check?) = AnswerReading.id(object["vt_id"], field: "vt_id", what: "")
    else {
      return .failure(AnswerError("it has no usable `vt_id`"))
    }
    let level = object["severity"]?.intValue ?? object["severity"]?.stringValue.flatMap { Int($0) }
    guard let level, let severity = severities[level] else {
      return .failure(AnswerError("its `severity` is not one of 0 to 4"))
    }
    let name = object["vt_name"]?.stringValue.map { AnswerReading.printable($0) } ?? check
    let status =
      object["status"]?.stringValue.map { AnswerReading.printable($0, limit: 40) }
      ?? "open"
    let url = object["affects_url"]?.stringValue.map { AnswerReading.printable($0, limit: 2000) }
    let input = object["affects_detail"]?.stringValue.map { AnswerReading.printable($0) }
    let confidence: String? =
      switch object["confidence"] {
      case .int(let value)?: String(value)
      case .string(let text)?: AnswerReading.printable(text, limit: 40)
      default: nil
      }
    return .success(
      Finding(
        vendorID: try? AnswerReading.id(object["vuln_id"], field: "vuln_id", what: "").get(),
        check: check, name: name, severity: severity, confidence: confidence, url: url,
        input: input.flatMap { $0.isEmpty ? nil : $0 }, status: status,
        suppressed: status.lowercased() != "open",
        fingerprint: FindingFingerprint.make(
          type: Invicti.type, target: target, check: check, url: url,
          input: input.flatMap { $0.isEmpty ? nil : $0 })))
  }
}
