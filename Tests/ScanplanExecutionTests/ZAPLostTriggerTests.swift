import ScanplanExecution
import ScanplanPlan
import ScanplanReport
import ScanplanVendorKit
import Testing

/// ZAP lists every scan of a kind without its URL, so exactly-once rests on its triggers
/// going one at a time and on taking a listed scan only when nothing else of the run can
/// have made it.
@Suite struct ZAPLostTriggerTests {
  static let lost = TransportError(.timeout, "no answer within 30 s")

  /// The fake's answers, with the trigger answers numbered in `losing` lost, after the
  /// scan was made when `made`; each trigger answered after `latency` seconds.
  static func answers(
    _ fake: FakeZAP, losing: Set<Int>, made: Bool = true, latency: Double = 0
  ) -> (HTTPRequest, Double) -> (Result<HTTPResponse, TransportError>, latency: Double) {
    var triggers = 0
    return { request, now in
      guard request.url.contains("/action/scan/") else { return (fake.answer(request, now), 0) }
      triggers += 1
      guard losing.contains(triggers) else { return (fake.answer(request, now), latency) }
      if made { _ = fake.answer(request, now) }
      return (.failure(Self.lost), latency)
    }
  }

  static func url(_ index: Int) -> String { "https://site-\(index).example.test/" }

  @Test func aLostAnswerIsFoundInZAPsListAndNoTriggerLeavesMeanwhile() throws {
    let fake = FakeZAP()
    let simulation = Simulation(
      try runPlan(zapPlan(urls: 3)), census: true, answer: Self.answers(fake, losing: [1]))
    #expect(simulation.run())
    #expect(simulation.core.records.allSatisfy { $0.outcome == .completed })
    #expect((0..<3).map { fake.count(url: Self.url($0)) } == [1, 1, 1])
    #expect(simulation.core.records[0].origin == .recovered)
    #expect(simulation.core.records[0].scanID == "spider:0")
    let lookups = simulation.sends(of: .lookup)
    #expect(lookups.map(\.request.url) == ["http://127.0.0.1:3/JSON/spider/view/scans/"])
    #expect(simulation.sends(of: .census).count == 3)
    // The other scans' triggers waited until the lost one was found.
    let others = simulation.sends(of: .trigger).filter { $0.job != 0 }
    #expect(others.count == 2)
    #expect(others.allSatisfy { $0.time > lookups[0].time })
  }

  @Test func triggersGoOneAtATime() throws {
    let fake = FakeZAP()
    let simulation = Simulation(
      try runPlan(zapPlan(urls: 4)), census: true,
      answer: Self.answers(fake, losing: [], latency: 2))
    #expect(simulation.run())
    #expect(simulation.core.records.allSatisfy { $0.outcome == .completed })
    let times = simulation.sends(of: .trigger).map(\.time)
    #expect(times.count == 4)
    // Each left once the one before was answered, 2 s after it left.
    #expect(zip(times, times.dropFirst()).allSatisfy { $1 - $0 >= 2 }, "\(times)")
  }

  /// ZAP's list holds every scan the run made; the census keeps only the others, so it
  /// does not grow with the plan.
  @Test func theCensusKeepsOnlyScansThisRunDidNotMake() throws {
    let fake = FakeZAP()
    fake.add("spider", url: "https://elsewhere.example.test/", created: -100)
    let simulation = Simulation(
      try runPlan(zapPlan(urls: 4)), census: true, answer: Self.answers(fake, losing: []))
    #expect(simulation.run())
    let censuses = simulation.events.compactMap { entry -> [String]? in
      if case .census(_, let scanIDs) = entry.event { return scanIDs }
      return nil
    }
    #expect(censuses == Array(repeating: ["spider:0"], count: 4))
    #expect(fake.scans["spider"]?.count == 5)
  }

  @Test func anAttackThatDoesNotCrawlIsLookedForInTheAttacksList() throws {
    let fake = FakeZAP()
    let simulation = Simulation(
      try runPlan(zapPlan(urls: 1, scan: "{ scan_type: active, options: { crawl_first: false } }")),
      census: true, answer: Self.answers(fake, losing: [1]))
    #expect(simulation.run())
    #expect(simulation.core.records[0].outcome == .completed)
    #expect(simulation.core.records[0].scanID == "active:0")
    #expect(
      simulation.sends(of: .lookup).map(\.request.url) == [
        "http://127.0.0.1:3/JSON/ascan/view/scans/"
      ])
    #expect(fake.count(url: Self.url(0)) == 1)
  }

  @Test func severalNewScansEndTheScanRatherThanTakeOne() throws {
    let fake = FakeZAP()
    var triggers = 0
    let simulation = Simulation(try runPlan(zapPlan(urls: 1)), census: true) { request, now in
      guard request.url.contains("/action/scan/") else { return (fake.answer(request, now), 0) }
      triggers += 1
      _ = fake.answer(request, now)
      // Someone else crawls on the same daemon meanwhile.
      fake.add("spider", url: "https://elsewhere.example.test/", created: now)
      return (.failure(Self.lost), 0)
    }
    #expect(simulation.run())
    #expect(
      simulation.core.records[0].outcome
        == .errored(
          "the trigger's answer was lost and 2 scans are new in the provider's list of scans, "
            + "which names no asset: which is this one's cannot be told, so it is not "
            + "triggered again, to make no second scan"))
    #expect(triggers == 1)
  }

  /// Without a census (a listing refused before the trigger), a running scan that another
  /// start of the run may have made is not taken for the lost one.
  @Test func aScanAnotherStartMayHaveMadeIsNeverTaken() throws {
    let fake = FakeZAP()
    var triggers = 0
    let simulation = Simulation(try runPlan(zapPlan(urls: 2))) { request, now in
      guard request.url.contains("/action/scan/") else { return (fake.answer(request, now), 0) }
      triggers += 1
      if triggers == 1 {
        // Made, but its answer names no scan: this run will never know its id.
        _ = fake.answer(request, now)
        return (.success(HTTPResponse(status: 200, text: #"{"scan":"x"}"#)), 0)
      }
      if triggers == 2 { return (.failure(Self.lost), 0) }
      return (fake.answer(request, now), 0)
    }
    #expect(simulation.run())
    #expect(simulation.core.records[0].outcome?.label == "errored")
    #expect(
      simulation.core.records[1].outcome
        == .errored(
          "the trigger's answer was lost and the one new scan in the provider's list of scans, "
            + "which names no asset, may be one that an unanswered start of this run made: "
            + "which is this one's cannot be told, so it is not triggered again, to make no "
            + "second scan"))
    #expect(fake.count(url: Self.url(1)) == 0)
    #expect(triggers == 2)
  }

  /// Two triggers a killed run sent without an answer: neither can tell its scan from the
  /// other's, so both end, and neither is sent again.
  @Test func twoUnansweredTriggersOfAnEarlierRunAreNotGuessedBetween() throws {
    let fake = FakeZAP()
    fake.duration = 3600
    fake.add("spider", url: Self.url(0), created: -10)
    fake.add("spider", url: Self.url(1), created: -10)
    let simulation = Simulation(
      try runPlan(zapPlan(urls: 2)), census: true,
      restored: [
        "site-0/spider": .init(scanID: nil, attempted: true),
        "site-1/spider": .init(scanID: nil, attempted: true),
      ], answer: Self.answers(fake, losing: []))
    #expect(simulation.run())
    #expect(simulation.sends(of: .trigger).isEmpty)
    let reasons = simulation.core.records.map { $0.outcome?.reason ?? "" }
    #expect(simulation.core.records.allSatisfy { $0.outcome?.label == "errored" })
    // The first waits for the other's to be answered, and gives up after its retries; the
    // other then sees two new scans.
    #expect(reasons[0].contains("1 other unanswered start of this run"), "\(reasons)")
    #expect(reasons[1].contains("2 scans are new"), "\(reasons)")
    #expect(reasons.allSatisfy { $0.hasSuffix("not triggered again, to make no second scan") })
  }
}
