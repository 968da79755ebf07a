import ScanplanJSON
import ScanplanVendorKit
import Testing

/// The vendors' own words in every error shape they use, and their wait hints.
@Suite struct ErrorAnswerTests {
  @Test(
    arguments: [
      (
        #"{"status":"error","error":{"code":"rate_limited","message":"Too many requests","retry_after":12}}"#,
        "Too many requests (rate_limited)", 12.0
      ),
      (#"{"status":"error","error":{"code":"not_found"}}"#, "not_found", nil),
      (#"{"message":"asset_id does not exist"}"#, "asset_id does not exist", nil),
      (#"{"message":"slow down","retryAfter":2.5}"#, "slow down", 2.5),
      (#"{"error":"bad token","retry_after":"30"}"#, "bad token", 30),
    ] as [(String, String?, Double?)])
  func s4eErrorsInEveryShape(_ body: String, _ message: String?, _ wait: Double?) {
    let details = s4e.errorDetails(in: answer(429, body))
    #expect(details.message == message)
    #expect(details.retryAfter == wait)
  }

  @Test func invictiErrorsGiveTheReasonThenTheDetails() {
    let details = invicti.errorDetails(
      in: answer(
        400,
        #"{"code":42,"reason":"Validation failed","details":["target_id: unknown",{"param":"profile_id"}]}"#
      ))
    #expect(
      details.message
        == #"Validation failed: target_id: unknown; {"param":"profile_id"} (code 42)"#)
    #expect(
      invicti.errorDetails(in: answer(404, #"{"code":404,"reason":"Not found","details":[]}"#))
        .message == "Not found")
    #expect(
      invicti.errorDetails(in: answer(400, #"{"message":"seed shape"}"#)).message == "seed shape")
  }

  @Test func errorsThatSayNothingGiveNothing() {
    for api in [s4e, invicti] {
      #expect(api.errorDetails(in: answer(500, "")) == ErrorDetails())
      #expect(api.errorDetails(in: answer(502, "<html>Bad Gateway</html>")) == ErrorDetails())
      #expect(api.errorDetails(in: answer(bytes: [0xFF])) == ErrorDetails())
      #expect(
        api.errorDetails(in: answer(500, #"{"retry_after":-3,"message":""}"#)) == ErrorDetails())
    }
  }

  @Test func aLongMessageIsClippedToOneLine() {
    let long = String(repeating: "word ", count: 100)
    let message = s4e.errorDetails(in: answer(400, #"{"message":"first line\n\#(long)"}"#)).message
    #expect(message == "first line")
    let clipped = s4e.errorDetails(in: answer(400, #"{"message":"\#(long)"}"#)).message
    #expect(clipped?.count == 203)
    #expect(clipped?.hasSuffix("...") == true)
  }
}
