import ScanplanJSON
import ScanplanVendorKit

/// A scan at 100 % is not done while ZAP's passive scanner still has records to read:
/// alerts keep coming until `GET /JSON/pscan/view/recordsToScan/` answers 0 (the wait
/// ZAP's guides put before reading alerts). So a poll that finds 100 % asks that too.
extension ZAPAPI {
  /// After a status of 100, the passive scanner's queue.
  func pollFollowUp(scanID: String, answers: [HTTPResponse], baseURL: String, token: String)
    -> HTTPRequest?
  {
    guard answers.count == 1,
      case .success(let reading) = reading(ofPollAnswer: answers[0], scanID: scanID),
      reading.state == .completed
    else { return nil }
    return HTTPRequest(
      method: "GET", url: baseURL + "/JSON/pscan/view/recordsToScan/",
      headers: authorizationHeaders(token: token))
  }

  /// The status, and once it is 100, the passive queue: completed only when it is empty.
  func reading(ofPollAnswers answers: [HTTPResponse], scanID: String) -> Result<
    PollReading, AnswerError
  > {
    guard let first = answers.first else { return .failure(AnswerError("the poll has no answer")) }
    guard answers.count > 1 else { return reading(ofPollAnswer: first, scanID: scanID) }
    let object: JSONObject
    switch AnswerReading.object(answers[1], what: "passive scan answer") {
    case .failure(let error): return .failure(error)
    case .success(let read): object = read
    }
    let left: Int?
    switch object["recordsToScan"] {
    case .string(let text)?: left = Int(text)
    case .int(let number)?: left = number
    default: left = nil
    }
    guard let left, left >= 0 else {
      return .failure(AnswerError("the passive scan answer has no whole `recordsToScan`"))
    }
    guard left > 0 else {
      return .success(PollReading(status: "completed", state: .completed, progress: 100))
    }
    return .success(PollReading(status: "passive scanning", state: .running, progress: 99))
  }
}
