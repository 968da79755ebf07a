/// A request sent once before a scan's trigger that readies its target at the vendor:
/// ZAP's `core/action/accessUrl`, which puts a URL in the session's site tree so that an
/// attack told not to crawl first finds it there. It makes no scan, so it may go again
/// after a lost answer.
package struct Preparation: Sendable {
  package let request: HTTPRequest
  /// What it does, lowercase, for the dry run and a failure's reason (`put the URL in
  /// ZAP's site tree`).
  package let purpose: String

  package init(request: HTTPRequest, purpose: String) {
    self.request = request
    self.purpose = purpose
  }
}
