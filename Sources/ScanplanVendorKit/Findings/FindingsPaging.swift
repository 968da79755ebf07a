/// The scan whose findings are read, as a vendor needs it to build the requests and to
/// fingerprint what it reads.
package struct FindingsScan: Sendable {
  /// The provider's scan id.
  package let scanID: String
  /// The provider's id of this run of the scan, when a poll reported it (Invicti's
  /// `current_session.scan_session_id`, the result whose findings are read).
  package let sessionID: String?
  /// What the scan was triggered with: its asset or target, for fingerprints.
  package let trigger: TriggerInput

  package init(scanID: String, sessionID: String?, trigger: TriggerInput) {
    self.scanID = scanID
    self.sessionID = sessionID
    self.trigger = trigger
  }
}

/// Where reading a scan's findings goes next: the vendor's own page token, and, for a
/// vendor whose findings hang off another object (Invicti's scan result), that object's
/// id once it is known.
package struct FindingsCursor: Sendable, Equatable, Hashable {
  /// The id of the object the findings are listed under (Invicti's `result_id`).
  package var result: String?
  /// The vendor's page token: a page number, a cursor, an offset; nil for the first page.
  package var page: String?

  package init(result: String? = nil, page: String? = nil) {
    self.result = result
    self.page = page
  }
}

/// What one findings answer gave: findings, and where to go next, if anywhere.
package struct FindingsPage: Sendable, Equatable {
  /// The findings of this page.
  package let findings: [Finding]
  /// The next request's cursor; nil when every finding has been read.
  package let next: FindingsCursor?

  package init(findings: [Finding], next: FindingsCursor?) {
    self.findings = findings
    self.next = next
  }
}
