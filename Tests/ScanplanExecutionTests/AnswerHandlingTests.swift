import ScanplanExecution
import ScanplanPlan
import ScanplanReport
import ScanplanVendorKit
import Testing

/// What the scheduler does with answers a vendor's reader finds odd, with the vendors'
/// own words, and with the counts a gate reads.
@Suite struct AnswerHandlingTests {
  /// Triggers answered `trigger`, polls answered completed.
  static func answering(_ trigger: HTTPResponse) -> (HTTPRequest, Double) -> (
    Result<HTTPResponse, TransportError>, latency: Double
  ) {
    { request, _ in
      request.method == "POST"
        ? (.success(trigger), 0)
        : (.success(HTTPResponse(status: 200, text: #"{"status":"completed"}"#)), 0)
    }
  }

  @Test func aTriggerAnswerWithoutAUsableIDErrorsAtOnceAndIsNotSentAgain() throws {
    let simulation = Simulation(
      try runPlan(s4ePlan(assets: 2)),
      answer: Self.answering(HTTPResponse(status: 201, text: #"{"scan_id":[1]}"#)))
    #expect(simulation.run())
    #expect(
      simulation.outcome("asset-0/s0")
        == .errored(
          "the trigger was answered 201, but the trigger answer's `scan_id` is an array, not a string; "
            + "the scan may have been created, so it is not triggered again"))
    #expect(simulation.sends(of: .trigger).count == 2)
  }

  @Test func anIDAnotherScanOwnsIsNotPolledTwice() throws {
    let simulation = Simulation(
      try runPlan(s4ePlan(assets: 2)),
      answer: Self.answering(HTTPResponse(status: 201, text: #"{"scan_id":"same"}"#)))
    #expect(simulation.run())
    #expect(simulation.outcome("asset-0/s0") == .completed)
    #expect(
      simulation.outcome("asset-1/s0")
        == .errored(
          "the trigger was answered with scan same, which is already asset-0/s0's; not polling one scan as two"
        ))
  }

  @Test func theVendorsWordsReachTheReasonInEveryShape() throws {
    let s4eEnvelope = Simulation(
      try runPlan(s4ePlan(assets: 1)),
      answer: Self.answering(
        HTTPResponse(
          status: 404,
          text: #"{"status":"error","error":{"code":"not_found","message":"Asset not found"}}"#)))
    #expect(s4eEnvelope.run())
    #expect(
      s4eEnvelope.outcome("asset-0/s0")
        == .failed("the trigger was answered 404: Asset not found (not_found)"))
    let invicti = Simulation(
      try runPlan(invictiPlan(targets: 1)),
      answer: Self.answering(
        HTTPResponse(
          status: 400,
          text: #"{"code":400,"reason":"Invalid target","details":["target_id: no such target"]}"#))
    )
    #expect(invicti.run())
    #expect(
      invicti.outcome("api-0/scan")
        == .failed("the trigger was answered 400: Invalid target: target_id: no such target"))
  }

  @Test func unauthorizedAndServerErrorsCarryTheVendorsWordsToo() throws {
    let refused = Simulation(
      try runPlan(s4ePlan(assets: 2)),
      answer: Self.answering(
        HTTPResponse(status: 401, text: #"{"status":"error","error":{"message":"token expired"}}"#))
    )
    #expect(refused.run())
    #expect(
      refused.outcome("asset-1/s0")
        == .refused(
          "the provider answered 401, refusing the credentials: check the `token` "
            + "(`${S4E_API_TOKEN}`) (token expired)"))
    // Every request, the listings after each lost trigger included, answered 503.
    let failing = Simulation(try runPlan(s4ePlan(assets: 1))) { _, _ in
      (.success(HTTPResponse(status: 503, text: #"{"message":"maintenance window"}"#)), 0)
    }
    #expect(failing.run())
    #expect(
      failing.outcome("asset-0/s0")
        == .errored(
          "the provider answered 503: maintenance window, 6 times in a row; not triggered "
            + "again, to make no second scan"))
  }

  @Test func retryAfterInS4EsErrorBodyIsHonoured() throws {
    let fake = FakeS4E(duration: 10)
    let simulation = Simulation(
      try runPlan(s4ePlan(assets: 2)),
      answer: SchedulerThrottlingTests.throttled(
        fake, from: 1, until: 1.5, retryAfter: { _ in [] },
        body:
          #"{"status":"error","error":{"code":"rate_limited","message":"slow","retry_after":9}}"#
      ))
    #expect(simulation.run())
    #expect(!simulation.sent.contains { $0.time > 1 && $0.time < 10 })
    #expect(simulation.sent.contains { $0.time == 10 })
  }

  @Test(
    arguments: [
      (#"{"high":2,"medium":0,"low":3}"#, "{ critical: 1 }", ["critical: not reported"]),
      (#"{"critical":0,"high":2,"info":7}"#, "{ critical: 1, info: 5 }", ["info: 7 >= 5"]),
      (#"{"critical":0,"high":2,"info":4}"#, "{ critical: 1, info: 5 }", []),
    ] as [(String, String, [String])])
  func gatesReadTheCountsAndFailOnTheUnreported(
    _ counts: String, _ gate: String, _ reasons: [String]
  ) throws {
    // Counts alone: the findings are not read.
    let yaml = invictiPlan(
      targets: 1,
      scans: "[{ profile_id: 11111111-1111-1111-1111-111111111112, fail_on: \(gate) }]",
      readFindings: false)
    let simulation = Simulation(try runPlan(yaml)) { request, _ in
      request.method == "POST"
        ? (
          .success(
            HTTPResponse(
              status: 201, headers: [HTTPHeader("Location", "/api/v1/scans/x")], text: "")), 0
        )
        : (
          .success(
            HTTPResponse(
              status: 200,
              text: #"{"current_session":{"status":"completed","severity_counts":\#(counts)}}"#)), 0
        )
    }
    #expect(simulation.run())
    #expect(simulation.core.records[0].gate == (reasons.isEmpty ? .passed : .failed(reasons)))
  }
}
