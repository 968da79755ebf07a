import ScanplanJSON
import ScanplanVendorKit

/// ZAP's answers: `{"scan": "N"}` to an action, `{"status": "NN"}` (a percentage) to a
/// status view, and errors as `{"code": "bad_api_key", "message": "..."}`, with HTTP 400,
/// 404 or 500, or, from some versions and proxies, inside a 200.
extension ZAPAPI {
  /// The error codes that refuse the key: no request can succeed.
  static let refusingCodes: Set<String> = ["bad_api_key", "missing_api_key", "no_access"]

  /// A `code` and `message` pair where an answer was expected is an error, whatever the
  /// status; a refused key stops the provider; ZAP's `internal_error` may pass.
  func classify(_ response: HTTPResponse) -> AnswerClass {
    let byStatus = AnswerClass.byStatus(response)
    guard byStatus == .answer, let code = Self.errorCode(response) else { return byStatus }
    if Self.refusingCodes.contains(code) { return .unauthorized }
    if code == "internal_error" { return .transient }
    return (200..<300).contains(response.status) ? .rejected : .answer
  }

  /// The number in `{"scan": "N"}`, kept as the first stage's: `spider:N`, or `active:N`
  /// for an attack told not to crawl.
  func scanID(inTriggerAnswer response: HTTPResponse, trigger: TriggerInput) -> Result<
    String, AnswerError
  > {
    Self.scanNumber(response, what: "trigger answer").map {
      Self.firstStage(trigger).rawValue + ":" + $0
    }
  }

  /// The attack's number after the crawl: `active:N`.
  func scanID(inStageAnswer response: HTTPResponse, after scanID: String, trigger: TriggerInput)
    -> Result<String, AnswerError>
  {
    Self.scanNumber(response, what: "attack's answer").map { Stage.active.rawValue + ":" + $0 }
  }

  /// ZAP refuses nothing with 409: each action starts a scan.
  func scanID(inConflictAnswer response: HTTPResponse) -> String? { nil }

  /// `status`, a percentage written as a string: 100 is done, anything less runs.
  func reading(ofPollAnswer response: HTTPResponse, scanID: String) -> Result<
    PollReading, AnswerError
  > {
    let object: JSONObject
    switch AnswerReading.object(response, what: "status answer") {
    case .failure(let error): return .failure(error)
    case .success(let read): object = read
    }
    guard let value = object["status"] else {
      return .failure(AnswerError("the status answer has no `status`"))
    }
    let percent: Int?
    switch value {
    case .string(let text): percent = Int(text.trimmingSpaces)
    case .int(let number): percent = number
    default: percent = nil
    }
    guard let percent, (0...100).contains(percent) else {
      return .failure(
        AnswerError(
          "the status answer's `status` is \(Self.shown(value)), not a percentage from 0 to 100"))
    }
    let stage = Self.stage(of: scanID)?.stage ?? .spider
    let word = stage == .spider ? "crawling" : "attacking"
    return .success(
      PollReading(
        status: percent == 100 ? "completed" : word, state: percent == 100 ? .completed : .running,
        progress: percent))
  }

  /// `message` and `code`; ZAP sends no wait hint.
  func errorDetails(in response: HTTPResponse) -> ErrorDetails {
    guard let object = AnswerReading.objectIfAny(response) else { return ErrorDetails() }
    let message = object["message"]?.stringValue.map { AnswerReading.printable($0) }
    let code = object["code"]?.stringValue.map { AnswerReading.printable($0, limit: 60) }
    switch (message, code) {
    case (let message?, let code?): return ErrorDetails(message: "\(message) (\(code))")
    case (let message?, nil): return ErrorDetails(message: message)
    case (nil, let code?): return ErrorDetails(message: code)
    case (nil, nil): return ErrorDetails(message: AnswerReading.commonMessage(object))
    }
  }

  /// The `code` of an error answer (`{"code": "...", "message": "..."}`), if it is one.
  static func errorCode(_ response: HTTPResponse) -> String? {
    guard let object = AnswerReading.objectIfAny(response), object["message"] != nil,
      let code = object["code"]?.stringValue
    else { return nil }
    return code
  }

  /// The number of `{"scan": "N"}`: whole digits, as ZAP numbers its scans.
  private static func scanNumber(_ response: HTTPResponse, what: String) -> Result<
    String, AnswerError
  > {
    let object: JSONObject
    switch AnswerReading.object(response, what: what) {
    case .failure(let error): return .failure(error)
    case .success(let read): object = read
    }
    switch AnswerReading.id(object["scan"], field: "scan", what: what) {
    case .failure(let error): return .failure(error)
    case .success(nil): return .failure(AnswerError("the \(what) has no `scan`"))
    case .success(let id?):
      guard id.allSatisfy(\.isASCIIDigit) else {
        return .failure(
          AnswerError(
            "the \(what)'s `scan` is `\(AnswerReading.printable(id, limit: 40))`, not a number"))
      }
      return .success(id)
    }
  }

  /// A value as an error shows it.
  private static func shown(_ value: JSONValue) -> String {
    if case .string(let text) = value { return "`\(AnswerReading.printable(text, limit: 40))`" }
    return AnswerReading.kind(of: value)
  }
}

extension Character {
  /// `0` to `9`.
  fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
  /// Without spaces around it.
  fileprivate var trimmingSpaces: Substring {
    let start = firstIndex { $0 != " " } ?? endIndex
    let end = lastIndex { $0 != " " }.map { index(after: $0) } ?? start
    return self[start..<max(start, end)]
  }
}
