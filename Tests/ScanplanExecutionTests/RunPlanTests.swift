import ScanplanExecution
import ScanplanJSON
import ScanplanPlan
import ScanplanReport
import ScanplanSupport
import ScanplanVendorKit
import ScanplanVendors
import ScanplanYAML
import Testing

@Suite struct RunPlanTests {
  @Test func shardsSplitEveryScanExactlyOnceAndTheBudget() throws {
    let yaml = s4ePlan(assets: 40, rate: 9)
    var seen: [String] = []
    for index in 1...3 {
      var selection = RunSelection()
      selection.shard = RunSelection.Shard(index: index, count: 3)
      let plan = try runPlan(yaml, selection: selection)
      seen += plan.jobs.map(\.id)
      #expect(plan.budgets[0].requestsPerSecond == 3)
      // Stable: the same ids land in the same shard every time.
      #expect(plan.jobs.allSatisfy { RunPlan.shardIndex(of: $0.id, count: 3) == index - 1 })
    }
    #expect(seen.sorted() == (0..<40).map { "asset-\($0)/s0" }.sorted())
    // FNV-1a, pinned so that shards never move between versions.
    #expect(RunPlan.shardIndex(of: "storefront/web_app", count: 1000) == 400)
    #expect(RunPlan.shardIndex(of: "a", count: 1000) == 996)
  }

  @Test func tagsAndOnlySelect() throws {
    let yaml = """
      version: 1
      providers:
        s4e: { type: s4e, token: "${S4E_API_TOKEN}" }
      assets:
        - { name: a, provider: s4e, asset_id: \(uuid(1)), tags: [prod], scans: [{ scan_type: quick }, { scan_type: ssl }] }
        - { name: b, provider: s4e, asset_id: \(uuid(2)), tags: [staging], scans: [{ scan_type: quick }] }
      """
    var selection = RunSelection()
    selection.tags = ["prod"]
    #expect(try runPlan(yaml, selection: selection).jobs.map(\.id) == ["a/quick", "a/ssl"])
    selection.only = ["a/ssl", "b/quick"]
    #expect(try runPlan(yaml, selection: selection).jobs.map(\.id) == ["a/ssl"])
  }

  @Test func environmentReferencesAreResolvedAndChecked() throws {
    let yaml = """
      version: 1
      providers:
        s4e: { type: s4e, token: "${S4E_API_TOKEN}", base_url: "http://${HOST:-127.0.0.1}:9/v1/" }
      assets:
        - { name: a, provider: s4e, asset_id: "${ASSET}", scans: [{ scan_type: quick }] }
      """
    let plan = try #require(
      PlanValidator(registry: Vendors.registry).validate(SourceText(path: "p.yaml", text: yaml))
        .plan)
    let ready = try RunPlan.prepare([plan], environment: ["S4E_API_TOKEN": "t", "ASSET": uuid(5)])
      .get()
    #expect(ready.jobs[0].baseURL == "http://127.0.0.1:9/v1")
    #expect(ready.jobs[0].assetKeys.first?.value == .string(uuid(5)))
    #expect(ready.secrets == ["t"])
    let problems = RunPlan.prepare([plan], environment: ["HOST": "example.com", "ASSET": "nope"])
    guard case .failure(let error) = problems else {
      Issue.record("prepared")
      return
    }
    #expect(!error.isUsage)
    #expect(
      error.problems.contains(
        "environment variable S4E_API_TOKEN is not set; provider `s4e` of p.yaml (token) needs it"))
  }

  @Test func aResolvedBaseURLWithTheAPIPathStopsTheRunWithItsFix() throws {
    let yaml = """
      version: 1
      providers:
        inv: { type: invicti, token: "${T}", base_url: "${INVICTI_URL}" }
      assets:
        - name: a
          provider: inv
          target_id: \(uuid(1))
          user_authorized_to_scan: yes
          scans: [{ profile_id: 11111111-1111-1111-1111-111111111112 }]
      """
    let plan = try #require(
      PlanValidator(registry: Vendors.registry).validate(SourceText(path: "p.yaml", text: yaml))
        .plan)
    let result = RunPlan.prepare(
      [plan], environment: ["T": "t", "INVICTI_URL": "https://acunetix.internal:3443/api/v1"])
    guard case .failure(let error) = result else {
      Issue.record("prepared")
      return
    }
    #expect(
      error.problems == [
        "provider `inv` of p.yaml: `base_url` resolves to https://acunetix.internal:3443/api/v1, "
          + "which ends with `/api/v1`; requests add it themselves, so set it to https://acunetix.internal:3443"
      ])
    let fixed = RunPlan.prepare(
      [plan], environment: ["T": "t", "INVICTI_URL": "https://acunetix.internal:3443"])
    #expect(try fixed.get().jobs[0].baseURL == "https://acunetix.internal:3443")
  }

  @Test func everyJobKnowsItsDeadlineAndWhereItComesFrom() throws {
    let plan = try runPlan(invictiPlan(targets: 1))
    #expect(plan.jobs[0].deadline == 72 * 3600)
    #expect(
      plan.jobs[0].deadlineSource
        == "Invicti's default deadline, 72h; set `poll.timeout` to wait longer")
    let timed = try runPlan(invictiPlan(targets: 1, poll: "{ timeout: 2h }"))
    #expect(timed.jobs[0].deadline == 7200)
    #expect(timed.jobs[0].deadlineSource == "`poll.timeout`")
  }

  @Test func providersOfOneServiceShareABudgetAtTheLowestRate() throws {
    func plan(_ file: String, _ rate: Int, asset: Int) throws -> ResolvedPlan {
      let yaml = """
        version: 1
        providers:
          s4e: { type: s4e, token: "${S4E_API_TOKEN}", requests_per_second: \(rate) }
        assets:
          - { name: a\(asset), provider: s4e, asset_id: \(uuid(asset)), scans: [{ scan_type: quick }] }
        """
      return try #require(
        PlanValidator(registry: Vendors.registry).validate(SourceText(path: file, text: yaml)).plan)
    }
    let ready = try RunPlan.prepare(
      [try plan("one.yaml", 5, asset: 1), try plan("two.yaml", 2, asset: 2)],
      environment: ["S4E_API_TOKEN": "t"]
    ).get()
    #expect(ready.budgets.count == 1)
    #expect(ready.budgets[0].requestsPerSecond == 2)
    #expect(ready.jobs.map(\.budget) == [0, 0])
  }
}

@Suite struct RunConsoleTests {
  @Test func linesAreTimestampedAndRedacted() throws {
    let plan = try runPlan(s4ePlan(assets: 1))
    let output = Output()
    let console = RunConsole(
      plan: plan, live: false, redactor: Redactor(secrets: ["s4e-secret-token"])
    ) {
      output.append($0)
    }
    var records: RunTable<JobID, ScanRecord> = [
      ScanRecord(job: 0, id: "asset-0/s0", provider: "s4e", location: "plan.yaml:15:11")
    ]
    records[0].outcome = .failed("the provider said s4e-secret-token is wrong")
    console.show(
      [.triggered(job: 0, scanID: "x-1", origin: .triggered), .finished(job: 0)], records: records,
      epoch: 1_800_000_000.25)
    #expect(
      output.value == """
        2027-01-15T08:00:00.250Z  asset-0/s0  triggered scan x-1 on s4e
        2027-01-15T08:00:00.250Z  asset-0/s0  failed: the provider said *** is wrong

        """)
  }

  @Test func theLiveViewRedrawsInPlace() throws {
    let plan = try runPlan(s4ePlan(assets: 2))
    let output = Output()
    let console = RunConsole(plan: plan, live: true, redactor: Redactor(secrets: [])) {
      output.append($0)
    }
    var records = RunTable<JobID, ScanRecord>(
      plan.jobs.map {
        ScanRecord(job: $0.index, id: $0.id, provider: "s4e", location: $0.location)
      })
    records[0].triggeredAt = 1
    records[0].lastStatus = "running"
    console.refresh(records: records, rates: [0.7], now: 75, force: true)
    console.refresh(records: records, rates: [1], now: 76, force: true)
    let frames = output.value.split(
      separator: "\u{1B}[3F\u{1B}[J", omittingEmptySubsequences: false)
    #expect(frames.count == 2)
    #expect(
      frames[0]
        == "scanplan run  1m15s  running 1  waiting 1\n  s4e: 0.70/s of 1.00/s\n  asset-0/s0  1m14s running\n"
    )
    #expect(frames[1].hasPrefix("scanplan run  1m16s"))
  }
}

@Suite struct FixedPointTests {
  @Test(arguments: [
    (1.4, 2, "1.40"), (0.25, 3, "0.250"), (12.34, 1, "12.3"), (0.05, 1, "0.1"), (2, 3, "2.000"),
    (59.9999, 3, "60.000"), (0.007, 2, "0.01"), (-0.25, 1, "-0.3"),
  ])
  func formatsWithEveryDecimal(_ value: Double, _ places: Int, _ expected: String) {
    #expect(FixedPoint.format(value, places: places) == expected)
  }
}

@Suite struct CountedTests {
  @Test(arguments: [
    (0, "0"), (7, "7"), (999, "999"), (1000, "1,000"), (20_000, "20,000"),
    (1_234_567, "1,234,567"), (-1000, "-1,000"),
  ])
  func groupsThousands(_ number: Int, _ expected: String) {
    #expect(Counted.grouped(number) == expected)
  }

  @Test func onlyOneIsSingular() {
    #expect(Counted.phrase(1, "scan") == "1 scan")
    #expect(Counted.phrase(0, "scan") == "0 scans")
    #expect(Counted.phrase(2000, "file", grouped: true) == "2,000 files")
    #expect(Counted.phrase(2000, "file") == "2000 files")
  }
}
