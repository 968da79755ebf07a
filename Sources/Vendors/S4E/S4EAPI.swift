import ScanplanJSON
import ScanplanVendorKit

/// S4E's requests: `POST {base}/api/scan/create` and `GET {base}/api/scan/{id}/status`,
/// with `Authorization: Bearer TOKEN`. Its answers are read in `S4EAnswers.swift`.
struct S4EAPI: ProviderAPI {
  var type: ProviderType { S4E.type }

  /// `POST {base}/api/scan/create` with `{"asset_id", "scan_type", "options"}`.
  func triggerRequest(_ trigger: TriggerInput, baseURL: String, token: String) -> HTTPRequest {
    var body = JSONObject()
    for assetKey in trigger.assetKeys { body[assetKey.key] = assetKey.value }
    for member in trigger.settings.members { body[member.key] = member.value }
    return HTTPRequest(
      method: "POST", url: baseURL + "/api/scan/create",
      headers: authorizationHeaders(token: token) + [
        HTTPHeader("Content-Type", "application/json")
      ],
      body: Array(JSONWriter.compact(.object(body)).utf8))
  }

  /// `GET {base}/api/scan/{scan_id}/status`.
  func pollRequest(scanID: String, baseURL: String, token: String) -> HTTPRequest {
    HTTPRequest(
      method: "GET", url: baseURL + "/api/scan/\(AnswerReading.pathSegment(scanID))/status",
      headers: authorizationHeaders(token: token))
  }

  /// `Authorization: Bearer TOKEN`.
  func authorizationHeaders(token: String) -> [HTTPHeader] {
    [HTTPHeader("Authorization", "Bearer " + token)]
  }
}
