import ScanplanJSON
import ScanplanSupport
import ScanplanVendorKit

/// Invicti's answers as the seed shows them and as the Acunetix API reference does: the
/// new scan's id in the body or only in `Location` (absolute or relative), one scan
/// object per `GET` or a `scans` list, errors as `{"code", "reason", "details"}`.
extension InvictiAPI {
  /// `scan_id` of the body, or else the id in `Location`.
  func scanID(inTriggerAnswer response: HTTPResponse, trigger: TriggerInput) -> Result<
    String, AnswerError
  > {
    // The reference's 201 may have no body at all: only `Location` counts then.
    var bodyProblem: AnswerError?
    if let object = AnswerReading.objectIfAny(response) {
      switch AnswerReading.id(object["scan_id"], field: "scan_id", what: "trigger answer") {
      case .success(let id?): return .success(id)
      case .success(nil): break
      case .failure(let problem): bodyProblem = problem
      }
    }
    guard let location = response.header("Location") else {
      return .failure(
        bodyProblem ?? AnswerError("the trigger answer has no `scan_id` and no `Location` header"))
    }
    if let id = AnswerReading.id(inLocation: location, after: "scans") { return .success(id) }
    return .failure(
      bodyProblem
        ?? AnswerError(
          "the trigger answer has no `scan_id`, and its `Location` (`\(AnswerReading.printable(location, limit: 80))`) names no scan"
        ))
  }

  /// Invicti documents no 409; if one comes, the scan its body names.
  func scanID(inConflictAnswer response: HTTPResponse) -> String? {
    guard let object = AnswerReading.objectIfAny(response),
      case .success(let id?) = AnswerReading.id(
        object["scan_id"], field: "scan_id", what: "conflict answer")
    else { return nil }
    return id
  }

  /// `current_session` of the scan: the answer itself, or the item of its `scans` list
  /// whose `scan_id` is this scan's, never merely the first.
  func reading(ofPollAnswer response: HTTPResponse, scanID: String) -> Result<
    PollReading, AnswerError
  > {
    let body: JSONObject
    switch AnswerReading.object(response, what: "scan answer") {
    case .failure(let error): return .failure(error)
    case .success(let object): body = object
    }
    let scan: JSONObject
    switch Self.scan(scanID, in: body) {
    case .failure(let error): return .failure(error)
    case .success(let found): scan = found
    }
    guard let sessionValue = scan["current_session"] else {
      return .failure(AnswerError("the scan answer has no `current_session`"))
    }
    guard let session = sessionValue.objectValue else {
      return .failure(
        AnswerError(
          "the scan answer's `current_session` is \(AnswerReading.kind(of: sessionValue)), not an object"
        ))
    }
    let status: String
    switch session["status"] {
    case nil:
      return .failure(AnswerError("the scan answer has no `current_session.status`"))
    case .string(let text)?:
      status = text
    case let other?:
      return .failure(
        AnswerError(
          "the scan answer's `current_session.status` is \(AnswerReading.kind(of: other)), not a string"
        ))
    }
    let sessionID = try? AnswerReading.id(
      session["scan_session_id"], field: "scan_session_id", what: "scan answer"
    ).get()
    return .success(
      PollReading(
        status: AnswerReading.printable(status), state: InvictiStatus.state(status),
        progress: AnswerReading.progress(session["progress"]),
        severityCounts: AnswerReading.severityCounts(session["severity_counts"]),
        sessionID: sessionID))
  }

  /// The scan object of an answer: the item of a `scans` list with this id, or the
  /// answer itself when it is not for another scan.
  private static func scan(_ scanID: String, in body: JSONObject) -> Result<JSONObject, AnswerError>
  {
    guard let listed = body["scans"] else {
      if case .success(let other?) = AnswerReading.id(
        body["scan_id"], field: "scan_id", what: "scan answer"), other != scanID
      {
        return .failure(AnswerError("the scan answer is for scan `\(other)`, not `\(scanID)`"))
      }
      return .success(body)
    }
    guard let items = listed.arrayValue else {
      return .failure(
        AnswerError("the scan answer's `scans` is \(AnswerReading.kind(of: listed)), not a list"))
    }
    for item in items {
      guard let object = item.objectValue else { continue }
      if case .success(scanID?) = AnswerReading.id(
        object["scan_id"], field: "scan_id", what: "scan answer")
      {
        return .success(object)
      }
    }
    return .failure(
      AnswerError(
        "the scan answer lists \(Counted.phrase(items.count, "scan")), none of them `\(scanID)`"
      ))
  }

  /// `{"code", "reason", "details"}`: the reason, then the details; or a plain `message`.
  func errorDetails(in response: HTTPResponse) -> ErrorDetails {
    guard let object = AnswerReading.objectIfAny(response) else { return ErrorDetails() }
    let wait =
      AnswerReading.seconds(object["retry_after"]) ?? AnswerReading.seconds(object["retryAfter"])
    guard let reason = object["reason"]?.stringValue, !reason.isEmpty else {
      return ErrorDetails(message: AnswerReading.commonMessage(object), retryAfter: wait)
    }
    var text = reason
    let details = (object["details"]?.arrayValue ?? []).map { detail in
      detail.stringValue ?? JSONWriter.compact(detail)
    }
    if !details.isEmpty { text += ": " + details.joined(separator: "; ") }
    if let code = object["code"]?.intValue, code != response.status { text += " (code \(code))" }
    return ErrorDetails(message: AnswerReading.printable(text), retryAfter: wait)
  }

  /// `{"scans": [...], "pagination": {...}}`: each scan, whether it is of this target
  /// and profile, its `current_session` status and start, and the next page.
  func listing(_ response: HTTPResponse, trigger: TriggerInput) -> Result<
    ScanListing, AnswerError
  > {
    let body: JSONObject
    switch AnswerReading.object(response, what: "scan list") {
    case .failure(let error): return .failure(error)
    case .success(let object): body = object
    }
    guard let items = body["scans"]?.arrayValue else {
      return .failure(AnswerError("the scan list has no `scans` list"))
    }
    let target = trigger.value("target_id")?.stringValue
    let profile = trigger.value("profile_id")?.stringValue
    var scans: [ScanListing.Scan] = []
    for item in items {
      guard let scan = item.objectValue,
        case .success(let id?) = AnswerReading.id(
          scan["scan_id"], field: "scan_id", what: "scan list")
      else { continue }
      let session = scan["current_session"]?.objectValue
      scans.append(
        ScanListing.Scan(
          id: id,
          matches: Self.matches(scan["target_id"], target)
            && Self.matches(scan["profile_id"], profile),
          state: session?["status"]?.stringValue.map(InvictiStatus.state),
          started: session?["start_date"]?.stringValue.map {
            AnswerReading.printable($0, limit: 40)
          }))
    }
    return .success(
      ScanListing(scans: scans, next: Self.nextCursor(body["pagination"]?.objectValue)))
  }

  /// A listed field fits when it is absent (the query already filtered by it) or equal.
  private static func matches(_ value: JSONValue?, _ expected: String?) -> Bool {
    guard let expected, let value, value != .null else { return true }
    return value.stringValue == expected
  }

  /// `pagination.next_cursor`, or the second of the older `pagination.cursors`.
  static func nextCursor(_ pagination: JSONObject?) -> String? {
    guard let pagination else { return nil }
    let next: JSONValue?
    if let cursor = pagination["next_cursor"] {
      next = cursor
    } else if let cursors = pagination["cursors"]?.arrayValue, cursors.count > 1 {
      next = cursors[1]
    } else {
      next = nil
    }
    switch next {
    case .string(let text)? where !text.isEmpty && text != "null":
      return AnswerReading.usableID(text)
    case .int(let number)?:
      return String(number)
    default:
      return nil
    }
  }
}
