import ScanplanJSON
import ScanplanVendorKit

/// S4E's findings, as its "Retrieve findings" guide and API reference show them:
/// `GET /api/findings?scan_id=ID&page=N&per_page=100`, answered `{"findings": [...]}`
/// (the guide) or `{"data": [...], "meta": {"page", "total_pages", ...}}` (the reference).
extension S4EAPI: ListsFindings {
  /// Findings a page asks for: the most the API allows.
  static let findingsPageSize = 100

  /// `GET {base}/api/findings?scan_id=ID&page=N&per_page=100`.
  func findingsRequest(
    _ scan: FindingsScan, cursor: FindingsCursor?, baseURL: String, token: String
  ) -> HTTPRequest {
    let page = cursor?.page ?? "1"
    return HTTPRequest(
      method: "GET",
      url: baseURL + "/api/findings?scan_id=\(AnswerReading.pathSegment(scan.scanID))"
        + "&page=\(AnswerReading.pathSegment(page))&per_page=\(Self.findingsPageSize)",
      headers: authorizationHeaders(token: token) + [HTTPHeader("Accept", "application/json")])
  }

  /// The page's findings in either shape, and the next page: the reference's
  /// `meta.total_pages` says whether there is one; the guide's bare list has one while a
  /// page comes back full.
  func findings(in response: HTTPResponse, of scan: FindingsScan, cursor: FindingsCursor?)
    -> Result<FindingsPage, AnswerError>
  {
    let body: JSONObject
    switch AnswerReading.object(response, what: "findings answer") {
    case .failure(let error): return .failure(error)
    case .success(let object): body = object
    }
    guard let items = (body["findings"] ?? body["data"])?.arrayValue else {
      return .failure(AnswerError("the findings answer has no `findings` or `data` list"))
    }
    let asset = scan.trigger.value("asset_id")?.stringValue ?? ""
    let findings: [Finding]
    switch AnswerReading.findings(items, noun: "finding", { Self.finding($0, asset: asset) }) {
    case .failure(let error): return .failure(error)
    case .success(let read): findings = read
    }
    let page = Int(cursor?.page ?? "1") ?? 1
    let more: Bool
    if let meta = body["meta"]?.objectValue, let total = meta["total_pages"]?.intValue {
      more = (meta["page"]?.intValue ?? page) < total
    } else {
      more = items.count >= Self.findingsPageSize
    }
    return .success(
      FindingsPage(findings: findings, next: more ? FindingsCursor(page: String(page + 1)) : nil))
  }

  /// Statuses that keep a finding counted; every other one takes it out of the count.
  static let countedStatuses: Set<String> = ["open", "confirmed"]

  /// One finding. S4E names no check: the title is the check and its name. The location
  /// is read where a finding names one (`url`, `location` or `affected_url`), with the
  /// input (`parameter` or `input`).
  static func finding(_ item: JSONValue, asset: String) -> Result<Finding, AnswerError> {
    guard let object = item.objectValue else {
      return .failure(AnswerError("it is \(AnswerReading.kind(of: item)), not an object"))
    }
    guard let title = object["title"]?.stringValue, !title.isEmpty else {
      return .failure(AnswerError("it has no `title`"))
    }
    guard let word = object["severity"]?.stringValue else {
      return .failure(AnswerError("it has no `severity`"))
    }
    guard let severity = Severity(rawValue: word.lowercased()) else {
      return .failure(
        AnswerError("its `severity` is `\(AnswerReading.printable(word, limit: 40))`"))
    }
    let status =
      object["status"]?.stringValue.map { AnswerReading.printable($0, limit: 40) }
      ?? "open"
    let url = ["url", "location", "affected_url"].lazy.compactMap { object[$0]?.stringValue }
      .first.map { AnswerReading.printable($0, limit: 2000) }
    let input = ["parameter", "input"].lazy.compactMap { object[$0]?.stringValue }.first
      .map { AnswerReading.printable($0) }
    let check = AnswerReading.printable(title)
    return .success(
      Finding(
        vendorID: try? AnswerReading.id(object["id"], field: "id", what: "finding").get(),
        check: check, name: check, severity: severity, confidence: nil, url: url, input: input,
        status: status, suppressed: !countedStatuses.contains(status.lowercased()),
        fingerprint: FindingFingerprint.make(
          type: S4E.type, target: asset, check: check, url: url, input: input)))
  }
}
