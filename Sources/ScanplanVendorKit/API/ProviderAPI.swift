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

  /// The request that starts the scan's next stage once the stage `scanID` names has
  /// completed, or nil when that was the last (ZAP's active scan after its crawl). A
  /// stage is started once, as a trigger is; its answer names the stage polled next.
  func nextStage(after scanID: String, trigger: TriggerInput, baseURL: String, token: String)
    -> HTTPRequest?

  /// The requests of the stages after the trigger, in order, as a dry run shows them.
  func laterStages(_ trigger: TriggerInput, baseURL: String, token: String) -> [HTTPRequest]

  /// The id a stage's answer (2xx) gives, as polls and findings will name it.
  func scanID(
    inStageAnswer response: HTTPResponse, after scanID: String, trigger: TriggerInput
  ) -> Result<String, AnswerError>

  /// The header values that carry the token, to redact in dry runs.
  func authorizationHeaders(token: String) -> [HTTPHeader]

  /// Whether the vendor lists an asset's scans (`lookupRequest`, `listing`), which makes
  /// a trigger whose answer was lost findable: the runner lists the asset's scans once
  /// before a scan's first trigger, and again after a lost answer, and takes the scan
  /// the second listing has and the first had not.
  var recoversLostTriggers: Bool { get }

  /// Whether a listing holds the trigger's asset's scans only. ZAP's lists every scan of
  /// a kind and names no URL: a new scan there may be another start of this run whose
  /// answer has not come. For such a vendor the runner sends one trigger at a time, none
  /// while a lost one is looked for, and takes a listed scan only when it is the one new
  /// scan and no start of the run is unanswered.
  var listsOneAssetsScans: Bool { get }

  /// The request that lists the scans of the trigger's asset or target, a page at a
  /// time (`cursor` nil for the first). Nil for a vendor that lists none.
  func lookupRequest(_ trigger: TriggerInput, cursor: String?, baseURL: String, token: String)
    -> HTTPRequest?

  /// A listing's answer (2xx) read: each scan, whether it is of the trigger's kind, and
  /// the next page.
  func listing(_ response: HTTPResponse, trigger: TriggerInput) -> Result<
    ScanListing, AnswerError
  >

  /// Whether the vendor lists the findings of a scan that completed.
  var listsFindings: Bool { get }

  /// The request for a completed scan's findings at `cursor` (nil for the first).
  func findingsRequest(
    _ scan: FindingsScan, cursor: FindingsCursor?, baseURL: String, token: String
  ) -> HTTPRequest?

  /// A findings answer (2xx) read: its findings in the shared model, fingerprinted, and
  /// the next cursor; or why it cannot be read. An item that is no finding (no check, a
  /// severity the vendor does not document) makes the page unreadable: a gate must not
  /// pass on findings left out.
  func findings(in response: HTTPResponse, of scan: FindingsScan, cursor: FindingsCursor?)
    -> Result<FindingsPage, AnswerError>
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

  /// A scan of one stage.
  package func nextStage(
    after scanID: String, trigger: TriggerInput, baseURL: String, token: String
  ) -> HTTPRequest? {
    nil
  }

  /// No stage after the trigger.
  package func laterStages(_ trigger: TriggerInput, baseURL: String, token: String)
    -> [HTTPRequest]
  {
    []
  }

  /// A stage is answered as a trigger is.
  package func scanID(
    inStageAnswer response: HTTPResponse, after scanID: String, trigger: TriggerInput
  ) -> Result<String, AnswerError> {
    self.scanID(inTriggerAnswer: response, trigger: trigger)
  }

  /// A vendor that lists no scans: its 409 names the scan a lost trigger created.
  package var recoversLostTriggers: Bool { false }

  /// A listing of the trigger's asset or target.
  package var listsOneAssetsScans: Bool { true }

  /// No listing.
  package func lookupRequest(
    _ trigger: TriggerInput, cursor: String?, baseURL: String, token: String
  ) -> HTTPRequest? {
    nil
  }

  /// Never asked without a `lookupRequest`.
  package func listing(_ response: HTTPResponse, trigger: TriggerInput) -> Result<
    ScanListing, AnswerError
  > {
    .success(ScanListing(scans: [], next: nil))
  }

  /// A vendor that lists no findings.
  package var listsFindings: Bool { false }

  /// No findings to ask for.
  package func findingsRequest(
    _ scan: FindingsScan, cursor: FindingsCursor?, baseURL: String, token: String
  ) -> HTTPRequest? {
    nil
  }

  /// Never asked without a `findingsRequest`.
  package func findings(in response: HTTPResponse, of scan: FindingsScan, cursor: FindingsCursor?)
    -> Result<FindingsPage, AnswerError>
  {
    .success(FindingsPage(findings: [], next: nil))
  }
}
