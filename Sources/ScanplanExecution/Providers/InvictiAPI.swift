import ScanplanJSON
import ScanplanPlan

/// Invicti Platform DAST, from its API document.
public struct InvictiAPI: ProviderAPI {
  /// Creates the API.
  public init() {}

  /// `.invicti`.
  public var type: ProviderType { .invicti }

  /// Statuses Invicti reports that mean the scan is still on its way; other unknown
  /// ones are treated the same, but with a warning that names them.
  static let runningStatuses: Set<String> = [
    "queued", "scheduled", "starting", "running", "scanning", "processing", "pausing", "paused",
    "resuming",
  ]

  /// `POST {base}/api/v1/scans` with `{"user_authorized_to_scan": "yes", "target_id",
  /// "profile_id", "schedule": {...}}`.
  public func triggerRequest(
    for scan: ResolvedScan, assetKeys: [(key: String, value: JSONValue)], baseURL: String,
    token: String
  ) -> HTTPRequest {
    var body = JSONObject()
    // The vendor's own order: the statement first.
    if let statement = assetKeys.first(where: { $0.key == "user_authorized_to_scan" }) {
      body[statement.key] = statement.value
    }
    for (key, value) in assetKeys where key != "user_authorized_to_scan" { body[key] = value }
    for member in APISupport.settingsBody(.invicti, scan: scan).members {
      body[member.key] = member.value
    }
    return HTTPRequest(
      method: "POST", url: baseURL + "/api/v1/scans",
      headers: authorizationHeaders(token: token) + [
        ("accept", "application/json"), ("content-type", "application/json"),
      ],
      body: Array(JSONWriter.compact(.object(body)).utf8))
  }

  /// `GET {base}/api/v1/scans/{scan_id}`.
  public func pollRequest(scanID: String, baseURL: String, token: String) -> HTTPRequest {
    HTTPRequest(
      method: "GET", url: baseURL + "/api/v1/scans/\(APISupport.pathSegment(scanID))",
      headers: authorizationHeaders(token: token) + [("accept", "application/json")])
  }

  /// `scan_id` of the body, or else the last segment of the `Location` header.
  public func scanID(inTriggerAnswer response: HTTPResponse) -> String? {
    if let id = APISupport.scanID(APISupport.object(response)?["scan_id"]) { return id }
    guard let location = response.header("Location") else { return nil }
    let path = location.split(separator: "?")[0]
    return path.split(separator: "/").last.map(String.init).flatMap {
      APISupport.scanID(.string($0))
    }
  }

  /// `current_session` of the scan object, at the top level or in a `scans` list.
  public func reading(ofPollAnswer response: HTTPResponse, scanID: String) -> Result<
    PollReading, AnswerError
  > {
    let body: JSONObject
    switch APISupport.object(response, what: "scan answer") {
    case .success(let object): body = object
    case .failure(let error): return .failure(error)
    }
    var scan = body
    if let scans = body["scans"]?.arrayValue {
      let objects = scans.compactMap(\.objectValue)
      guard
        let match = objects.first(where: { APISupport.scanID($0["scan_id"]) == scanID })
          ?? objects.first
      else {
        return .failure(AnswerError("the scan answer lists no scans"))
      }
      scan = match
    }
    guard let session = scan["current_session"]?.objectValue else {
      return .failure(AnswerError("the scan answer has no `current_session`"))
    }
    guard let status = session["status"]?.stringValue else {
      return .failure(AnswerError("the scan answer has no `current_session.status`"))
    }
    let state: ScanState
    switch status.lowercased() {
    case "completed", "complete": state = .completed
    case "failed", "error": state = .failed
    case "cancelled", "canceled", "aborted": state = .cancelled
    case let other where Self.runningStatuses.contains(other): state = .running
    default: state = .unknown
    }
    var counts: [String: Int]?
    if let severities = session["severity_counts"]?.objectValue {
      counts = [:]
      for member in severities.members {
        if let count = member.value.intValue { counts?[member.key] = count }
      }
    }
    return .success(
      PollReading(
        status: status, state: state, progress: session["progress"]?.intValue,
        severityCounts: counts,
        sessionID: APISupport.scanID(session["scan_session_id"]),
        phase: ["queued", "scheduled"].contains(status.lowercased())
          ? 0 : Self.runningStatuses.contains(status.lowercased()) ? 1 : nil))
  }

  /// `X-Auth: TOKEN`.
  public func authorizationHeaders(token: String) -> [(name: String, value: String)] {
    [("X-Auth", token)]
  }
}
