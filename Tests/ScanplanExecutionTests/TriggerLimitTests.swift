import ScanplanExecution
import ScanplanJSON
import ScanplanPlan
import ScanplanReport
import ScanplanVendorKit
import ScanplanVendors
import ScanplanYAML
import Testing

/// S4E publishes at most 10 scan creations a minute: triggers are spaced by it, and polls
/// due meanwhile are not held up behind them.
@Suite struct TriggerLimitTests {
  @Test func s4eTriggersAreSpacedSixSecondsByDefault() throws {
    let fake = FakeS4E(duration: 8)
    let simulation = Simulation(
      try runPlan(s4ePlan(assets: 5, rate: 5, triggersPerMinute: 10))
    ) { request, now in (fake.answer(request, now), 0) }
    #expect(simulation.run())
    #expect(simulation.core.records.allSatisfy { $0.outcome == .completed })
    #expect(simulation.sends(of: .trigger).map(\.time) == [0, 6, 12, 18, 24])
    // Asset 0's first poll was due at 5 to 5.5 s: it went then, not after the trigger at 6.
    let firstPoll = try #require(simulation.sends(of: .poll, job: 0).first?.time)
    #expect(firstPoll >= 5 && firstPoll < 5.5 + 1e-9)
  }

  @Test func theLimitIsTheTablesUnlessThePlanSaysOtherwise() throws {
    let yaml = """
      version: 1
      providers:
        s4e: { type: s4e, token: "${S4E_API_TOKEN}" }
        fast: { type: s4e, token: "${S4E_API_TOKEN}", base_url: "https://eu.s4e.io", triggers_per_minute: 30 }
        inv: { type: invicti, token: "${INVICTI_API_TOKEN}" }
      assets:
        - { name: a, provider: s4e, asset_id: \(uuid(1)), scans: [{ scan_type: quick }] }
        - { name: b, provider: fast, asset_id: \(uuid(2)), scans: [{ scan_type: quick }] }
        - name: c
          provider: inv
          target_id: \(uuid(3))
          user_authorized_to_scan: yes
          scans: [{ profile_id: 11111111-1111-1111-1111-111111111112 }]
      """
    let validation = PlanValidator(registry: Vendors.registry).validate(
      SourceText(path: "plan.yaml", text: yaml))
    let plan = try #require(validation.plan)
    #expect(plan.providers.map(\.triggersPerMinute) == [10, 30, nil])
    var selection = RunSelection()
    selection.shard = RunSelection.Shard(index: 1, count: 2)
    let environment = ["S4E_API_TOKEN": "t", "INVICTI_API_TOKEN": "u"]
    let whole = try RunPlan.prepare([plan], environment: environment).get()
    #expect(whole.budgets.map(\.triggersPerMinute) == [10, 30, nil])
    // A shard takes its share of the trigger limit, as of the request budget.
    let half = try RunPlan.prepare([plan], environment: environment, selection: selection).get()
    #expect(half.budgets.allSatisfy { $0.triggersPerMinute.map { [5, 15].contains($0) } ?? true })
  }

  @Test func aServerThatEnforcesItsPublishedLimitNeverRefusesTheRunner() throws {
    let fake = FakeS4E(duration: 30)
    var creations: [Double] = []
    var refused = 0
    let simulation = Simulation(
      try runPlan(s4ePlan(assets: 25, rate: 1.6, triggersPerMinute: 10))
    ) { request, now in
      if request.method == "POST" {
        creations = creations.filter { $0 > now - 60 }
        guard creations.count < 10 else {
          refused += 1
          return (
            .success(
              HTTPResponse(status: 429, headers: [HTTPHeader("Retry-After", "6")], text: "{}")), 0
          )
        }
        creations.append(now)
      }
      return (fake.answer(request, now), 0)
    }
    #expect(simulation.run())
    #expect(refused == 0)
    #expect(simulation.core.records.allSatisfy { $0.outcome == .completed })
    #expect(simulation.core.budgetStatistics[0].throttled == 0)
  }
}
