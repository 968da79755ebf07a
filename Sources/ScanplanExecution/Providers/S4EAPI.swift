import ScanplanJSON
import ScanplanPlan

/// S4E, from its REST API document.
public struct S4EAPI: ProviderAPI {
  /// Creates the API.
  public init() {}

  /// `.s4e`.
  public var type: ProviderType { .s4e }

  /// `POST {base}/api/scan/create` with `{"asset_id", "scan_type", "options"}`.
  public func triggerRequest(
    for scan: ResolvedScan, assetKeys: [(key: String, value: JSONValue)], baseURL: String,
    token: String
  ) -> HTTPRequest {
    var body = JSONObject()
    for (key, value) in assetKeys { body[key] = value }
    for member in APISupport.settingsBody(.s4e, scan: scan).members {
      body[member.key] = member.value
    }
    return HTTPRequest(
      method: "POST", url: baseURL + "/api/scan/create",
      headers: authorizationHeaders(token: token) + [("Content-Type", "application/json")],
      body: Array(JSONWriter.compact(.object(body)).utf8))
  }

  /// `GET {base}/api/scan/{scan_id}/status`.
  public func pollRequest(scanID: String, baseURL: String, token: String) -> HTTPRequest {
    HTTPRequest(
      method: "GET", url: baseURL + "/api/scan/\(APISupport.pathSegment(scanID))/status",
      headers: authorizationHeaders(token: token))
  }

  /// `scan_id` of the body (201 and 409 alike).
  public func scanID(inTriggerAnswer response: HTTPResponse) -> String? {
    APISupport.scanID(APISupport.object(response)?["scan_id"])
  }

  /// `status` of the body: `queued`, `running`, `completed`, `failed`, `cancelled`.
  public func reading(ofPollAnswer response: HTTPResponse, scanID: String) -> Result<
    PollReading, AnswerError
  > {
    let body: JSONObject
    switch APISupport.object(response, what: "status answer") {
    case .success(let object): body = object
    case .failure(let error): return .failure(error)
    }
    guard let status = body["status"]?.stringValue else {
      return .failure(AnswerError("the status answer has no `status`"))
    }
    let state: ScanState
    switch status {
    case "queued", "running": state = .running
    case "completed": state = .completed
    case "failed": state = .failed
    case "cancelled": state = .cancelled
    default: state = .unknown
    }
    let phase = status == "queued" ? 0 : status == "running" ? 1 : nil
    return .success(PollReading(status: status, state: state, phase: phase))
  }

  /// `Authorization: Bearer TOKEN`.
  public func authorizationHeaders(token: String) -> [(name: String, value: String)] {
    [("Authorization", "Bearer " + token)]
  }
}
