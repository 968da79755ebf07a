import ScanplanJSON
import ScanplanVendorKit
import ScanplanZAP
import Testing

/// ZAP's answers as `openapi.yaml` and its guides show them, and the odd ones.
@Suite struct ZAPAnswerTests {
  static let api = ZAP.vendor.api as! any ListsScans & ListsFindings & RunsInStages

  static func answer(_ status: Int, _ body: String) -> HTTPResponse {
    HTTPResponse(
      status: status, headers: [HTTPHeader("Content-Type", "application/json")],
      body: Array(body.utf8))
  }

  static func trigger(_ settings: JSONObject) -> TriggerInput {
    TriggerInput(
      assetKeys: [AssetKey("url", "https://shop.example.test/")], settings: settings)
  }

  static let spider = trigger(["scan_type": "spider"])
  static let active = trigger(["scan_type": "active"])
  static let attackOnly = trigger([
    "scan_type": "active", "options": .object(["crawl_first": false]),
  ])

  @Test func aCrawlThenAnAttack() throws {
    let api = Self.api
    let first = api.triggerRequest(Self.active, baseURL: "http://zap:8080", token: "K")
    #expect(first.method == "GET")
    #expect(
      first.url == "http://zap:8080/JSON/spider/action/scan/?url=https%3A%2F%2Fshop.example.test%2F"
    )
    #expect(first.headers == [HTTPHeader("X-ZAP-API-Key", "K")])
    let crawl = try api.scanID(
      inTriggerAnswer: Self.answer(200, #"{"scan":"3"}"#), trigger: Self.active
    )
    .get()
    #expect(crawl == "spider:3")
    #expect(
      api.pollRequest(scanID: crawl, baseURL: "http://zap:8080", token: "K").url
        == "http://zap:8080/JSON/spider/view/status/?scanId=3")
    let attack = try #require(
      api.nextStage(after: crawl, trigger: Self.active, baseURL: "http://zap:8080", token: "K"))
    #expect(attack.url.hasPrefix("http://zap:8080/JSON/ascan/action/scan/?url="))
    let attackID = try api.scanID(
      inStageAnswer: Self.answer(200, #"{"scan":"0"}"#), after: crawl, trigger: Self.active
    ).get()
    #expect(attackID == "active:0")
    #expect(
      api.pollRequest(scanID: attackID, baseURL: "http://zap:8080", token: "K").url
        == "http://zap:8080/JSON/ascan/view/status/?scanId=0")
    // After the attack, and for a crawl alone, nothing follows.
    #expect(api.nextStage(after: attackID, trigger: Self.active, baseURL: "", token: "") == nil)
    #expect(api.nextStage(after: crawl, trigger: Self.spider, baseURL: "", token: "") == nil)
    #expect(api.laterStages(Self.active, baseURL: "", token: "").count == 1)
    #expect(api.laterStages(Self.spider, baseURL: "", token: "").isEmpty)
  }

  @Test func anAttackToldNotToCrawlIsOneStage() throws {
    let request = Self.api.triggerRequest(Self.attackOnly, baseURL: "http://h", token: "K")
    #expect(request.url.hasPrefix("http://h/JSON/ascan/action/scan/?url="))
    #expect(Self.api.laterStages(Self.attackOnly, baseURL: "", token: "").isEmpty)
    let id = try Self.api.scanID(
      inTriggerAnswer: Self.answer(200, #"{"scan":"12"}"#), trigger: Self.attackOnly
    ).get()
    #expect(id == "active:12")
  }

  @Test func optionsAreSentAsZAPNamesThem() {
    let crawl = Self.trigger([
      "scan_type": "spider",
      "options": .object([
        "max_children": 5, "recurse": false, "subtree_only": true, "context_name": "shop & co",
        "scan_policy_name": "ignored by a crawl",
      ]),
    ])
    #expect(
      Self.api.triggerRequest(crawl, baseURL: "http://h", token: "K").url
        == "http://h/JSON/spider/action/scan/?url=https%3A%2F%2Fshop.example.test%2F"
        + "&maxChildren=5&recurse=false&contextName=shop%20%26%20co&subtreeOnly=true")
    let attack = Self.trigger([
      "scan_type": "active",
      "options": .object([
        "crawl_first": false, "in_scope_only": true, "scan_policy_name": "Quick", "method": "POST",
        "post_data": "a=1&b=2", "context_id": 4, "max_children": 9,
      ]),
    ])
    #expect(
      Self.api.triggerRequest(attack, baseURL: "http://h", token: "K").url
        == "http://h/JSON/ascan/action/scan/?url=https%3A%2F%2Fshop.example.test%2F"
        + "&inScopeOnly=true&scanPolicyName=Quick&method=POST&postData=a%3D1%26b%3D2&contextId=4")
  }

  struct PollCase: Sendable, CustomTestStringConvertible {
    let body: String
    let expected: String
    var testDescription: String { body }
  }

  static let polls = [
    PollCase(body: #"{"status":"0"}"#, expected: "running 0"),
    PollCase(body: #"{"status":"57"}"#, expected: "running 57"),
    PollCase(body: #"{"status":57}"#, expected: "running 57"),
    PollCase(body: #"{"status":"100"}"#, expected: "completed 100"),
    PollCase(body: #"{"status":"101"}"#, expected: "error"),
    PollCase(body: #"{"status":"-1"}"#, expected: "error"),
    PollCase(body: #"{"status":"done"}"#, expected: "error"),
    PollCase(body: #"{"status":true}"#, expected: "error"),
    PollCase(body: #"{"scan":"1"}"#, expected: "error"),
    PollCase(body: "<html>", expected: "error"),
  ]

  @Test(arguments: polls) func aStatusIsAPercentage(_ test: PollCase) {
    switch Self.api.reading(ofPollAnswer: Self.answer(200, test.body), scanID: "active:1") {
    case .success(let reading):
      #expect("\(reading.state.rawValue) \(reading.progress ?? -1)" == test.expected)
    case .failure(let error):
      #expect(test.expected == "error", "\(error.message)")
      #expect(!error.message.isEmpty)
    }
  }

  struct ClassCase: Sendable, CustomTestStringConvertible {
    let status: Int
    let body: String
    let expected: AnswerClass
    var testDescription: String { "\(status) \(body)" }
  }

  static let classes = [
    ClassCase(status: 200, body: #"{"scan":"1"}"#, expected: .answer),
    ClassCase(
      status: 400, body: #"{"code":"bad_api_key","message":"Bad API Key"}"#, expected: .unauthorized
    ),
    ClassCase(
      status: 403, body: #"{"code":"no_access","message":"No Access"}"#, expected: .unauthorized),
    ClassCase(
      status: 400, body: #"{"code":"url_not_found","message":"URL Not Found in the Scan Tree"}"#,
      expected: .answer),
    ClassCase(
      status: 404, body: #"{"code":"does_not_exist","message":"Does Not Exist"}"#, expected: .answer
    ),
    ClassCase(
      status: 500, body: #"{"code":"internal_error","message":"Internal Error"}"#,
      expected: .transient),
    // An error inside a 200, as some versions and proxies send it.
    ClassCase(
      status: 200, body: #"{"code":"illegal_parameter","message":"Illegal Parameter (url)"}"#,
      expected: .rejected),
    ClassCase(
      status: 200, body: #"{"code":"bad_api_key","message":"Bad API Key"}"#, expected: .unauthorized
    ),
    ClassCase(status: 429, body: "", expected: .throttled),
  ]

  @Test(arguments: classes) func eachAnswerIsClassified(_ test: ClassCase) {
    #expect(Self.api.classify(Self.answer(test.status, test.body)) == test.expected)
  }

  @Test func errorsGiveTheMessageAndTheCode() {
    let details = Self.api.errorDetails(
      in: Self.answer(400, #"{"code":"url_not_found","message":"URL Not Found in the Scan Tree"}"#))
    #expect(details.message == "URL Not Found in the Scan Tree (url_not_found)")
    #expect(details.retryAfter == nil)
    #expect(Self.api.errorDetails(in: Self.answer(500, "oops")).message == nil)
  }

  @Test func aScanAnswerThatIsNoNumberIsAnError() {
    for body in [#"{"scan":"../1"}"#, #"{"scan":""}"#, #"{}"#, #"{"scan":[1]}"#, "[]"] {
      let result = Self.api.scanID(inTriggerAnswer: Self.answer(200, body), trigger: Self.spider)
      guard case .failure(let error) = result else {
        Issue.record("\(body) was read")
        continue
      }
      #expect(!error.message.isEmpty)
    }
    #expect(Self.api.scanID(inConflictAnswer: Self.answer(409, #"{"scan":"1"}"#)) == nil)
  }

  @Test func aScanAt100PercentWaitsForThePassiveScanner() throws {
    let api = Self.api
    let running = [Self.answer(200, #"{"status":"57"}"#)]
    #expect(
      api.pollFollowUp(scanID: "active:1", answers: running, baseURL: "http://h", token: "K") == nil
    )
    let done = [Self.answer(200, #"{"status":"100"}"#)]
    let followUp = try #require(
      api.pollFollowUp(scanID: "active:1", answers: done, baseURL: "http://h", token: "K"))
    #expect(followUp.url == "http://h/JSON/pscan/view/recordsToScan/")
    #expect(followUp.headers == [HTTPHeader("X-ZAP-API-Key", "K")])
    func read(_ body: String) -> Result<PollReading, AnswerError> {
      api.reading(ofPollAnswers: done + [Self.answer(200, body)], scanID: "active:1")
    }
    let left = try read(#"{"recordsToScan":"12"}"#).get()
    #expect(left.state == .running && left.status == "passive scanning")
    #expect(try read(#"{"recordsToScan":"0"}"#).get().state == .completed)
    #expect(try read(#"{"recordsToScan":0}"#).get().state == .completed)
    for bad in [#"{"recordsToScan":"-1"}"#, #"{"recordsToScan":"x"}"#, "{}", "<html>"] {
      guard case .failure = read(bad) else {
        Issue.record("\(bad) was read")
        continue
      }
    }
    // Two answers are the whole poll.
    #expect(
      api.pollFollowUp(
        scanID: "active:1", answers: done + [Self.answer(200, #"{"recordsToScan":"0"}"#)],
        baseURL: "", token: "") == nil)
  }
}
