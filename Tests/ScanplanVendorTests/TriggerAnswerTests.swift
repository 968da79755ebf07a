import ScanplanJSON
import ScanplanVendorKit
import Testing

/// Every shape of trigger answer the seeds and the vendors' references show, and the odd
/// ones a broken server sends: the scan id, or an error in words. Never a trap.
@Suite struct TriggerAnswerTests {
  static let cases: [AnswerCase] = [
    AnswerCase(
      name: "S4E as the seed shows it", api: s4e,
      response: answer(
        201, #"{"scan_id":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","status":"queued"}"#),
      expected: "a1b2c3d4-e5f6-7890-abcd-ef1234567890"),
    AnswerCase(
      name: "S4E in its reference's envelope, an id that is no UUID", api: s4e,
      response: answer(201, #"{"data":{"scan_id":"sc-44021","status":"queued"}}"#),
      expected: "sc-44021"),
    AnswerCase(
      name: "S4E with a numeric id", api: s4e, response: answer(201, #"{"scan_id":44021}"#),
      expected: "44021"),
    AnswerCase(
      name: "S4E without an id", api: s4e, response: answer(201, #"{"status":"queued"}"#),
      expected: "error: the trigger answer has no `scan_id`"),
    AnswerCase(
      name: "S4E with an id of the wrong type", api: s4e,
      response: answer(201, #"{"scan_id":true}"#),
      expected: "error: the trigger answer's `scan_id` is a boolean, not a string"),
    AnswerCase(
      name: "S4E with an id holding escape codes", api: s4e,
      response: answer(201, #"{"scan_id":"x\u001b[2J"}"#),
      expected:
        "error: the trigger answer's `scan_id` is not a usable id (it holds control characters)"),
    AnswerCase(
      name: "S4E with a 300-character id", api: s4e,
      response: answer(201, #"{"scan_id":""# + String(repeating: "a", count: 300) + #""}"#),
      expected:
        "error: the trigger answer's `scan_id` is not a usable id (longer than 200 characters)"),
    AnswerCase(
      name: "S4E answering plain text", api: s4e,
      response: answer(
        201, "created", headers: [HTTPHeader("Content-Type", "text/plain; charset=utf-8")]),
      expected: "error: the trigger answer is `text/plain`, not JSON"),
    AnswerCase(
      name: "S4E answering bytes that are not UTF-8", api: s4e,
      response: answer(bytes: Array(#"{"scan_id":"a"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)),
      expected: "error: the trigger answer is not UTF-8 text"),
    AnswerCase(
      name: "S4E answering a list", api: s4e, response: answer(201, #"[{"scan_id":"a"}]"#),
      expected: "error: the trigger answer is an array, not a JSON object"),
    AnswerCase(
      name: "S4E answering nothing", api: s4e, response: answer(201, ""),
      expected: "error: the trigger answer is empty"),
    AnswerCase(
      name: "Invicti with the id in the body and Location, as the seed shows", api: invicti,
      response: answer(
        201, #"{"scan_id":"cda0f3cf-5a2d-41eb-a9fb-5fa661167fd9"}"#,
        headers: [HTTPHeader("Location", "/api/v1/scans/cda0f3cf-5a2d-41eb-a9fb-5fa661167fd9")]),
      expected: "cda0f3cf-5a2d-41eb-a9fb-5fa661167fd9"),
    AnswerCase(
      name: "Invicti with only an absolute Location and no body, as the reference shows",
      api: invicti,
      response: answer(
        201, "",
        headers: [HTTPHeader("Location", "https://acunetix.internal:3443/api/v1/scans/abc-123")]),
      expected: "abc-123"),
    AnswerCase(
      name: "Invicti with a relative Location, a query and a trailing slash", api: invicti,
      response: answer(
        201, "{}", headers: [HTTPHeader("location", "/api/v1/scans/abc-123/?from=ui#x")]),
      expected: "abc-123"),
    AnswerCase(
      name: "Invicti with a percent-encoded id in Location", api: invicti,
      response: answer(201, "{}", headers: [HTTPHeader("Location", "/api/v1/scans/abc%2D123")]),
      expected: "abc-123"),
    AnswerCase(
      name: "Invicti with a wrong-typed body id but a good Location", api: invicti,
      response: answer(
        201, #"{"scan_id":{}}"#, headers: [HTTPHeader("Location", "/api/v1/scans/abc-123")]),
      expected: "abc-123"),
    AnswerCase(
      name: "Invicti with `Location: ?` and no id, which once trapped", api: invicti,
      response: answer(201, #"{"target_id":"t"}"#, headers: [HTTPHeader("Location", "?")]),
      expected: "error: the trigger answer has no `scan_id`, and its `Location` (`?`) names no scan"
    ),
    AnswerCase(
      name: "Invicti with a Location that names the collection only", api: invicti,
      response: answer(201, "", headers: [HTTPHeader("Location", "https://host/api/v1/scans/")]),
      expected:
        "error: the trigger answer has no `scan_id`, and its `Location` (`https://host/api/v1/scans/`) names no scan"
    ),
    AnswerCase(
      name: "Invicti with a wrong-typed id and no Location", api: invicti,
      response: answer(201, #"{"scan_id":12.5}"#),
      expected: "error: the trigger answer's `scan_id` is a number, not a string"),
    AnswerCase(
      name: "Invicti with neither", api: invicti, response: answer(201, "not json"),
      expected: "error: the trigger answer has no `scan_id` and no `Location` header"),
  ]

  @Test(arguments: cases)
  func readsTheScanIDOrSaysWhyNot(_ test: AnswerCase) {
    #expect(
      outcome(
        test.api.scanID(
          inTriggerAnswer: test.response, trigger: TriggerInput(assetKeys: [], settings: [:])))
        == test.expected)
  }

  @Test func aConflictNamesTheRunningScanInEveryShape() {
    #expect(s4e.scanID(inConflictAnswer: answer(409, #"{"scan_id":"run-1"}"#)) == "run-1")
    #expect(s4e.scanID(inConflictAnswer: answer(409, #"{"data":{"scan_id":"run-2"}}"#)) == "run-2")
    #expect(
      s4e.scanID(
        inConflictAnswer: answer(
          409, #"{"status":"error","error":{"code":"scan_in_progress","scan_id":"run-3"}}"#))
        == "run-3")
    #expect(s4e.scanID(inConflictAnswer: answer(409, #"{"message":"busy"}"#)) == nil)
    #expect(s4e.scanID(inConflictAnswer: answer(409, "<html>")) == nil)
    #expect(invicti.scanID(inConflictAnswer: answer(409, #"{"code":409}"#)) == nil)
  }
}
