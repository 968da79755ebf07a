import ScanplanExecution
import ScanplanJSON
import ScanplanReport
import ScanplanSupport
import ScanplanVendorKit
import Testing

/// What the run driver records for the page, and how the report writes it.
@Suite struct RunTimelineTests {
  @Test func aSimulatedRunRecordsRunningTimesPollsAndPauses() throws {
    let fake = FakeS4E(duration: 30)
    var throttledOnce = false
    let simulation = Simulation(try runPlan(s4ePlan(assets: 2, rate: 1))) { request, now in
      if !throttledOnce, now >= 5 {
        throttledOnce = true
        return (.success(HTTPResponse(status: 429, headers: [HTTPHeader("Retry-After", "7")])), 0.1)
      }
      return (fake.answer(request, now), 0.1)
    }
    #expect(simulation.run())
    var timeline = RunTimeline(jobs: 2, budgets: 1)
    for sent in simulation.sent {
      timeline.sent(sent.kind, job: sent.job, budget: sent.budget, at: sent.time)
    }
    for (time, event) in simulation.events { timeline.record([event], at: time) }
    #expect(timeline.budgets[0].sends == simulation.sent.map(\.time))
    #expect(timeline.budgets[0].pauses.count == 1)
    let pause = try #require(timeline.budgets[0].pauses.first)
    #expect(abs(pause.until - pause.from - 7) < 1e-9)
    for job in 0..<2 {
      #expect(timeline.scans[job].polls == simulation.sends(of: .poll, job: JobID(job)).map(\.time))
      let running = try #require(timeline.scans[job].runningAt)
      let status = simulation.events.first {
        if case .status(JobID(job), let status, _) = $0.event { status == "running" } else { false }
      }
      #expect(running == status?.time)
    }
  }

  @Test func theReportWritesTheTimelineInSecondsSinceTheStart() throws {
    var record = ScanRecord(job: 0, id: "a/s", provider: "s4e", location: "p.yaml:1:1")
    record.triggeredAt = 1.25
    record.endedAt = 40
    record.outcome = .completed
    var timeline = RunTimeline(jobs: 1, budgets: 1)
    timeline.record([.status(job: 0, status: "running", vendorStatus: "running")], at: 6.5)
    timeline.record([.throttled(budget: 0, seconds: 3, rate: 0.7)], at: 10)
    timeline.sent(.trigger, job: 0, budget: 0, at: 1.25)
    timeline.sent(.poll, job: 0, budget: 0, at: 6.5)
    timeline.sent(.poll, job: 0, budget: 0, at: 40)
    let report = RunReport(
      records: [record], startedAt: 1_800_000_000, endedAt: 1_800_000_045, interrupted: false,
      unreachableProviders: [], timeline: timeline,
      budgets: [RunReport.BudgetUse(name: "s4e", rate: 1, statistics: .init())])
    let json = try JSONParser().parse(report.json())
    #expect(json["duration_seconds"] == 45)
    let scan = try #require(json["scans"]?.arrayValue?.first?["timeline"])
    #expect(scan == .object(["triggered": 1.25, "running": 6.5, "ended": 40, "polls": [6.5, 40]]))
    let provider = try #require(json["providers"]?.arrayValue?.first?["timeline"])
    #expect(provider["pauses"] == [.object(["from": 10, "until": 13])])
    #expect(provider["interval_seconds"] == 1)
    #expect(provider["requests"]?.arrayValue?.count == 45)
    #expect(provider["requests"]?.arrayValue?[1] == 1 && provider["requests"]?.arrayValue?[6] == 1)
    // Without a timeline the report is as before.
    let plain = RunReport(
      records: [record], startedAt: 1_800_000_000, endedAt: 1_800_000_045, interrupted: false,
      unreachableProviders: [])
    #expect(!plain.json().contains("timeline") && !plain.json().contains("duration_seconds\": 45"))
  }
}
