import ScanplanExecution
import ScanplanReport
import ScanplanVendorKit
import Testing

/// A scan that ended in an earlier run is reported from its stored result: outcome,
/// counts, verdict, and the exit code they make, with nothing sent.
@Suite struct ResumeTests {
  static func gatedPlan(_ gate: String) -> String {
    """
    version: 1
    providers:
      inv:
        type: invicti
        base_url: http://127.0.0.1:2
        token: ${INVICTI_API_TOKEN}
    assets:
      - name: api
        provider: inv
        target_id: 2df49409-ee21-4080-9640-eb46f4610054
        user_authorized_to_scan: yes
        scans:
          - profile_id: 11111111-1111-1111-1111-111111111112
            fail_on: \(gate)
    """
  }

  static var stored: ScanResult {
    var result = ScanResult(outcome: .completed)
    result.severityCounts = ["critical": 2, "high": 1]
    result.gate = .failed(["critical: 2 >= 1"])
    result.failOn = [
      GateThreshold(severity: "critical", count: 1), GateThreshold(severity: "high", count: 5),
    ]
    result.polls = 4
    result.triggeredAt = 1_799_999_000
    result.endedAt = 1_799_999_600
    return result
  }

  static func resumed(_ gate: String) throws -> Simulation {
    let simulation = Simulation(
      try runPlan(gatedPlan(gate)),
      restored: ["api/scan": .init(scanID: "abc", attempted: true, result: stored)]
    ) { _, _ in
      Issue.record("nothing may be sent for a scan that ended")
      return (.failure(TransportError(.network, "no")), 0)
    }
    #expect(simulation.run())
    return simulation
  }

  @Test func aStoredFailedGateStaysFailed() throws {
    let simulation = try Self.resumed("{ critical: 1, high: 5 }")
    let record = simulation.core.records[0]
    #expect(simulation.sent.isEmpty)
    #expect(record.resumed)
    #expect(record.outcome == .completed)
    #expect(record.gate == .failed(["critical: 2 >= 1"]))
    #expect(record.severityCounts == ["critical": 2, "high": 1])
    #expect(record.polls == 4)
    // Times as the first run wrote them, before this run's start.
    #expect(record.triggeredAt == -1000)
    #expect(record.notes.isEmpty)
    let report = RunReport(
      records: simulation.core.records, startedAt: 1_800_000_000, endedAt: 1_800_000_000,
      interrupted: false, unreachableProviders: [])
    #expect(report.exitCode == 1)
    #expect(simulation.events.contains { $0.event == .resumed(count: 1) })
  }

  /// A plan whose gate changed judges the stored counts again, and says so.
  @Test(arguments: [
    ("{ critical: 3 }", GateVerdict?.some(.passed)),
    ("{ high: 1 }", GateVerdict?.some(.failed(["high: 1 >= 1"]))),
  ])
  func aChangedGateJudgesTheStoredCountsAgain(_ gate: String, _ verdict: GateVerdict?) throws {
    let record = try Self.resumed(gate).core.records[0]
    #expect(record.gate == verdict)
    #expect(record.notes.count == 1)
    #expect(record.notes.first?.contains("changed since the state file was written") == true)
  }
}
