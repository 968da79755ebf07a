import Foundation
import ScanplanExecution
import ScanplanJSON
import ScanplanReport
import ScanplanVendorKit
import Testing

/// An S4E service whose completed scans list `count` findings, 100 a page, in one of a
/// few ways a server can fail to.
final class FakeFindings {
  enum Mode: String, CaseIterable, Sendable {
    case listed
    /// Every findings request answers 500.
    case serverError
    /// The answer has no list.
    case noList
    /// Every page says there is one more.
    case neverEnds
    /// 404: the findings endpoint is not there.
    case missing
  }

  let fake = FakeS4E(duration: 10)
  let count: Int
  let mode: Mode
  /// Severities, in turn, of the listed findings.
  var severities = ["high", "medium", "low", "info"]
  /// Statuses, in turn.
  var statuses = ["open"]
  /// The pages asked for, by scan.
  private(set) var pages: [String: [Int]] = [:]

  init(count: Int, mode: Mode = .listed) {
    self.count = count
    self.mode = mode
  }

  func item(_ index: Int, scan: String) -> String {
    #"{"id":"\#(scan)-\#(index)","title":"Check \#(index % 7)","severity":"\#(severities[index % severities.count])","status":"\#(statuses[index % statuses.count])","url":"https://shop.example/p/\#(index)?id=\#(scan)","parameter":"id"}"#
  }

  func answer(_ request: HTTPRequest, _ now: Double) -> (
    Result<HTTPResponse, TransportError>, latency: Double
  ) {
    guard request.url.contains("/api/findings?") else { return (fake.answer(request, now), 0.05) }
    let query = request.url.split(separator: "?")[1].split(separator: "&")
    func value(_ name: String) -> String {
      query.first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) } ?? ""
    }
    let scan = value("scan_id")
    let page = Int(value("page")) ?? 1
    pages[scan, default: []].append(page)
    switch mode {
    case .serverError:
      return (.success(HTTPResponse(status: 500, text: #"{"message":"boom"}"#)), 0.05)
    case .missing:
      return (.success(HTTPResponse(status: 404, text: #"{"message":"no such endpoint"}"#)), 0.05)
    case .noList:
      return (.success(HTTPResponse(status: 200, text: #"{"items":[]}"#)), 0.05)
    case .neverEnds:
      let items = (0..<100).map { item($0, scan: scan) }.joined(separator: ",")
      return (
        .success(
          HTTPResponse(
            status: 200,
            text: #"{"data":[\#(items)],"meta":{"page":\#(page),"total_pages":\#(page + 1)}}"#)),
        0.05
      )
    case .listed:
      let range = min(count, (page - 1) * 100)..<min(count, page * 100)
      let items = range.map { item($0, scan: scan) }.joined(separator: ",")
      return (.success(HTTPResponse(status: 200, text: #"{"findings":[\#(items)]}"#)), 0.05)
    }
  }
}

@Suite struct FindingsRunTests {
  static func plan(assets: Int = 1, gate: String? = "{ high: 1 }", rate: Double = 2) -> String {
    s4ePlan(
      assets: assets, rate: rate, poll: "{ initial_interval: 2s, max_interval: 2s }",
      extra: gate.map { "    defaults: { fail_on: \($0) }" } ?? "")
  }

  @Test func findingsAreReadPageByPageInsideTheBudget() throws {
    let server = FakeFindings(count: 250)
    let simulation = Simulation(try runPlan(Self.plan()), answer: server.answer)
    #expect(simulation.run())
    let record = simulation.core.records[0]
    #expect(record.outcome == .completed)
    #expect(record.findings?.count == 250)
    #expect(server.pages["scan-1"] == [1, 2, 3])
    #expect(simulation.sends(of: .findings).count == 3)
    // Every request, findings included, keeps the budget's spacing.
    let times = simulation.sent.map(\.time)
    #expect(zip(times, times.dropFirst()).allSatisfy { $1 - $0 >= 0.5 - 1e-9 })
    #expect(simulation.core.budgetStatistics[0].requests == simulation.sent.count)
    #expect(record.gate == .failed(["high: 63 >= 1"]))
    // The fingerprints are the vendor's findings', one each.
    #expect(Set(record.findings!.map(\.fingerprint)).count == 250)
  }

  /// A scan done at the vendor no longer holds its asset: S4E's next scan of the asset
  /// starts while the first one's findings are still being read.
  @Test func theNextScanOfAnAssetStartsWhileFindingsAreRead() throws {
    let server = FakeFindings(count: 450)
    let simulation = Simulation(
      try runPlan(
        s4ePlan(
          assets: 1, rate: 1, poll: "{ initial_interval: 2s, max_interval: 2s }",
          scansPerAsset: 2)), answer: server.answer)
    #expect(simulation.run())
    let secondTrigger = try #require(simulation.sends(of: .trigger, job: 1).first?.time)
    let firstFindings = simulation.sends(of: .findings, job: 0).map(\.time)
    #expect(firstFindings.count == 5)
    #expect(secondTrigger < firstFindings.last!)
    #expect(server.fake.triggersByAsset.values.allSatisfy { $0 == 2 })
    #expect(simulation.core.records.allSatisfy { $0.findings?.count == 450 })
  }

  @Test func suppressedFindingsAreListedButNeverCounted() throws {
    let server = FakeFindings(count: 8)
    server.severities = ["high"]
    server.statuses = ["open", "confirmed", "false_positive", "resolved"]
    let simulation = Simulation(
      try runPlan(Self.plan(gate: "{ high: 5 }")), answer: server.answer)
    #expect(simulation.run())
    let record = simulation.core.records[0]
    #expect(record.findings?.count == 8)
    #expect(record.findings?.count { $0.suppressed } == 4)
    #expect(record.gate == .passed)
  }

  /// Findings that cannot be read fail the gate closed, with the reason; a scan without a
  /// gate is a failure too. The run is never green.
  @Test(arguments: [
    (FakeFindings.Mode.serverError, "the provider answered 500: boom, 6 times in a row"),
    (.noList, "the findings answer has no `findings` or `data` list, 6 times in a row"),
    (.neverEnds, "the findings list did not end after 20 pages"),
    (.missing, "the findings request was answered 404: no such endpoint"),
  ])
  func findingsThatCannotBeReadFailClosed(_ mode: FakeFindings.Mode, _ reason: String) throws {
    let server = FakeFindings(count: 10, mode: mode)
    var configuration = Simulation.exact()
    configuration.retryBase = 0.5
    configuration.maxFindingsPages = 20
    // The first scan has a gate, the second none.
    let yaml = """
      version: 1
      providers:
        s4e:
          type: s4e
          base_url: http://127.0.0.1:1
          token: ${S4E_API_TOKEN}
          requests_per_second: 2
          triggers_per_minute: 60000
          poll: { initial_interval: 2s, max_interval: 2s }
      assets:
        - name: gated
          provider: s4e
          asset_id: \(uuid(0))
          scans: [{ scan_type: quick, fail_on: { critical: 1 } }]
        - name: plain
          provider: s4e
          asset_id: \(uuid(1))
          scans: [{ scan_type: quick }]
      """
    let simulation = Simulation(
      try runPlan(yaml),
      configuration: configuration, answer: server.answer)
    #expect(simulation.run())
    let (gated, plain) = (simulation.core.records[0], simulation.core.records[1])
    #expect(gated.outcome == .completed && plain.outcome == .completed)
    #expect(gated.findingsError == reason)
    #expect(gated.gate == .failed(["its findings could not be read: \(reason)"]))
    #expect(plain.gate == nil)
    #expect(plain.findingsError == reason)
    let report = RunReport(
      records: simulation.core.records, startedAt: 0, endedAt: simulation.now,
      interrupted: false, unreachableProviders: [])
    #expect(report.exitCode == 1)
    #expect(report.summary.contains(RunReport.Count(name: "findings_unread", count: 2)))
  }

  @Test func a429OnAFindingsPageIsWaitedOutNotAFailure() throws {
    let server = FakeFindings(count: 150)
    var throttled = false
    let simulation = Simulation(try runPlan(Self.plan())) { request, now in
      if request.url.contains("page=2"), !throttled {
        throttled = true
        return (
          .success(
            HTTPResponse(status: 429, headers: [HTTPHeader("Retry-After", "3")], text: "{}")),
          0.05
        )
      }
      return server.answer(request, now)
    }
    #expect(simulation.run())
    #expect(simulation.core.records[0].findings?.count == 150)
    #expect(simulation.core.records[0].findingsError == nil)
    #expect(simulation.core.budgetStatistics[0].throttled == 1)
  }

  /// Against a baseline: new, unchanged and absent, and the gate counts the new ones.
  @Test func aBaselineMarksEveryFindingAndGatesOnNewOnes() throws {
    let server = FakeFindings(count: 4)
    server.severities = ["high"]
    // A first run's findings, as its report keeps them.
    let first = Simulation(try runPlan(Self.plan()), answer: server.answer)
    #expect(first.run())
    var old = try #require(first.core.records[0].findings)
    // One that this run will not see again, and one it will see for the first time.
    old[0].fingerprint = "gone".padding(toLength: 32, withPad: "0", startingAt: 0)
    var baselineReport = RunReport(
      startedAt: "", endedAt: "", exitCode: 1, interrupted: false)
    var scan = RunReport.Scan(id: "asset-0/s0", provider: "s4e", status: .completed, location: "")
    scan.findings = old
    baselineReport.scans = [scan]
    var configuration = Simulation.exact()
    configuration.baseline = Baseline(baselineReport, source: "main.json")
    let second = Simulation(
      try runPlan(Self.plan(gate: "{ high: 2 }")), configuration: configuration,
      answer: server.answer)
    #expect(second.run())
    let findings = try #require(second.core.records[0].findings)
    #expect(findings.count { $0.baselineState == .new } == 1)
    #expect(findings.count { $0.baselineState == .unchanged } == 3)
    #expect(findings.count { $0.baselineState == .absent } == 1)
    // Four high findings are listed, but one is new: under the gate of 2.
    #expect(second.core.records[0].gate == .passed)
    // Without the baseline the same findings fail it.
    let plain = Simulation(try runPlan(Self.plan(gate: "{ high: 2 }")), answer: server.answer)
    #expect(plain.run())
    #expect(plain.core.records[0].gate == .failed(["high: 4 >= 2"]))
  }

  /// A scan missing from the baseline has only new findings.
  @Test func aScanTheBaselineLacksHasOnlyNewFindings() throws {
    var configuration = Simulation.exact()
    configuration.baseline = Baseline(
      RunReport(startedAt: "", endedAt: "", exitCode: 0, interrupted: false), source: "b.json")
    let simulation = Simulation(
      try runPlan(Self.plan()), configuration: configuration,
      answer: FakeFindings(count: 3).answer)
    #expect(simulation.run())
    #expect(simulation.core.records[0].findings?.allSatisfy { $0.baselineState == .new } == true)
  }

  /// A run that stopped while it read a scan's findings reads the rest: no trigger, no
  /// poll, no page read twice.
  @Test func aResumedRunReadsOnlyThePagesItHadNotRead() throws {
    let server = FakeFindings(count: 250)
    server.fake.scans["old-1"] = (created: -100, asset: uuid(0), duration: 10, final: "completed")
    var ended = ScanResult(outcome: .completed)
    ended.polls = 3
    ended.lastStatus = "completed"
    ended.lastState = .completed
    let read = (0..<100).map { index in
      Finding(
        vendorID: "old-\(index)", check: "Check", name: "Check", severity: .high, confidence: nil,
        url: nil, input: nil, status: "open", suppressed: false,
        fingerprint: String(index).padding(toLength: 32, withPad: "0", startingAt: 0))
    }
    let simulation = Simulation(
      try runPlan(Self.plan()),
      restored: [
        "asset-0/s0": .init(
          scanID: "old-1", attempted: true,
          findingsProgress: .init(
            ended: ended, findings: read, cursor: FindingsCursor(page: "2"), done: false))
      ], answer: server.answer)
    #expect(simulation.run())
    #expect(simulation.sends(of: .trigger).isEmpty)
    #expect(simulation.sends(of: .poll).isEmpty)
    #expect(server.pages["old-1"] == [2, 3])
    let record = simulation.core.records[0]
    #expect(record.outcome == .completed)
    #expect(record.findings?.count == 250)
    #expect(record.polls == 3)
  }
}
