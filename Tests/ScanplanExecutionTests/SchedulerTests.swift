import ScanplanExecution
import ScanplanJSON
import ScanplanPlan
import ScanplanReport
import ScanplanVendorKit
import Testing

@Suite struct SchedulerPacingTests {
  @Test func pollsBackOffWithPositiveJitterAndNeverEarly() throws {
    let fake = FakeS4E(duration: 400)
    let simulation = Simulation(try runPlan(s4ePlan(assets: 1))) { request, now in
      (fake.answer(request, now), 0.05)
    }
    #expect(simulation.run())
    #expect(simulation.outcome("asset-0/s0") == .completed)
    let polls = simulation.sends(of: .poll).map(\.time)
    let triggerAnswered = 0.05
    // The first poll waits initial_interval (5s) plus 0 to 10 %.
    #expect(polls[0] >= triggerAnswered + 5 && polls[0] <= triggerAnswered + 5.5)
    // Then 10, 20, 40, 60, 60, ... each counted from the previous answer, plus jitter.
    var interval = 5.0
    for (previous, next) in zip(polls, polls.dropFirst()) {
      interval = min(interval * 2, 60)
      let gap = next - (previous + 0.05)
      #expect(
        gap >= interval - 1e-9 && gap <= interval * 1.1 + 1e-9,
        "gap \(gap) for interval \(interval)")
    }
    // 400 s of scan: 5+10+20+40 = 75, then 60 s steps: about 7 more polls, never more than 12.
    #expect((8...12).contains(polls.count))
  }

  @Test func requestsAreNeverCloserThanTheBudgetAllows() throws {
    let fake = FakeS4E(duration: 30)
    let simulation = Simulation(try runPlan(s4ePlan(assets: 200, rate: 2))) { request, now in
      (fake.answer(request, now), 0.2)
    }
    #expect(simulation.run())
    #expect(simulation.core.records.allSatisfy { $0.outcome == .completed })
    let times = simulation.sent.map(\.time)
    #expect(times == times.sorted())
    for (previous, next) in zip(times, times.dropFirst()) {
      #expect(next - previous >= 0.5 - 1e-9)
    }
    // Busy from the start: the 200 triggers go exactly 0.5 s apart, in plan order.
    let triggers = simulation.sends(of: .trigger)
    #expect(triggers.map(\.time) == (0..<200).map { Double($0) * 0.5 })
    #expect(triggers.map(\.job.index) == Array(0..<200))
    // Exactly one trigger per scan.
    #expect(fake.triggersByAsset.values.allSatisfy { $0 == 1 })
    #expect(fake.triggersByAsset.count == 200)
  }

  @Test func triggersGoBeforePollsDueAtTheSameTime() throws {
    // Two assets; the second scan of asset 0 becomes due when the first ends.
    let fake = FakeS4E(duration: 3)
    let simulation = Simulation(try runPlan(s4ePlan(assets: 3, rate: 0.25, scansPerAsset: 2))) {
      request, now in
      (fake.answer(request, now), 0)
    }
    #expect(simulation.run())
    // Every time a trigger and a poll were both waiting, the trigger went first: with
    // 4 s spacing and 5 s polls, the three first triggers go at 0, 4, 8 before any poll.
    #expect(simulation.sent.prefix(3).allSatisfy { $0.kind == .trigger })
    #expect(simulation.sent.prefix(3).map(\.time) == [0, 4, 8])
  }

  @Test func hoursOfPollingRunInVirtualTime() throws {
    let fake = FakeS4E(duration: 6 * 3600)
    let simulation = Simulation(
      try runPlan(
        s4ePlan(
          assets: 50, rate: 5, poll: "{ initial_interval: 10s, max_interval: 10m, timeout: 7h }")
      )
    ) { request, now in (fake.answer(request, now), 0.1) }
    #expect(simulation.run())
    #expect(simulation.now > 6 * 3600)
    // 10+20+...+320 = 630 s to reach the cap, then 10-minute steps: about 36 polls each.
    let perScan = Double(simulation.sends(of: .poll).count) / 50
    #expect(perScan >= 33 && perScan <= 40, "\(perScan)")
  }
}

@Suite struct SchedulerThrottlingTests {
  /// A service that answers 429 to every request between `from` and `until`.
  static func throttled(
    _ fake: FakeS4E, from: Double, until: Double,
    retryAfter: @escaping (Double) -> [HTTPHeader],
    body: String = "{}"
  ) -> (HTTPRequest, Double) -> (Result<HTTPResponse, TransportError>, latency: Double) {
    { request, now in
      if now >= from && now < until {
        return (.success(HTTPResponse(status: 429, headers: retryAfter(now), text: body)), 0)
      }
      return (fake.answer(request, now), 0)
    }
  }

  @Test func a429PausesTheProviderUntilRetryAfterAndSlowsIt() throws {
    let fake = FakeS4E(duration: 10)
    let simulation = Simulation(
      try runPlan(s4ePlan(assets: 20, rate: 2)),
      answer: Self.throttled(fake, from: 3, until: 3.1) { _ in [HTTPHeader("Retry-After", "7")] })
    #expect(simulation.run())
    #expect(simulation.core.records.allSatisfy { $0.outcome == .completed })
    // The 429 came at t=3: nothing was sent during the 7 s pause.
    #expect(!simulation.sent.contains { $0.time > 3 && $0.time < 10 })
    let throttles = simulation.events.compactMap { entry -> Double? in
      if case .throttled(_, let seconds, let rate) = entry.event {
        #expect(abs(rate - 1.4) < 1e-9)  // 2 x 0.7
        return seconds
      }
      return nil
    }
    #expect(throttles == [7])
    // After the pause, spacing is at the slower rate at first (1/1.4 s), and it climbs back.
    let after = simulation.sent.filter { $0.time >= 10 }.map(\.time)
    #expect(abs((after[1] - after[0]) - 1 / 1.4) < 1e-9)
    #expect(simulation.core.rates(at: simulation.now)[0] == 2)
    // A 429 is not a failure: every scan still has exactly one trigger.
    #expect(fake.triggersByAsset.values.allSatisfy { $0 == 1 })
  }

  @Test func retryAfterAsAnHTTPDate() throws {
    let fake = FakeS4E(duration: 10)
    // 1,800,000,000 is the simulation's epoch at t=0: Fri, 15 Jan 2027 08:00:00 GMT.
    let simulation = Simulation(
      try runPlan(s4ePlan(assets: 3)),
      answer: Self.throttled(fake, from: 1, until: 1.5) { _ in
        [HTTPHeader("Retry-After", "Fri, 15 Jan 2027 08:00:42 GMT")]
      })
    #expect(simulation.run())
    #expect(!simulation.sent.contains { $0.time > 1 && $0.time < 42 })
    #expect(simulation.sent.contains { $0.time == 42 })
  }

  @Test func retryAfterInAJSONBody() throws {
    let fake = FakeS4E(duration: 10)
    let simulation = Simulation(
      try runPlan(s4ePlan(assets: 3)),
      answer: Self.throttled(
        fake, from: 1, until: 1.5, retryAfter: { _ in [] }, body: #"{"retryAfter": 12.5}"#))
    #expect(simulation.run())
    #expect(!simulation.sent.contains { $0.time > 1 && $0.time < 13.5 })
    #expect(simulation.sent.contains { $0.time == 13.5 })
  }

  @Test func withoutRetryAfterTheScansBackOffStepIsUsed() throws {
    let fake = FakeS4E(duration: 10)
    let simulation = Simulation(
      try runPlan(s4ePlan(assets: 1)),
      answer: Self.throttled(fake, from: 0, until: 0.5, retryAfter: { _ in [] }))
    #expect(simulation.run())
    // The trigger's step is the first poll interval, 5 s.
    #expect(simulation.sends(of: .trigger).map(\.time) == [0, 5])
  }
}

@Suite struct SchedulerRetryTests {
  @Test func serverErrorsAreRetriedWithFullJitterThenErrored() throws {
    let simulation = Simulation(try runPlan(s4ePlan(assets: 1))) { _, _ in
      (.success(HTTPResponse(status: 503, text: "{}")), 0)
    }
    #expect(simulation.run())
    let times = simulation.sent.map(\.time)
    // One try and five retries: the trigger's outcome is unknown after a 503, so each retry
    // looks for the scan it may have made in the asset's scans first.
    #expect(simulation.sent.map(\.kind) == [.trigger] + Array(repeating: .lookup, count: 5))
    #expect(times.count == 6)
    for (index, (previous, next)) in zip(times, times.dropFirst()).enumerated() {
      let ceiling = min(5 * pow2(index), 60)
      // Full jitter, but never under a second after the last answer about the scan.
      #expect(next - previous >= 1 - 1e-9 && next - previous <= max(ceiling, 1) + 1e-9)
    }
    guard case .errored(let cause) = simulation.outcome("asset-0/s0") else {
      Issue.record("not errored")
      return
    }
    #expect(
      cause
        == "the provider answered 503, 6 times in a row; not triggered again, to make no second scan"
    )
  }

  @Test func networkErrorsOnPollsAreRetriedAndTheRunGoesOn() throws {
    let fake = FakeS4E(duration: 8)
    var failures = 0
    let simulation = Simulation(try runPlan(s4ePlan(assets: 1))) { request, now in
      if request.method == "GET", failures < 3 {
        failures += 1
        return (.failure(TransportError(.network, "connection reset")), 0)
      }
      return (fake.answer(request, now), 0)
    }
    #expect(simulation.run())
    #expect(simulation.outcome("asset-0/s0") == .completed)
    #expect(
      simulation.events.filter {
        if case .retrying = $0.event { return true } else { return false }
      }.count == 3)
  }

  @Test func theProvidersRetryBudgetStopsHammering() throws {
    let simulation = Simulation(try runPlan(s4ePlan(assets: 30, rate: 10))) { _, _ in
      (.failure(TransportError(.timeout, "no answer within 30 s")), 0)
    }
    #expect(simulation.run())
    // 30 scans could retry 5 times each (150); the budget allows 20 retries in all.
    #expect(simulation.sent.count == 30 + 20)
    let spent = simulation.core.records.filter {
      $0.outcome?.reason?.contains("retry budget") == true
    }
    #expect(!spent.isEmpty)
  }

  @Test(arguments: [400, 404, 422])
  func clientErrorsAreNeverRetried(_ status: Int) throws {
    let simulation = Simulation(try runPlan(s4ePlan(assets: 1))) { _, _ in
      (.success(HTTPResponse(status: status, text: #"{"message":"asset_id does not exist"}"#)), 0)
    }
    #expect(simulation.run())
    #expect(simulation.sent.count == 1)
    #expect(
      simulation.outcome("asset-0/s0")
        == .failed("the trigger was answered \(status): asset_id does not exist"))
    // The scan's first key, inside `- { name: s0, ... }`.
    #expect(simulation.core.records[0].location == "plan.yaml:16:11")
  }

  @Test func forbiddenIsARefusal() throws {
    let simulation = Simulation(try runPlan(s4ePlan(assets: 2))) { _, _ in
      (.success(HTTPResponse(status: 403, text: #"{"message":"token lacks scan:write"}"#)), 0)
    }
    #expect(simulation.run())
    #expect(simulation.sent.count == 2)
    #expect(
      simulation.outcome("asset-0/s0")
        == .refused("the trigger was answered 403 Forbidden: token lacks scan:write"))
  }

  @Test func unauthorizedEndsEveryScanOfTheProviderAtOnce() throws {
    let yaml =
      s4ePlan(assets: 5) + """
          - name: api
            provider: inv
            target_id: 2df49409-ee21-4080-9640-eb46f4610054
            user_authorized_to_scan: yes
            scans: [{ profile_id: 11111111-1111-1111-1111-111111111112 }]

        """
    let plan = try runPlan(
      yaml.replacing(
        "assets:\n",
        with:
          "  inv:\n    type: invicti\n    base_url: http://127.0.0.1:2\n    token: ${INVICTI_API_TOKEN}\n    poll: { initial_interval: 5s }\nassets:\n"
      ))
    let simulation = Simulation(plan) { request, now in
      if request.url.contains(":1/") { return (.success(HTTPResponse(status: 401, text: "{}")), 0) }
      if request.method == "POST" {
        return (.success(HTTPResponse(status: 201, text: #"{"scan_id":"inv-1"}"#)), 0)
      }
      let state = now < 7 ? "scanning" : "completed"
      return (
        .success(HTTPResponse(status: 200, text: #"{"current_session":{"status":"\#(state)"}}"#)), 0
      )
    }
    #expect(simulation.run())
    // One request to S4E, then nothing: the other four scans never sent a trigger.
    #expect(simulation.sent.filter { $0.request.url.contains(":1/") }.count == 1)
    for index in 0..<5 {
      #expect(simulation.outcome("asset-\(index)/s0")?.label == "refused")
    }
    #expect(simulation.outcome("api/scan") == .completed)
  }
}

@Suite struct SchedulerConflictTests {
  static func plan(_ policy: String) throws -> RunPlan {
    let yaml = s4ePlan(assets: 1).replacing(
      "    requests_per_second: 1.0\n",
      with: "    requests_per_second: 1.0\n    on_conflict: \(policy)\n")
    #expect(yaml.contains("on_conflict: \(policy)"))
    return try runPlan(yaml)
  }

  /// A service where another client's scan `other` runs on the asset until t=30.
  static func busy(_ fake: FakeS4E) -> (HTTPRequest, Double) -> (
    Result<HTTPResponse, TransportError>, latency: Double
  ) {
    fake.scans["other"] = (created: -1, asset: uuid(0), duration: 31, final: "completed")
    return { request, now in (fake.answer(request, now), 0) }
  }

  @Test func adoptPollsTheRunningScanAsThisOne() throws {
    let fake = FakeS4E()
    let simulation = Simulation(try Self.plan("adopt"), answer: Self.busy(fake))
    #expect(simulation.run())
    #expect(simulation.outcome("asset-0/s0") == .completed)
    #expect(simulation.core.records[0].scanID == "other")
    #expect(simulation.core.records[0].origin == .adopted)
    #expect(fake.triggersByAsset[uuid(0)] == 1)
  }

  @Test func waitPollsTheRunningScanThenTriggers() throws {
    let fake = FakeS4E(duration: 5)
    let simulation = Simulation(try Self.plan("wait"), answer: Self.busy(fake))
    #expect(simulation.run())
    #expect(simulation.outcome("asset-0/s0") == .completed)
    #expect(simulation.core.records[0].scanID == "scan-1")
    let triggers = simulation.sends(of: .trigger).map(\.time)
    #expect(triggers.count == 2)
    #expect(triggers[1] >= 30)
    #expect(!simulation.sends(of: .conflictPoll).isEmpty)
  }

  @Test func failNamesTheRunningScan() throws {
    let simulation = Simulation(try Self.plan("fail"), answer: Self.busy(FakeS4E()))
    #expect(simulation.run())
    #expect(
      simulation.outcome("asset-0/s0")
        == .failed("scan other of the asset is already running (on_conflict: fail)"))
  }

  @Test func a409WithoutAScanIDIsAFailureThatSaysSo() throws {
    let simulation = Simulation(try Self.plan("adopt")) { _, _ in
      (.success(HTTPResponse(status: 409, text: "{}")), 0)
    }
    #expect(simulation.run())
    #expect(
      simulation.outcome("asset-0/s0")?.reason?.contains("without the running scan's id") == true)
  }

  @Test(arguments: ["adopt", "wait", "fail"])
  func aLostTriggerAnswerStillMakesOneScan(_ policy: String) throws {
    let fake = FakeS4E(duration: 20)
    var lost = false
    let simulation = Simulation(try Self.plan(policy)) { request, now in
      let answer = fake.answer(request, now)
      if request.method == "POST", !lost {
        // The scan was created, but its answer never arrived.
        lost = true
        return (.failure(TransportError(.network, "the connection was closed before an answer")), 0)
      }
      return (answer, 0)
    }
    #expect(simulation.run())
    #expect(simulation.outcome("asset-0/s0") == .completed)
    #expect(fake.scans.count == 1)
    #expect(simulation.core.records[0].scanID == "scan-1")
  }

  @Test func scansOfOneS4EAssetRunOneAfterAnother() throws {
    let fake = FakeS4E(duration: 12)
    let simulation = Simulation(try runPlan(s4ePlan(assets: 2, rate: 5, scansPerAsset: 3))) {
      request, now in
      (fake.answer(request, now), 0)
    }
    #expect(simulation.run())
    #expect(simulation.core.records.allSatisfy { $0.outcome == .completed })
    // No 409s: each trigger waited for the asset's previous scan to end.
    #expect(fake.triggersByAsset.values.allSatisfy { $0 == 3 })
    #expect(fake.scans.count == 6)
    // Both assets' first scans started at once.
    #expect(simulation.sends(of: .trigger).prefix(2).map(\.time) == [0, 0.2])
  }

  /// A scan held back by its asset waits parked; the others start in plan order around
  /// it: when a scan starts, every earlier scan not started yet has a busy asset.
  @Test func waitingScansStartInPlanOrderAroundBusyAssets() throws {
    let fake = FakeS4E(duration: 12)
    let simulation = Simulation(
      try runPlan(s4ePlan(assets: 4, rate: 20, scansPerAsset: 3)), concurrency: 3
    ) { request, now in (fake.answer(request, now), 0) }
    #expect(simulation.run())
    let records = simulation.core.records
    #expect(records.allSatisfy { $0.outcome == .completed })
    let asset = { (job: Int) in job / 3 }
    let busy = { (asset: Int, time: Double) in
      records.contains {
        $0.job.index / 3 == asset && $0.triggeredAt! <= time && time < $0.endedAt!
      }
    }
    for record in records {
      let start = record.triggeredAt!
      for earlier in records.prefix(record.job.index) where earlier.triggeredAt! > start {
        #expect(
          busy(asset(earlier.job.index), start),
          "job \(record.job) started at \(start) before job \(earlier.job), whose asset was free")
      }
    }
    #expect(simulation.sends(of: .trigger).map(\.job.index) != Array(0..<12))
  }

  @Test func concurrencyAndMaxConcurrentScansLimitActiveScans() throws {
    let fake = FakeS4E(duration: 30)
    // Counted from trigger to end at the vendor: the findings are not read.
    let yaml = s4ePlan(assets: 10, rate: 20, extra: "    read_findings: false").replacing(
      "    requests_per_second: 20.0\n",
      with: "    requests_per_second: 20.0\n    max_concurrent_scans: 3\n")
    #expect(yaml.contains("max_concurrent_scans: 3"))
    let simulation = Simulation(try runPlan(yaml), concurrency: 2) { request, now in
      (fake.answer(request, now), 0)
    }
    #expect(simulation.run())
    var running: [(Double, Double)] = simulation.core.records.map { ($0.triggeredAt!, $0.endedAt!) }
    running.sort { $0.0 < $1.0 }
    for (start, _) in running {
      #expect(running.filter { $0.0 <= start && $0.1 > start }.count <= 2)
    }
  }
}

@Suite struct SchedulerStatusTests {
  @Test func aPollTimeoutEndsTheScanAtItsDeadline() throws {
    let fake = FakeS4E(duration: 3600)
    let simulation = Simulation(
      try runPlan(
        s4ePlan(assets: 1, poll: "{ initial_interval: 10s, max_interval: 60s, timeout: 2m }"))
    ) { request, now in (fake.answer(request, now), 0) }
    #expect(simulation.run())
    #expect(
      simulation.outcome("asset-0/s0")
        == .timedOut("still `running` 2m after the trigger: `poll.timeout`"))
    #expect(simulation.core.records[0].endedAt == 120)
    #expect(simulation.sends(of: .poll).last?.time == 120)
  }

  @Test func anUnknownStatusIsRunningWithAWarning() throws {
    var polls = 0
    let simulation = Simulation(try runPlan(s4ePlan(assets: 1))) { request, _ in
      if request.method == "POST" {
        return (.success(HTTPResponse(status: 201, text: #"{"scan_id":"x"}"#)), 0)
      }
      polls += 1
      let status = polls < 3 ? "warming_up" : "completed"
      return (.success(HTTPResponse(status: 200, text: #"{"status":"\#(status)"}"#)), 0)
    }
    #expect(simulation.run())
    #expect(simulation.outcome("asset-0/s0") == .completed)
    #expect(simulation.events.contains { $0.event == .unknownStatus(job: 0, status: "warming_up") })
  }

  @Test func aFailedScanIsAFailure() throws {
    let fake = FakeS4E(duration: 3)
    fake.finalStatus = "failed"
    let simulation = Simulation(try runPlan(s4ePlan(assets: 1))) { request, now in
      (fake.answer(request, now), 0)
    }
    #expect(simulation.run())
    #expect(simulation.outcome("asset-0/s0") == .failed("the provider reported the scan `failed`"))
  }

  @Test func restoredScansAreReattachedNotTriggeredAgain() throws {
    let fake = FakeS4E(duration: 10)
    fake.scans["old-1"] = (created: -5, asset: uuid(0), duration: 10, final: "completed")
    fake.scans["old-2"] = (created: -5, asset: uuid(1), duration: 10, final: "completed")
    let simulation = Simulation(
      try runPlan(s4ePlan(assets: 3)),
      restored: [
        "asset-0/s0": .init(scanID: "old-1", attempted: true),
        // Sent, answer never recorded: the asset's listing has the scan it created.
        "asset-1/s0": .init(scanID: nil, attempted: true),
        "asset-2/s0": .init(
          scanID: "done-3", attempted: true, result: ScanResult(outcome: .completed)),
      ]
    ) { request, now in (fake.answer(request, now), 0) }
    #expect(simulation.run())
    // Nothing is triggered again: the listing found the attempted trigger's scan.
    #expect(simulation.sends(of: .trigger).isEmpty)
    #expect(simulation.sends(of: .lookup).map(\.job) == [1])
    #expect(simulation.core.records[1].origin == .recovered)
    #expect(simulation.sends(of: .poll, job: 2).isEmpty)
    #expect(simulation.core.records.map(\.scanID) == ["old-1", "old-2", "done-3"])
    #expect(simulation.core.records.allSatisfy { $0.outcome == .completed })
  }

  @Test func invictiGatesReadSeverityCountsAndTheLocationHeader() throws {
    let yaml = """
      version: 1
      providers:
        inv:
          type: invicti
          base_url: http://127.0.0.1:2
          token: ${INVICTI_API_TOKEN}
          read_findings: false
          poll: { initial_interval: 5s }
      assets:
        - name: api
          provider: inv
          target_id: 2df49409-ee21-4080-9640-eb46f4610054
          user_authorized_to_scan: yes
          scans:
            - profile_id: 11111111-1111-1111-1111-111111111112
              fail_on: { critical: 1, high: 5 }
      """
    let simulation = Simulation(try runPlan(yaml)) { request, _ in
      if request.method == "POST" {
        return (
          .success(
            HTTPResponse(
              status: 201, headers: [HTTPHeader("Location", "/api/v1/scans/abc-123")], text: "{}")),
          0
        )
      }
      #expect(request.url == "http://127.0.0.1:2/api/v1/scans/abc-123")
      let body =
        #"{"scans":[{"scan_id":"abc-123","current_session":{"status":"completed","progress":100,"scan_session_id":"s-9","severity_counts":{"critical":2,"high":1}}}]}"#
      return (.success(HTTPResponse(status: 200, text: body)), 0)
    }
    #expect(simulation.run())
    let record = simulation.core.records[0]
    #expect(record.outcome == .completed)
    #expect(record.sessionID == "s-9")
    #expect(record.gate == .failed(["critical: 2 >= 1"]))
  }
}

func pow2(_ exponent: Int) -> Double { Double(1 << exponent) }
