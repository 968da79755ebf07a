import ScanplanExecution
import ScanplanJSON
import ScanplanVendorKit
import ScanplanVendors

/// What a plan of each vendor sends, from its table alone.
let sampleTriggers = Vendors.all.map { VendorSample.triggerInput($0.table) }

/// Every answer reader of every vendor on one answer. None may trap, and what each keeps
/// of the server's words must be printable: a server must not write to a terminal.
func readEveryAnswer(_ response: HTTPResponse) {
  for (vendor, trigger) in zip(Vendors.all, sampleTriggers) {
    let api = vendor.api
    _ = api.classify(response)
    switch api.scanID(inTriggerAnswer: response, trigger: trigger) {
    case .success(let id):
      expectPrintable(id, "a trigger's scan id")
      if let stages = api as? any RunsInStages {
        switch stages.scanID(inStageAnswer: response, after: id, trigger: trigger) {
        case .success(let next): expectPrintable(next, "a stage's scan id")
        case .failure(let error): expectPrintable(error.message, "a stage answer's error")
        }
      }
    case .failure(let error): expectPrintable(error.message, "a trigger answer's error")
    }
    if let id = api.scanID(inConflictAnswer: response) { expectPrintable(id, "a conflict's id") }
    for scanID in ["fz-1", "a1b2c3d4-e5f6-7890-abcd-ef1234567890"] {
      switch api.reading(ofPollAnswer: response, scanID: scanID) {
      case .success(let reading):
        expectPrintable(reading.status, "a status")
        if let session = reading.sessionID { expectPrintable(session, "a session id") }
        if let progress = reading.progress, !(0...100).contains(progress) {
          fatalError("progress \(progress) is not a percentage")
        }
      case .failure(let error): expectPrintable(error.message, "a poll answer's error")
      }
    }
    // A poll of several requests: this answer as each of its parts.
    if let next = api.pollFollowUp(
      scanID: "fz-1", answers: [response], baseURL: "http://h", token: "k")
    {
      expectPrintable(next.url, "a poll's next request")
    }
    switch api.reading(ofPollAnswers: [response, response], scanID: "fz-1") {
    case .success(let reading): expectPrintable(reading.status, "a status")
    case .failure(let error): expectPrintable(error.message, "a poll's error")
    }
    let details = api.errorDetails(in: response)
    if let message = details.message { expectPrintable(message, "a vendor's message") }
    if let wait = details.retryAfter, !(wait.isFinite && wait >= 0) {
      fatalError("a wait of \(wait) seconds")
    }
    _ = RetryAfter.seconds(in: response, hint: details.retryAfter, now: 1_800_000_000)
    if let lister = api as? any ListsScans { readListing(response, lister, trigger) }
    if let findings = api as? any ListsFindings { readFindings(response, findings, trigger) }
  }
}

/// A listing's answer read: every id and cursor printable.
private func readListing(_ response: HTTPResponse, _ api: any ListsScans, _ trigger: TriggerInput) {
  switch api.listing(response, trigger: trigger) {
  case .success(let listing):
    for scan in listing.scans {
      expectPrintable(scan.id, "a listed scan's id")
      if let started = scan.started { expectPrintable(started, "a listed scan's start") }
    }
    if let next = listing.next { expectPrintable(next, "a cursor") }
  case .failure(let error): expectPrintable(error.message, "a listing's error")
  }
}

/// A findings answer read at every step a vendor reads them.
private func readFindings(
  _ response: HTTPResponse, _ api: any ListsFindings, _ trigger: TriggerInput
) {
  // Findings, at every step a vendor reads them: the first answer, a result's pages.
  for cursor in [nil, FindingsCursor(result: "r-1"), FindingsCursor(result: "r-1", page: "2")] {
    for session in [nil, "r-1"] {
      let scan = FindingsScan(scanID: "fz-1", sessionID: session, trigger: trigger)
      switch api.findings(in: response, of: scan, cursor: cursor) {
      case .success(let page):
        for finding in page.findings {
          for text in [finding.check, finding.name, finding.status]
            + [
              finding.url, finding.input, finding.confidence, finding.vendorID,
            ].compactMap({ $0 })
          {
            expectPrintable(text, "a finding's text")
          }
          if finding.fingerprint.count != 32 { fatalError("a fingerprint of another length") }
        }
        if let next = page.next {
          for text in [next.result, next.page].compactMap({ $0 }) {
            expectPrintable(text, "a findings cursor")
          }
        }
      case .failure(let error): expectPrintable(error.message, "a findings answer's error")
      }
    }
  }
}

/// Stops the fuzzer when text that came from a server could move a terminal's cursor.
func expectPrintable(_ text: String, _ what: String) {
  for scalar in text.unicodeScalars
  where scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
  {
    fatalError("\(what) holds U+\(String(scalar.value, radix: 16)): \(text.debugDescription)")
  }
}
