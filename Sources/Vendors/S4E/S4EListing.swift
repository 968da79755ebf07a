import ScanplanJSON
import ScanplanVendorKit

/// S4E's scan list, from its API reference: `GET /api/scans?asset_id=ID&scan_type=T&
/// page=N&per_page=100`, answered `{"data": [scan...], "meta": {"page", "total_pages"}}`.
/// It finds the scan a lost create answer made even when that scan has already ended, when
/// no 409 names it any more.
extension S4EAPI: ListsScans {
  /// Scans a listing asks for at once: the most the API allows.
  static let listPageSize = 100

  /// `GET {base}/api/scans?asset_id=ID&scan_type=T&page=N&per_page=100`.
  func lookupRequest(_ trigger: TriggerInput, cursor: String?, baseURL: String, token: String)
    -> HTTPRequest?
  {
    guard let asset = trigger.value("asset_id")?.stringValue else { return nil }
    var url = baseURL + "/api/scans?asset_id=" + AnswerReading.pathSegment(asset)
    if let type = trigger.value("scan_type")?.stringValue {
      url += "&scan_type=" + AnswerReading.pathSegment(type)
    }
    url += "&page=" + AnswerReading.pathSegment(cursor ?? "1") + "&per_page=\(Self.listPageSize)"
    return HTTPRequest(
      method: "GET", url: url,
      headers: authorizationHeaders(token: token) + [HTTPHeader("Accept", "application/json")])
  }

  /// The page's scans (the reference's `data`, or a bare `scans`), whether each is of the
  /// trigger's asset and scan type, and the next page, as `meta` says.
  func listing(_ response: HTTPResponse, trigger: TriggerInput) -> Result<
    ScanListing, AnswerError
  > {
    let body: JSONObject
    switch AnswerReading.object(response, what: "scan list") {
    case .failure(let error): return .failure(error)
    case .success(let object): body = object
    }
    guard let items = (body["data"] ?? body["scans"])?.arrayValue else {
      return .failure(AnswerError("the scan list has no `data` or `scans` list"))
    }
    let asset = trigger.value("asset_id")?.stringValue
    let type = trigger.value("scan_type")?.stringValue
    var scans: [ScanListing.Scan] = []
    for item in items {
      guard let scan = item.objectValue,
        case .success(let id?) = AnswerReading.id(
          scan["scan_id"] ?? scan["id"], field: "scan_id", what: "scan list")
      else { continue }
      let listedAsset = scan["asset_id"]?.stringValue ?? scan["asset"]?["id"]?.stringValue
      let matches =
        (listedAsset == nil || listedAsset == asset)
        && (scan["scan_type"]?.stringValue == nil || scan["scan_type"]?.stringValue == type)
      scans.append(
        ScanListing.Scan(
          id: id, matches: matches,
          state: scan["status"]?.stringValue.map(S4EStatus.state),
          started: (scan["created_at"] ?? scan["started_at"])?.stringValue.map {
            AnswerReading.printable($0, limit: 40)
          }))
    }
    // A bare list has no page to go on from: it is taken as the whole list.
    var next: String?
    if let meta = body["meta"]?.objectValue, let total = meta["total_pages"]?.intValue {
      let page = meta["page"]?.intValue ?? 1
      if page < total { next = String(page + 1) }
    }
    return .success(ScanListing(scans: scans, next: next))
  }
}
