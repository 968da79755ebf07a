/// A vendor that lists the findings of a scan that completed.
package protocol ListsFindings: ProviderAPI {
  /// The request for a completed scan's findings at `cursor` (nil for the first).
  func findingsRequest(
    _ scan: FindingsScan, cursor: FindingsCursor?, baseURL: String, token: String
  ) -> HTTPRequest

  /// A findings answer (2xx) read: its findings in the shared model, fingerprinted, and
  /// the next cursor; or why it cannot be read. An item that is no finding (no check, a
  /// severity the vendor does not document) makes the page unreadable: a gate must not
  /// pass on findings left out.
  func findings(in response: HTTPResponse, of scan: FindingsScan, cursor: FindingsCursor?)
    -> Result<FindingsPage, AnswerError>
}
