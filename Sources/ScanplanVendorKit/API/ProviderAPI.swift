/// One vendor's API as requests and answers: no I/O, so the dry run prints exactly what
/// the run sends, the scheduler stays free of vendor protocol, and every answer reader
/// can be fuzzed. Readers never trap: every odd answer is an `AnswerError` in words.
public protocol ProviderAPI: Sendable {
  /// The provider type this API speaks.
  var type: ProviderType { get }

  /// The request that starts a scan.
  func triggerRequest(_ trigger: TriggerInput, baseURL: String, token: String) -> HTTPRequest

  /// The request that asks how a scan stands.
  func pollRequest(scanID: String, baseURL: String, token: String) -> HTTPRequest

  /// The scan id a successful trigger answer (2xx) gives, or why there is none.
  func scanID(inTriggerAnswer response: HTTPResponse) -> Result<String, AnswerError>

  /// The running scan a 409 to a trigger names, if it names one.
  func scanID(inConflictAnswer response: HTTPResponse) -> String?

  /// A poll's answer (2xx) read, or why it cannot be.
  func reading(ofPollAnswer response: HTTPResponse, scanID: String) -> Result<
    PollReading, AnswerError
  >

  /// The vendor's words and wait hint in an error answer.
  func errorDetails(in response: HTTPResponse) -> ErrorDetails

  /// The header values that carry the token, to redact in dry runs.
  func authorizationHeaders(token: String) -> [HTTPHeader]

  /// Whether a trigger whose answer was lost is followed by `lookupRequest` before it is
  /// sent again, because the vendor answers no 409 naming the scan it made.
  var recoversLostTriggers: Bool { get }

  /// For a vendor that answers no 409 naming the scan a lost trigger created: the
  /// request that lists the asset's scans, to find that scan before triggering again.
  /// Nil for vendors whose 409 names it.
  func lookupRequest(_ trigger: TriggerInput, cursor: String?, baseURL: String, token: String)
    -> HTTPRequest?

  /// A listing's answer (2xx) read: the scan a lost trigger of `trigger` created, never
  /// one that `isOwned` (a scan this run already polls).
  func lookup(
    _ response: HTTPResponse, trigger: TriggerInput, isOwned: (String) -> Bool
  ) -> Result<LookupResult, AnswerError>

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
  /// The vendor's 409 names the scan a lost trigger created.
  public var recoversLostTriggers: Bool { false }

  /// No listing: the vendor's 409 names the scan a lost trigger created.
  public func lookupRequest(
    _ trigger: TriggerInput, cursor: String?, baseURL: String, token: String
  ) -> HTTPRequest? {
    nil
  }

  /// Never asked without a `lookupRequest`.
  public func lookup(
    _ response: HTTPResponse, trigger: TriggerInput, isOwned: (String) -> Bool
  ) -> Result<LookupResult, AnswerError> {
    .success(.notFound)
  }

  /// A vendor that lists no findings.
  public var listsFindings: Bool { false }

  /// No findings to ask for.
  public func findingsRequest(
    _ scan: FindingsScan, cursor: FindingsCursor?, baseURL: String, token: String
  ) -> HTTPRequest? {
    nil
  }

  /// Never asked without a `findingsRequest`.
  public func findings(in response: HTTPResponse, of scan: FindingsScan, cursor: FindingsCursor?)
    -> Result<FindingsPage, AnswerError>
  {
    .success(FindingsPage(findings: [], next: nil))
  }
}
