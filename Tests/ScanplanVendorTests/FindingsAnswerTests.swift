import ScanplanInvicti
import ScanplanJSON
import ScanplanS4E
import ScanplanVendorKit
import Testing

/// Each vendor's findings, read into the one model: paging, severities, suppressed
/// statuses, and pages that cannot be read.
@Suite struct FindingsAnswerTests {
  static let s4eTrigger = TriggerInput(
    assetKeys: [AssetKey("asset_id", "a1b2c3d4-e5f6-7890-abcd-ef1234567890")],
    settings: ["scan_type": "web_app"])

  static func s4eScan(_ id: String = "sc-1") -> FindingsScan {
    FindingsScan(scanID: id, sessionID: nil, trigger: s4eTrigger)
  }

  static func s4eItem(
    _ id: String, severity: String = "high", status: String = "open", title: String = "XSS"
  ) -> String {
    #"{"id":"\#(id)","title":"\#(title)","severity":"\#(severity)","status":"\#(status)","url":"https://shop.example/search?q=1","parameter":"q"}"#
  }

  @Test func s4eAsksPageByPage() throws {
    let first = s4e.findingsRequest(
      Self.s4eScan(), cursor: nil, baseURL: "https://api.s4e.io", token: "t")
    #expect(first.url == "https://api.s4e.io/api/findings?scan_id=sc-1&page=1&per_page=100")
    #expect(first.headers.map(\.name) == ["Authorization", "Accept"])
    let third = s4e.findingsRequest(
      Self.s4eScan(), cursor: FindingsCursor(page: "3"), baseURL: "https://api.s4e.io",
      token: "t")
    #expect(third.url.hasSuffix("&page=3&per_page=100"))
  }

  /// The guide's bare list has a next page while a page comes back full; the reference's
  /// `meta` says how many pages there are.
  @Test(
    arguments: [
      (100, "", FindingsCursor?.some(FindingsCursor(page: "2"))),
      (37, "", nil),
      (
        5, #","meta":{"page":1,"per_page":5,"total":12,"total_pages":3}"#, FindingsCursor(page: "2")
      ),
      (2, #","meta":{"page":3,"per_page":5,"total":12,"total_pages":3}"#, nil),
    ] as [(Int, String, FindingsCursor?)])
  func s4eReadsBothShapesAndKnowsWhenItEnds(_ count: Int, _ meta: String, _ next: FindingsCursor?)
    throws
  {
    let items = (0..<count).map { Self.s4eItem("f-\($0)") }.joined(separator: ",")
    let key = meta.isEmpty ? "findings" : "data"
    let page = try s4e.findings(
      in: answer(#"{"\#(key)":[\#(items)]\#(meta)}"#), of: Self.s4eScan(),
      cursor: meta.contains("\"page\":3") ? FindingsCursor(page: "3") : nil
    ).get()
    #expect(page.findings.count == count)
    #expect(page.next == next)
  }

  @Test func s4eStatusesOtherThanOpenAndConfirmedAreSuppressed() throws {
    let statuses = ["open", "confirmed", "resolved", "accepted", "accepted_risk", "false_positive"]
    let items = statuses.enumerated().map { Self.s4eItem("f-\($0.offset)", status: $0.element) }
    let page = try s4e.findings(
      in: answer(#"{"findings":[\#(items.joined(separator: ","))]}"#), of: Self.s4eScan(),
      cursor: nil
    ).get()
    #expect(page.findings.map(\.suppressed) == [false, false, true, true, true, true])
    let first = try #require(page.findings.first)
    #expect(first.check == "XSS" && first.name == "XSS")
    #expect(first.severity == .high)
    #expect(first.url == "https://shop.example/search?q=1" && first.input == "q")
    #expect(first.vendorID == "f-0")
    #expect(first.confidence == nil)
  }

  @Test func invictiFindsItsResultThenPagesTheVulnerabilities() throws {
    let scan = FindingsScan(scanID: "i-1", sessionID: nil, trigger: invictiTrigger)
    let results = invicti.findingsRequest(scan, cursor: nil, baseURL: "https://h:3443", token: "t")
    #expect(results.url == "https://h:3443/api/v1/scans/i-1/results?l=100")
    let found = try invicti.findings(
      in: answer(#"{"results":[{"scan_id":"i-1","result_id":"r-9","status":"completed"}]}"#),
      of: scan, cursor: nil
    ).get()
    #expect(found.findings.isEmpty)
    #expect(found.next == FindingsCursor(result: "r-9"))
    let first = invicti.findingsRequest(
      scan, cursor: found.next, baseURL: "https://h:3443", token: "t")
    #expect(first.url == "https://h:3443/api/v1/scans/i-1/results/r-9/vulnerabilities?l=100")
    // A session id from the poll is the result: no results request.
    let known = FindingsScan(scanID: "i-1", sessionID: "s-2", trigger: invictiTrigger)
    let direct = invicti.findingsRequest(known, cursor: nil, baseURL: "https://h:3443", token: "t")
    #expect(direct.url.hasSuffix("/scans/i-1/results/s-2/vulnerabilities?l=100"))
    let later = invicti.findingsRequest(
      known, cursor: FindingsCursor(result: "s-2", page: "100"), baseURL: "https://h:3443",
      token: "t")
    #expect(later.url.hasSuffix("/vulnerabilities?l=100&c=100"))
  }

  @Test(
    arguments: [
      (#"{"next_cursor":"100"}"#, FindingsCursor?.some(FindingsCursor(result: "s-2", page: "100"))),
      (#"{"cursors":["0","50"]}"#, FindingsCursor(result: "s-2", page: "50")),
      (#"{"next_cursor":null}"#, nil), ("{}", nil),
    ] as [(String, FindingsCursor?)])
  func invictiMapsSeveritiesAndFollowsItsCursor(_ pagination: String, _ next: FindingsCursor?)
    throws
  {
    let scan = FindingsScan(scanID: "i-1", sessionID: "s-2", trigger: invictiTrigger)
    let items = [(4, "open"), (3, "open"), (2, "fixed"), (1, "ignored"), (0, "false_positive")]
      .enumerated().map { index, item in
        #"{"vuln_id":"v\#(index)","vt_id":"vt-\#(index)","vt_name":"Check \#(index)","severity":\#(item.0),"confidence":\#(90 + index),"status":"\#(item.1)","affects_url":"https://t.example/p\#(index)","affects_detail":"id"}"#
      }
    let page = try invicti.findings(
      in: answer(
        #"{"vulnerabilities":[\#(items.joined(separator: ","))],"pagination":\#(pagination)}"#),
      of: scan, cursor: FindingsCursor(result: "s-2")
    ).get()
    #expect(page.findings.map(\.severity) == [.critical, .high, .medium, .low, .info])
    #expect(page.findings.map(\.suppressed) == [false, false, true, true, true])
    #expect(page.findings.map(\.check) == ["vt-0", "vt-1", "vt-2", "vt-3", "vt-4"])
    #expect(page.findings[0].confidence == "90" && page.findings[0].input == "id")
    #expect(page.next == next)
  }

  /// A page that cannot be read is an error in words: a gate must not pass on findings
  /// left out.
  @Test(arguments: [
    ("s4e", #"{"findings":"none"}"#, "error: the findings answer has no `findings` or `data` list"),
    (
      "s4e", #"{"findings":[{"severity":"high"}]}"#,
      "error: finding 1 of the page: it has no `title`"
    ),
    (
      "s4e", #"{"findings":[{"title":"x","severity":"urgent"}]}"#,
      "error: finding 1 of the page: its `severity` is `urgent`"
    ),
    ("s4e", #"{"findings":[3]}"#, "error: finding 1 of the page: it is a number, not an object"),
    (
      "invicti", #"{"vulnerabilities":[{"vt_id":"a","severity":7}]}"#,
      "error: vulnerability 1 of the page: its `severity` is not one of 0 to 4"
    ),
    (
      "invicti", #"{"vulnerabilities":[{"severity":2}]}"#,
      "error: vulnerability 1 of the page: it has no usable `vt_id`"
    ),
    (
      "invicti", #"{"items":[]}"#, "error: the vulnerabilities answer has no `vulnerabilities` list"
    ),
  ])
  func aPageThatCannotBeReadSaysWhy(_ vendor: String, _ body: String, _ expected: String) {
    let api = vendor == "s4e" ? s4e : invicti
    let scan = FindingsScan(
      scanID: "x", sessionID: "s", trigger: vendor == "s4e" ? Self.s4eTrigger : invictiTrigger)
    #expect(outcome(api.findings(in: answer(body), of: scan, cursor: nil)) == expected)
  }

  /// Invicti's first result, when the poll gave no session; none is an error.
  @Test func invictiWithoutAResultSaysSo() {
    let scan = FindingsScan(scanID: "i-1", sessionID: nil, trigger: invictiTrigger)
    #expect(
      outcome(invicti.findings(in: answer(#"{"results":[]}"#), of: scan, cursor: nil))
        == "error: the results answer lists no result with a `result_id`")
  }
}
