import ScanplanJSON
import ScanplanVendorKit
import Testing

/// Poll answers: each vendor's vocabulary, its shapes, and odd answers in words.
@Suite struct PollAnswerTests {
  /// An Invicti scan answer in the reference's shape: one object.
  static func invictiScan(_ id: String = "abc", status: String, extra: String = "") -> String {
    #"{"scan_id":"\#(id)","current_session":{"status":"\#(status)","progress":40\#(extra)}}"#
  }

  @Test(arguments: [
    ("scheduled", ScanState.queued), ("queued", .queued), ("starting", .queued),
    ("processing", .running), ("aborting", .running), ("pausing", .paused), ("paused", .paused),
    ("resuming", .paused), ("completed", .completed), ("failed", .failed), ("aborted", .cancelled),
    ("Processing", .running), ("scanning", .unknown), ("warming_up", .unknown),
  ])
  func invictiStatusesMeanWhatItsReferenceSays(_ status: String, _ state: ScanState) throws {
    let reading = try invicti.reading(
      ofPollAnswer: answer(Self.invictiScan(status: status)), scanID: "abc"
    ).get()
    #expect(reading.state == state)
    #expect(reading.status == status)
    #expect(reading.progress == 40)
  }

  @Test(arguments: [
    ("queued", ScanState.queued), ("running", .running), ("completed", .completed),
    ("failed", .failed), ("cancelled", .cancelled), ("RUNNING", .running), ("paused", .unknown),
  ])
  func s4eStatusesMeanWhatItsDocumentSays(_ status: String, _ state: ScanState) throws {
    let bare = try s4e.reading(ofPollAnswer: answer(#"{"status":"\#(status)"}"#), scanID: "x").get()
    let enveloped = try s4e.reading(
      ofPollAnswer: answer(
        #"{"data":{"scan_id":"x","status":"\#(status)","progress":55,"current_phase":"crawl"}}"#),
      scanID: "x"
    ).get()
    #expect(bare.state == state)
    #expect(enveloped.state == state)
    #expect(enveloped.progress == 55)
  }

  @Test func pausedShowsAsPausedWithTheVendorsWordKept() throws {
    let reading = try invicti.reading(
      ofPollAnswer: answer(Self.invictiScan(status: "pausing")), scanID: "abc"
    ).get()
    #expect(reading.shownStatus == "paused")
    #expect(reading.status == "pausing")
    let unknown = PollReading(status: "warming_up", state: .unknown)
    #expect(unknown.shownStatus == "warming_up")
  }

  @Test func aListIsSearchedForTheScanNeverTakenFirst() throws {
    let body =
      #"{"scans":[\#(Self.invictiScan("other", status: "failed")),\#(Self.invictiScan("abc", status: "processing"))]}"#
    let reading = try invicti.reading(ofPollAnswer: answer(body), scanID: "abc").get()
    #expect(reading.state == .running)
    #expect(
      outcome(invicti.reading(ofPollAnswer: answer(body), scanID: "mine"))
        == "error: the scan answer lists 2 scans, none of them `mine`")
  }

  @Test func severityCountsKeepWhatIsReportedAndNothingElse() throws {
    // An older server: no `critical`; and a count that is not a number.
    let extra =
      #","severity_counts":{"high":2,"medium":"3","low":-1,"info":7},"scan_session_id":"s-1""#
    let reading = try invicti.reading(
      ofPollAnswer: answer(Self.invictiScan(status: "completed", extra: extra)), scanID: "abc"
    ).get()
    #expect(reading.severityCounts == ["high": 2, "info": 7])
    #expect(reading.sessionID == "s-1")
  }

  @Test func aStatusFullOfEscapeCodesIsMadePrintable() throws {
    let reading = try s4e.reading(
      ofPollAnswer: answer(#"{"status":"\u001b]0;owned\u0007running\u202eX"}"#), scanID: "x"
    ).get()
    #expect(reading.status == "?]0;owned?running?X")
    #expect(reading.state == .unknown)
  }

  static let odd: [AnswerCase] = [
    AnswerCase(
      name: "S4E status of the wrong type", api: s4e, response: answer(#"{"status":3}"#),
      expected: "error: the status answer's `status` is a number, not a string"),
    AnswerCase(
      name: "S4E without a status", api: s4e, response: answer(#"{"data":{"progress":1}}"#),
      expected: "error: the status answer has no `status`"),
    AnswerCase(
      name: "S4E status of another scan", api: s4e,
      response: answer(#"{"scan_id":"y","status":"running"}"#),
      expected: "error: the status answer is for scan `y`, not `x`"),
    AnswerCase(
      name: "S4E HTML", api: s4e,
      response: answer("<html></html>", headers: [HTTPHeader("Content-Type", "text/html")]),
      expected: "error: the status answer is `text/html`, not JSON"),
    AnswerCase(
      name: "S4E truncated JSON without a content type", api: s4e,
      response: answer(#"{"status":"runn"#, headers: []),
      expected: "error: the status answer is not a JSON object"),
    AnswerCase(
      name: "S4E not UTF-8", api: s4e, response: answer(bytes: [0x7B, 0xFF, 0x7D]),
      expected: "error: the status answer is not UTF-8 text"),
    AnswerCase(
      name: "Invicti status of the wrong type", api: invicti,
      response: answer(#"{"scan_id":"x","current_session":{"status":null}}"#),
      expected: "error: the scan answer's `current_session.status` is null, not a string"),
    AnswerCase(
      name: "Invicti without a session", api: invicti, response: answer(#"{"scan_id":"x"}"#),
      expected: "error: the scan answer has no `current_session`"),
    AnswerCase(
      name: "Invicti session of the wrong type", api: invicti,
      response: answer(#"{"current_session":"done"}"#),
      expected: "error: the scan answer's `current_session` is a string, not an object"),
    AnswerCase(
      name: "Invicti scan of another id", api: invicti,
      response: answer(#"{"scan_id":"y","current_session":{"status":"completed"}}"#),
      expected: "error: the scan answer is for scan `y`, not `x`"),
    AnswerCase(
      name: "Invicti scans that are no list", api: invicti, response: answer(#"{"scans":{}}"#),
      expected: "error: the scan answer's `scans` is an object, not a list"),
    AnswerCase(
      name: "Invicti list of one other scan", api: invicti,
      response: answer(#"{"scans":[{"scan_id":"y"},7,null]}"#),
      expected: "error: the scan answer lists 3 scans, none of them `x`"),
  ]

  @Test(arguments: odd)
  func anOddAnswerIsAnErrorInWords(_ test: AnswerCase) {
    #expect(outcome(test.api.reading(ofPollAnswer: test.response, scanID: "x")) == test.expected)
  }

  @Test func aTenMegabyteAnswerIsReadWithoutHarm() throws {
    let padding = String(repeating: "x", count: 10 << 20)
    let reading = try s4e.reading(
      ofPollAnswer: answer(#"{"status":"running","padding":"\#(padding)"}"#), scanID: "x"
    ).get()
    #expect(reading.state == .running)
  }
}
