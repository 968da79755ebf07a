import ScanplanExecution
import ScanplanJSON
import ScanplanPlan
import ScanplanReport
import ScanplanVendorKit
import Testing

/// Invicti's whole vocabulary as the scheduler sees it, and the deadline that makes
/// every run end, in virtual time.
@Suite struct StatusAndDeadlineTests {
  static func statusEvents(_ simulation: Simulation) -> [String] {
    simulation.events.compactMap {
      if case .status(_, let status, let vendorStatus) = $0.event {
        return status == vendorStatus ? status : "\(status) (\(vendorStatus))"
      }
      return nil
    }
  }

  @Test func everyInvictiStatusOnTheWayIsToldInSharedWords() throws {
    let fake = FakeInvicti()
    // Polls come every 5 to 5.5 s: each window is wide enough for one to land in it.
    fake.timeline = [
      (2, "scheduled"), (4, "queued"), (6, "starting"), (20, "processing"), (26, "pausing"),
      (60, "paused"), (72, "resuming"), (80, "processing"),
    ]
    let simulation = Simulation(try runPlan(invictiPlan(targets: 1))) { request, now in
      (fake.answer(request, now), 0)
    }
    #expect(simulation.run())
    #expect(simulation.outcome("api-0/scan") == .completed)
    // Polls every 5 s from t=5: each new word once, paused and its way in and out as paused.
    #expect(
      Self.statusEvents(simulation) == [
        "queued (starting)", "running (processing)", "paused (pausing)", "paused",
        "paused (resuming)", "running (processing)",
      ])
    let record = simulation.core.records[0]
    #expect(record.lastStatus == "completed")
    #expect(record.reachedRunning)
    #expect(
      !simulation.events.contains { if case .statusWentBack = $0.event { true } else { false } })
  }

  @Test func abortedEndsTheScanCancelled() throws {
    let fake = FakeInvicti()
    fake.timeline = [(8, "processing"), (12, "aborting")]
    fake.final = "aborted"
    let simulation = Simulation(try runPlan(invictiPlan(targets: 1))) { request, now in
      (fake.answer(request, now), 0)
    }
    #expect(simulation.run())
    #expect(simulation.outcome("api-0/scan") == .cancelled)
    #expect(simulation.core.records[0].lastStatus == "aborted")
  }

  @Test func aScanLeftPausedEndsAtInvictisDefaultDeadline() throws {
    let fake = FakeInvicti()
    fake.timeline = [(5, "processing"), (.infinity, "paused")]
    let simulation = Simulation(
      try runPlan(invictiPlan(targets: 1, poll: "{ initial_interval: 5m, max_interval: 10m }"))
    ) { request, now in (fake.answer(request, now), 0) }
    #expect(simulation.run(until: 400_000))
    let record = simulation.core.records[0]
    #expect(
      record.outcome
        == .timedOut(
          "still `paused` 72h after the trigger: Invicti's default deadline, 72h; set `poll.timeout` to wait longer"
        ))
    #expect(record.endedAt == record.triggeredAt! + 72 * 3600)
    // The last poll is at the deadline itself, the last chance to see the scan end.
    #expect(simulation.sends(of: .poll).last?.time == record.triggeredAt! + 72 * 3600)
    #expect(record.shownStatus == "paused")
  }

  @Test func s4eWaitsForItsOwnTimeoutAndAMargin() throws {
    let fake = FakeS4E(duration: 24 * 3600)
    let yaml = s4ePlan(assets: 2).replacing(
      "- { name: s0, scan_type: quick }",
      with: "- { name: s0, scan_type: quick, options: { timeout: 15m } }")
    let simulation = Simulation(try runPlan(yaml)) { request, now in (fake.answer(request, now), 0)
    }
    #expect(simulation.run())
    for record in simulation.core.records {
      #expect(record.endedAt! - record.triggeredAt! == 15 * 60 + 30 * 60)
      #expect(
        record.outcome
          == .timedOut(
            "still `running` 45m after the trigger: S4E's default deadline, `options.timeout` plus 30m; set `poll.timeout` to wait longer"
          ))
    }
  }

  @Test func pollTimeoutOverridesTheDefaultDeadline() throws {
    let fake = FakeInvicti()
    fake.timeline = [(.infinity, "processing")]
    let simulation = Simulation(
      try runPlan(invictiPlan(targets: 1, poll: "{ initial_interval: 5s, timeout: 80h }"))
    ) { request, now in (fake.answer(request, now), 0) }
    #expect(simulation.run(until: 400_000))
    let record = simulation.core.records[0]
    #expect(record.endedAt! - record.triggeredAt! == 80 * 3600)
    #expect(record.outcome == .timedOut("still `running` 80h after the trigger: `poll.timeout`"))
  }

  @Test func aStatusNobodyKnowsCannotHoldARunForEver() throws {
    var polls = 0
    let simulation = Simulation(try runPlan(s4ePlan(assets: 1))) { request, _ in
      if request.method == "POST" {
        return (.success(HTTPResponse(status: 201, text: #"{"scan_id":"x"}"#)), 0)
      }
      polls += 1
      return (.success(HTTPResponse(status: 200, text: #"{"status":"warming_up"}"#)), 0)
    }
    #expect(simulation.run())
    #expect(
      simulation.outcome("asset-0/s0")
        == .timedOut(
          "still `warming_up` 1h30m after the trigger: S4E's default deadline, `options.timeout` plus 30m; set `poll.timeout` to wait longer"
        ))
    // Warned of once, not on every poll.
    #expect(
      simulation.events.filter { if case .unknownStatus = $0.event { true } else { false } }.count
        == 1)
    #expect(polls > 80)
  }

  @Test func waitingForAnotherClientsScanEndsAtTheDeadlineToo() throws {
    let fake = FakeS4E()
    // Another client's scan of the asset that never ends.
    fake.scans["other"] = (created: -1, asset: uuid(0), duration: .infinity, final: "completed")
    let yaml = s4ePlan(assets: 1, poll: "{ initial_interval: 5s, max_interval: 60s, timeout: 10m }")
      .replacing("    poll:", with: "    on_conflict: wait\n    poll:")
    let simulation = Simulation(try runPlan(yaml)) { request, now in (fake.answer(request, now), 0)
    }
    #expect(simulation.run())
    #expect(
      simulation.outcome("asset-0/s0")
        == .timedOut(
          "scan other of the asset was still `running` 10m after this one began to wait for it: `poll.timeout`"
        ))
    #expect(simulation.sends(of: .trigger).count == 1)
  }

  @Test func pausedShowsAsPausedInTheConsoleAndTheReport() throws {
    let plan = try runPlan(invictiPlan(targets: 1))
    let output = Output()
    let console = RunConsole(plan: plan, live: true, redactor: Redactor(secrets: [])) {
      output.append($0)
    }
    var records = RunTable<JobID, ScanRecord>(
      plan.jobs.map {
        ScanRecord(job: $0.index, id: $0.id, provider: "inv", location: $0.location)
      })
    records[0].triggeredAt = 1
    records[0].scanID = "inv-1"
    records[0].lastStatus = "pausing"
    records[0].lastState = .paused
    console.show(
      [.status(job: 0, status: "paused", vendorStatus: "pausing")], records: records,
      epoch: 1_800_000_000)
    console.refresh(records: records, rates: [10], now: 30, force: true)
    #expect(output.value.contains("api-0/scan  paused (pausing)\n"))
    #expect(output.value.contains("running 0  paused 1  waiting 0"))
    #expect(output.value.contains("  api-0/scan  29s paused\n"))
    let report = RunReport(
      records: records, startedAt: 1_800_000_000, endedAt: 1_800_000_030, interrupted: true,
      unreachableProviders: [])
    let row = try #require(try JSONParser().parse(report.json())["scans"]?.arrayValue?.first)
    #expect(row["last_status"] == "paused")
    #expect(row["vendor_status"] == "pausing")
    #expect(report.junit().contains("status paused; polls 0"))
  }
}
