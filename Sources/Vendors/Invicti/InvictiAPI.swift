import ScanplanJSON
import ScanplanVendorKit

/// Invicti's requests: `POST {base}/api/v1/scans`, `GET {base}/api/v1/scans/{id}`, and
/// `GET {base}/api/v1/scans?q=target_id:ID` to find the scan a lost trigger created,
/// since Invicti answers no 409 naming it. Answers are read in `InvictiAnswers.swift`.
struct InvictiAPI: ProviderAPI, ListsScans {
  var type: ProviderType { Invicti.type }

  /// Scans a listing asks for at once.
  static let pageSize = 100

  /// `POST {base}/api/v1/scans` with `{"user_authorized_to_scan": "yes", "target_id",
  /// "profile_id", "schedule": {...}}`.
  func triggerRequest(_ trigger: TriggerInput, baseURL: String, token: String) -> HTTPRequest {
    var body = JSONObject()
    // The vendor's own order: the statement first.
    if let statement = trigger.assetKeys.first(where: { $0.key == "user_authorized_to_scan" }) {
      body[statement.key] = statement.value
    }
    for assetKey in trigger.assetKeys where assetKey.key != "user_authorized_to_scan" {
      body[assetKey.key] = assetKey.value
    }
    for member in trigger.settings.members { body[member.key] = member.value }
    return HTTPRequest(
      method: "POST", url: baseURL + "/api/v1/scans",
      headers: authorizationHeaders(token: token) + [
        HTTPHeader("accept", "application/json"), HTTPHeader("content-type", "application/json"),
      ],
      body: Array(JSONWriter.compact(.object(body)).utf8))
  }

  /// `GET {base}/api/v1/scans/{scan_id}`.
  func pollRequest(scanID: String, baseURL: String, token: String) -> HTTPRequest {
    HTTPRequest(
      method: "GET", url: baseURL + "/api/v1/scans/\(AnswerReading.pathSegment(scanID))",
      headers: authorizationHeaders(token: token) + [HTTPHeader("accept", "application/json")])
  }

  /// `GET {base}/api/v1/scans?q=target_id:ID&l=100`, and `&c=CURSOR` for later pages.
  func lookupRequest(_ trigger: TriggerInput, cursor: String?, baseURL: String, token: String)
    -> HTTPRequest?
  {
    guard let target = trigger.value("target_id")?.stringValue else { return nil }
    var url =
      baseURL + "/api/v1/scans?q="
      + AnswerReading.pathSegment("target_id:" + target) + "&l=\(Self.pageSize)"
    if let cursor { url += "&c=" + AnswerReading.pathSegment(cursor) }
    return HTTPRequest(
      method: "GET", url: url,
      headers: authorizationHeaders(token: token) + [HTTPHeader("accept", "application/json")])
  }

  /// `X-Auth: TOKEN`.
  func authorizationHeaders(token: String) -> [HTTPHeader] {
    [HTTPHeader("X-Auth", token)]
  }
}
