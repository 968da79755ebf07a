/// One vendor's API as requests and answers: no I/O, so the dry run prints exactly what
/// the run sends, the scheduler stays free of vendor protocol, and every answer reader
/// can be fuzzed. Readers never trap: every odd answer is an `AnswerError` in words.
package protocol ProviderAPI: Sendable {
  /// The provider type this API speaks.
  var type: ProviderType { get }

  /// The request that starts a scan.
  func triggerRequest(_ trigger: TriggerInput, baseURL: String, token: String) -> HTTPRequest

  /// The request that readies the target before the trigger, once (ZAP's `accessUrl` of a
  /// URL an attack does not crawl first); nil when the trigger needs none. An error
  /// answer fails the scan with the vendor's words, and nothing is triggered.
  func preparation(_ trigger: TriggerInput, baseURL: String, token: String) -> Preparation?

  /// The request that asks how a scan stands.
  func pollRequest(scanID: String, baseURL: String, token: String) -> HTTPRequest

  /// The scan id a successful trigger answer (2xx) to `trigger` gives, or why there is
  /// none. The trigger says what was started, for a vendor whose answer does not (ZAP's
  /// `{"scan": "3"}` is a crawl's or an attack's).
  func scanID(inTriggerAnswer response: HTTPResponse, trigger: TriggerInput) -> Result<
    String, AnswerError
  >

  /// The running scan a 409 to a trigger names, if it names one.
  func scanID(inConflictAnswer response: HTTPResponse) -> String?

  /// A poll's answer (2xx) read, or why it cannot be.
  func reading(ofPollAnswer response: HTTPResponse, scanID: String) -> Result<
    PollReading, AnswerError
  >

  /// The next request of a poll that takes more than one (ZAP asks how much passive
  /// scanning is left once a scan reports 100 %), given the poll's answers so far (2xx);
  /// nil when they are the whole poll. Each request goes through the budget.
  func pollFollowUp(scanID: String, answers: [HTTPResponse], baseURL: String, token: String)
    -> HTTPRequest?

  /// A poll read from every answer it took, in order.
  func reading(ofPollAnswers answers: [HTTPResponse], scanID: String) -> Result<
    PollReading, AnswerError
  >

  /// The vendor's words and wait hint in an error answer.
  func errorDetails(in response: HTTPResponse) -> ErrorDetails

  /// What an answer means: throttled, unauthorized, transient, an error inside a
  /// success, or an answer for the request's kind to read. `AnswerClass.byStatus` unless
  /// the vendor says otherwise.
  func classify(_ response: HTTPResponse) -> AnswerClass

  /// The header values that carry the token, to redact in dry runs.
  func authorizationHeaders(token: String) -> [HTTPHeader]
}

extension ProviderAPI {
  /// A trigger that needs nothing before it.
  package func preparation(_ trigger: TriggerInput, baseURL: String, token: String)
    -> Preparation?
  {
    nil
  }

  /// Status codes mean what HTTP says.
  package func classify(_ response: HTTPResponse) -> AnswerClass {
    AnswerClass.byStatus(response)
  }

  /// A poll is one request.
  package func pollFollowUp(
    scanID: String, answers: [HTTPResponse], baseURL: String, token: String
  ) -> HTTPRequest? {
    nil
  }

  /// A poll of one request is read from its answer.
  package func reading(ofPollAnswers answers: [HTTPResponse], scanID: String) -> Result<
    PollReading, AnswerError
  > {
    guard let first = answers.first else { return .failure(AnswerError("the poll has no answer")) }
    return reading(ofPollAnswer: first, scanID: scanID)
  }
}
