import ScanplanPlan
import ScanplanReport
import ScanplanVendorKit
import Testing

@testable import ScanplanExecution

/// Invicti answers no 409 naming the scan a lost trigger made, so exactly-once rests on
/// listing the target's scans before triggering again.
@Suite struct LostTriggerTests {
  static let lost = TransportError(.network, "the connection was closed before an answer")

  /// A fake's answers (`fake.answer`), with the first `count` trigger answers lost after
  /// the scan was made (or before, when `made` is false).
  static func losing(
    _ answer: @escaping (HTTPRequest, Double) -> Result<HTTPResponse, TransportError>,
    count: Int = 1, made: Bool = true
  ) -> (HTTPRequest, Double) -> (Result<HTTPResponse, TransportError>, latency: Double) {
    var left = count
    return { request, now in
      if request.method == "POST", left > 0 {
        left -= 1
        if made { _ = answer(request, now) }
        return (.failure(lost), 0)
      }
      return (answer(request, now), 0)
    }
  }

  @Test func aLostAnswerIsFoundByListingNotByTriggeringAgain() throws {
    let fake = FakeInvicti()
    let simulation = Simulation(
      try runPlan(invictiPlan(targets: 2)), census: true, answer: Self.losing(fake.answer))
    #expect(simulation.run())
    #expect(simulation.core.records.allSatisfy { $0.outcome == .completed })
    #expect(fake.triggersByTarget.values.allSatisfy { $0 == 1 }, "\(fake.triggersByTarget)")
    #expect(fake.scans.count == 2)
    let record = simulation.core.records[0]
    #expect(record.origin == .recovered)
    #expect(record.scanID == "inv-1")
    #expect(simulation.sends(of: .lookup).count == 1)
    #expect(
      simulation.sends(of: .lookup)[0].request.url
        == "http://127.0.0.1:2/api/v1/scans?q=target_id%3A\(uuid(500))&l=100")
    #expect(simulation.events.contains { $0.event == .lookingForLostScan(job: 0) })
    #expect(
      simulation.events.contains {
        $0.event == .triggered(job: 0, scanID: "inv-1", origin: .recovered)
      })
  }

  @Test func whenTheListingHasNoScanTheTriggerGoesAgain() throws {
    let fake = FakeInvicti()
    let simulation = Simulation(
      try runPlan(invictiPlan(targets: 1)), census: true,
      answer: Self.losing(fake.answer, made: false))
    #expect(simulation.run())
    #expect(simulation.outcome("api-0/scan") == .completed)
    #expect(simulation.sends(of: .trigger).count == 2)
    #expect(fake.scans.count == 1)
    #expect(simulation.core.records[0].origin != .recovered)
  }

  @Test func olderScansOfTheTargetAreSkippedPageByPage() throws {
    let fake = FakeInvicti()
    fake.newestFirst = false
    fake.pageSize = 1
    // Three finished scans of the target come before the one the lost trigger made.
    for age in [300.0, 200, 100] {
      fake.add(target: uuid(500), profile: "11111111-1111-1111-1111-111111111112", age: age)
    }
    let simulation = Simulation(
      try runPlan(invictiPlan(targets: 1)), census: true, answer: Self.losing(fake.answer))
    #expect(simulation.run())
    #expect(simulation.outcome("api-0/scan") == .completed)
    #expect(simulation.core.records[0].scanID == "inv-4")
    #expect(
      simulation.sends(of: .lookup).map { $0.request.url.hasSuffix("&c=3") } == [
        false, false, false, true,
      ])
    #expect(simulation.sends(of: .trigger).count == 1)
  }

  @Test func anotherScanOfThisRunIsNeverTakenForTheLostOne() throws {
    let fake = FakeInvicti()
    // Two scans of one target with one profile: the first's answer comes, the second's is
    // lost; the listing shows both running.
    let plan = try runPlan(
      invictiPlan(
        targets: 1,
        scans: """
          [{ name: one, profile_id: 11111111-1111-1111-1111-111111111112 },
                   { name: two, profile_id: 11111111-1111-1111-1111-111111111112 }]
          """))
    var triggers = 0
    let simulation = Simulation(plan, census: true) { request, now in
      let answer = fake.answer(request, now)
      if request.method == "POST" {
        triggers += 1
        if triggers == 2 { return (.failure(Self.lost), 0) }
      }
      return (answer, 0)
    }
    #expect(simulation.run())
    #expect(simulation.core.records.map(\.scanID) == ["inv-1", "inv-2"])
    #expect(simulation.core.records.allSatisfy { $0.outcome == .completed })
    #expect(fake.scans.count == 2)
  }

  @Test func triggersLostOverAndOverStillEndAfterTheRetryLimit() throws {
    let fake = FakeInvicti()
    // Every trigger's answer is lost before the scan is made; every listing finds nothing.
    let simulation = Simulation(
      try runPlan(invictiPlan(targets: 1)), census: true,
      answer: Self.losing(fake.answer, count: .max, made: false))
    #expect(simulation.run())
    #expect(
      simulation.outcome("api-0/scan")
        == .errored("the connection was closed before an answer, 6 times in a row"))
    #expect(simulation.sends(of: .trigger).count == 6)
    #expect(simulation.sends(of: .lookup).count == 5)
    #expect(fake.scans.isEmpty)
  }

  @Test func aListingRefusedEndsTheScanRatherThanRiskASecond() throws {
    let fake = FakeInvicti()
    var lostOnce = false
    let simulation = Simulation(try runPlan(invictiPlan(targets: 1)), census: true) {
      request, now in
      if request.method == "POST", !lostOnce {
        lostOnce = true
        _ = fake.answer(request, now)
        return (.failure(Self.lost), 0)
      }
      if request.url.contains("?q=") {
        return (.success(HTTPResponse(status: 404, text: #"{"code":404,"reason":"Not found"}"#)), 0)
      }
      return (fake.answer(request, now), 0)
    }
    #expect(simulation.run())
    #expect(
      simulation.outcome("api-0/scan")
        == .failed(
          "the listing of the asset's scans (to find a lost trigger's) was answered 404: Not found; "
            + "not triggered again, to make no second scan"))
    #expect(simulation.sends(of: .trigger).count == 1)
  }

  @Test func aStateFilesUnansweredTriggerIsLookedForFirst() throws {
    let fake = FakeInvicti()
    fake.add(target: uuid(500), profile: "11111111-1111-1111-1111-111111111112", age: 30)
    fake.timeline = [(60, "processing")]
    let simulation = Simulation(
      try runPlan(invictiPlan(targets: 1)), census: true,
      restored: ["api-0/scan": .init(scanID: nil, attempted: true)]
    ) { request, now in (fake.answer(request, now), 0) }
    #expect(simulation.run())
    #expect(simulation.sent.first?.kind == .lookup)
    #expect(simulation.sends(of: .trigger).isEmpty)
    #expect(simulation.core.records[0].scanID == "old-1")
    #expect(simulation.outcome("api-0/scan") == .completed)
  }

  /// S4E lists an asset's scans too: a lost answer is found in the list, even when its
  /// scan has already ended and no 409 names it.
  @Test func s4eFindsALostScanThatHasEndedInItsList() throws {
    let fake = FakeS4E(duration: 1)
    let simulation = Simulation(
      try runPlan(s4ePlan(assets: 1)), census: true, answer: Self.losing(fake.answer))
    #expect(simulation.run())
    #expect(simulation.sends(of: .census).count == 1)
    #expect(simulation.sends(of: .lookup).count == 1)
    // The retry waited 0 to 5 s: the 1-second scan had ended by the listing.
    #expect(fake.status("scan-1", at: simulation.sends(of: .lookup)[0].time) == "completed")
    #expect(simulation.core.records[0].origin == .recovered)
    #expect(simulation.core.records[0].scanID == "scan-1")
    #expect(simulation.outcome("asset-0/s0") == .completed)
    #expect(fake.scans.count == 1)
  }

  /// The lost answer's scan has ended before the retry lists the target's scans: it is
  /// still taken, and no second scan is made.
  @Test func invictiFindsALostScanThatHasEnded() throws {
    let fake = FakeInvicti()
    fake.timeline = [(0.5, "processing")]
    var configuration = Simulation.exact()
    configuration.retryBase = 5
    configuration.census = true
    let simulation = Simulation(
      try runPlan(invictiPlan(targets: 1)), configuration: configuration,
      answer: Self.losing(fake.answer))
    #expect(simulation.run())
    let lookup = try #require(simulation.sends(of: .lookup).first)
    #expect(fake.status(fake.scans[0], at: lookup.time) == "completed")
    #expect(simulation.core.records[0].origin == .recovered)
    #expect(simulation.outcome("api-0/scan") == .completed)
    #expect(fake.triggersByTarget.values.allSatisfy { $0 == 1 })
    #expect(fake.scans.count == 1)
  }

  /// Scans of the target from before the first send, running or ended, of the same
  /// profile, are never taken for the lost one: the census listed them.
  @Test(arguments: ["processing", "completed"])
  func aScanFromBeforeTheFirstSendIsNeverAdopted(_ status: String) throws {
    let fake = FakeInvicti()
    fake.add(target: uuid(500), profile: "11111111-1111-1111-1111-111111111112", age: 1)
    fake.timeline = status == "processing" ? [(3600, "processing")] : [(0.5, "processing")]
    // The lost trigger made no scan: the listing has only the old one.
    let simulation = Simulation(
      try runPlan(invictiPlan(targets: 1, poll: "{ initial_interval: 5s, timeout: 1h }")),
      census: true, answer: Self.losing(fake.answer, made: false))
    #expect(simulation.run())
    #expect(simulation.sends(of: .census).count == 1)
    #expect(simulation.core.records[0].origin != .recovered)
    #expect(simulation.core.records[0].scanID == "inv-2")
    #expect(simulation.sends(of: .trigger).count == 2)
  }

  /// A trigger that names nothing to list by has no lister: it goes without a census,
  /// and a lost answer is found by the 409 that names the running scan, never by a
  /// listing. No plan that passes validation makes one; the job is built by hand.
  @Test func aTriggerWithNothingToListByGoesWithoutACensus() throws {
    let plan = try runPlan(s4ePlan(assets: 1))
    var jobs = Array(plan.jobs)
    jobs[0].lister = nil
    let unlisted = RunPlan(budgets: plan.budgets, jobs: RunTable(jobs), secrets: plan.secrets)
    // Still running when the trigger goes again: the 409 names it.
    let fake = FakeS4E(duration: 100)
    let simulation = Simulation(unlisted, census: true, answer: Self.losing(fake.answer))
    #expect(simulation.run())
    #expect(simulation.sends(of: .census).isEmpty)
    #expect(simulation.sends(of: .lookup).isEmpty)
    #expect(simulation.sends(of: .trigger).count == 2)
    #expect(simulation.core.records[0].outcome == .completed)
    #expect(simulation.core.records[0].origin == .adopted)
    #expect(fake.scans.count == 1)
  }

  /// The same on S4E, whose list finds ended scans: an older scan of the asset and scan
  /// type is not the lost trigger's.
  @Test func s4eNeverAdoptsAScanFromBeforeTheFirstSend() throws {
    let fake = FakeS4E(duration: 1)
    fake.scans["older"] = (created: -10, asset: uuid(0), duration: 1, final: "completed")
    let simulation = Simulation(
      try runPlan(s4ePlan(assets: 1)), census: true, answer: Self.losing(fake.answer, made: false))
    #expect(simulation.run())
    #expect(simulation.core.records[0].origin != .recovered)
    #expect(simulation.core.records[0].scanID == "scan-1")
    #expect(fake.scans.count == 2)
  }
}
