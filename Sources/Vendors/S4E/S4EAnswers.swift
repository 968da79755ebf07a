import ScanplanJSON
import ScanplanVendorKit

/// S4E's answers, bare as the seed shows them or in the `{"data": {...}}` envelope of its
/// API reference; errors as `{"status": "error", "error": {"code", "message",
/// "retry_after"}}` or with a plain `message`.
extension S4EAPI {
  /// What an answer says: the envelope's `data` when there is one, or else the body.
  static func payload(_ object: JSONObject) -> JSONObject {
    object["data"]?.objectValue ?? object
  }

  /// `scan_id` of the answer (201).
  func scanID(inTriggerAnswer response: HTTPResponse, trigger: TriggerInput) -> Result<
    String, AnswerError
  > {
    let object: JSONObject
    switch AnswerReading.object(response, what: "trigger answer") {
    case .failure(let error): return .failure(error)
    case .success(let read): object = Self.payload(read)
    }
    switch AnswerReading.id(object["scan_id"], field: "scan_id", what: "trigger answer") {
    case .failure(let error): return .failure(error)
    case .success(nil): return .failure(AnswerError("the trigger answer has no `scan_id`"))
    case .success(let id?): return .success(id)
    }
  }

  /// The running scan's `scan_id` in a 409's body: in the envelope, at the top or in the
  /// error object.
  func scanID(inConflictAnswer response: HTTPResponse) -> String? {
    guard let object = AnswerReading.objectIfAny(response) else { return nil }
    let places = [Self.payload(object), object, object["error"]?.objectValue].compactMap { $0 }
    for place in places {
      if case .success(let id?) = AnswerReading.id(
        place["scan_id"], field: "scan_id", what: "conflict answer")
      {
        return id
      }
    }
    return nil
  }

  /// `status` of the answer, and `progress` where the API reference's shape has it.
  func reading(ofPollAnswer response: HTTPResponse, scanID: String) -> Result<
    PollReading, AnswerError
  > {
    let object: JSONObject
    switch AnswerReading.object(response, what: "status answer") {
    case .failure(let error): return .failure(error)
    case .success(let read): object = Self.payload(read)
    }
    if case .success(let other?) = AnswerReading.id(
      object["scan_id"], field: "scan_id", what: "status answer"), other != scanID
    {
      return .failure(AnswerError("the status answer is for scan `\(other)`, not `\(scanID)`"))
    }
    switch object["status"] {
    case nil:
      return .failure(AnswerError("the status answer has no `status`"))
    case .string(let status)?:
      return .success(
        PollReading(
          status: AnswerReading.printable(status), state: S4EStatus.state(status),
          progress: AnswerReading.progress(object["progress"])))
    case let other?:
      return .failure(
        AnswerError(
          "the status answer's `status` is \(AnswerReading.kind(of: other)), not a string"))
    }
  }

  /// The error object's `message` and `code`, and `retry_after`; or a plain `message`.
  func errorDetails(in response: HTTPResponse) -> ErrorDetails {
    guard let object = AnswerReading.objectIfAny(response) else { return ErrorDetails() }
    let wait =
      AnswerReading.seconds(object["retry_after"]) ?? AnswerReading.seconds(object["retryAfter"])
    guard let error = object["error"]?.objectValue else {
      return ErrorDetails(message: AnswerReading.commonMessage(object), retryAfter: wait)
    }
    let message = error["message"]?.stringValue.map { AnswerReading.printable($0) }
    let code = error["code"]?.stringValue.map { AnswerReading.printable($0, limit: 60) }
    let text: String?
    switch (message, code) {
    case (let message?, let code?): text = "\(message) (\(code))"
    case (let message?, nil): text = message
    case (nil, let code?): text = code
    case (nil, nil): text = AnswerReading.commonMessage(object)
    }
    return ErrorDetails(
      message: text, retryAfter: AnswerReading.seconds(error["retry_after"]) ?? wait)
  }
}
