import Foundation
import ScanplanExecution
import ScanplanJSON
import ScanplanPlan
import ScanplanReport
import ScanplanSupport
import ScanplanVendorKit
import ScanplanVendors
import ScanplanYAML
import Testing

/// Scans of several stages, on every registered vendor whose sample scan has them (ZAP's
/// crawl, then attack), in virtual time: the next stage starts once, after the stage
/// before completes, and a stage that cannot be started fails its scan closed.
@Suite struct StageTests {
  /// Vendors whose sample scan has a stage after its trigger.
  static let staged: [String] = Vendors.all.filter { vendor in
    !((vendor.api as? any RunsInStages)?.laterStages(
      VendorSample.triggerInput(vendor.table), baseURL: "", token: ""
    ) ?? []).isEmpty
  }.map(\.type.rawValue)

  struct Script {
    let plan: RunPlan
    let trigger: String
    let stage: String
    let vendor: Vendor

    init(_ name: String) throws {
      let type = try #require(Vendors.type(named: name))
      let vendor = try #require(Vendors.registry.vendor(type))
      let table = vendor.table
      let yaml = """
        version: 1
        providers:
          p: { \(VendorSample.providerEntries(table, baseURL: table.defaultBaseURL)), poll: { initial_interval: 5s, max_interval: 5s } }
        assets:
          - { name: a, provider: p, \(VendorSample.assetEntries(table, index: 0)), scans: [{ \(VendorSample.scanEntries(table)) }] }
        """
      let validation = PlanValidator(registry: Vendors.registry).validate(
        SourceText(path: "plan.yaml", text: yaml))
      let resolved = try #require(validation.plan)
      plan = try RunPlan.prepare(
        [resolved], environment: [VendorSample.credentialVariable(table): "k"]
      ).get()
      let input = resolved.scans[0].triggerInput
      trigger = vendor.api.triggerRequest(input, baseURL: table.defaultBaseURL, token: "k").url
      let stages = try #require(vendor.api as? any RunsInStages)
      stage = stages.laterStages(input, baseURL: table.defaultBaseURL, token: "k")[0].url
      self.vendor = vendor
    }

    /// The emulation's answers, each request routed as the emulator routes it: a created
    /// scan, completed polls, empty findings; the stage's start answered by `stage`.
    func answers(
      stage answer: @escaping () -> Result<HTTPResponse, TransportError>
    ) -> (HTTPRequest, Double) -> (Result<HTTPResponse, TransportError>, latency: Double) {
      let emulation = vendor.emulation
      let stage = self.stage
      var number = 0
      func scan(_ phase: EmulatedPhase) -> EmulatedScan {
        EmulatedScan(
          id: emulation.scanID(number: number, series: 0), asset: "a", echoed: [:], phase: phase,
          progress: 100, severities: [:], startDate: "2026-12-02T10:00:00Z")
      }
      return { request, _ in
        if request.url == stage {
          number += 1
          return (answer(), 0.1)
        }
        let (segments, query) = Self.route(request.url)
        let emulated: EmulatedAnswer
        switch emulation.route(
          method: request.method, segments: segments, query: query, body: request.body ?? [])
        {
        case .trigger?:
          number += 1
          emulated = emulation.created(scan(.queued(0)), origin: "", dialect: .seed)
        case .status?, .results?:
          emulated = emulation.status(scan(.completed), dialect: .seed)
        case .findings?, .assetFindings?:
          emulated = emulation.findings(
            [], of: scan(.completed), offset: 0, limit: 100, total: 0, dialect: .seed)
        case .list?:
          emulated = emulation.list([], next: nil, offset: 0, limit: 100, total: 0, dialect: .seed)
        case .answer(let status, let body)?:
          emulated = .json(status, body)
        case .visit(_, let body)?:
          emulated = .json(200, body)
        case nil:
          emulated = emulation.error(EmulatedError(404, code: "not_found", "no"), dialect: .seed)
        }
        return (
          .success(
            HTTPResponse(status: emulated.status, headers: emulated.headers, body: emulated.body)),
          0.1
        )
      }
    }

    /// A URL's path segments and query, as the emulator reads them.
    static func route(_ url: String) -> ([Substring], [String: String]) {
      let afterScheme = url.split(separator: "//", maxSplits: 1).last ?? ""
      let pathAndQuery = afterScheme.drop { $0 != "/" }
      let parts = pathAndQuery.split(separator: "?", maxSplits: 1)
      var query: [String: String] = [:]
      if parts.count > 1 {
        for pair in parts[1].split(separator: "&") {
          let nameValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
          query[PercentEncoding.decode(nameValue[0])] =
            nameValue.count > 1 ? PercentEncoding.decode(nameValue[1]) : ""
        }
      }
      return ((parts.first ?? "").split(separator: "/"), query)
    }
  }

  @Test(arguments: staged) func theNextStageStartsOnceAfterTheFirstCompletes(_ name: String)
    throws
  {
    let script = try Script(name)
    let emulation = script.vendor.emulation
    let simulation = Simulation(
      script.plan,
      answer: script.answers {
        let created = emulation.created(
          EmulatedScan(
            id: emulation.scanID(number: 2, series: 0), asset: "a", echoed: [:], phase: .queued(0),
            progress: 0, severities: [:], startDate: ""), origin: "", dialect: .seed)
        return .success(
          HTTPResponse(status: created.status, headers: created.headers, body: created.body))
      })
    #expect(simulation.run())
    #expect(simulation.outcome("a/scan") == .completed)
    let urls = simulation.sent.map(\.request.url)
    #expect(urls.filter { $0 == script.stage }.count == 1)
    let trigger = try #require(urls.firstIndex(of: script.trigger))
    let stage = try #require(urls.firstIndex(of: script.stage))
    // At least one poll of the first stage came between.
    #expect(stage > trigger + 1)
    #expect(
      simulation.events.contains {
        if case .staged = $0.event { return true } else { return false }
      })
  }

  @Test(arguments: staged) func aStageRefusedFailsTheScanWithTheReason(_ name: String) throws {
    let script = try Script(name)
    let error = script.vendor.emulation.error(
      EmulatedError(400, code: "url_not_found", "URL Not Found in the Scan Tree"), dialect: .seed)
    let simulation = Simulation(
      script.plan,
      answer: script.answers {
        .success(HTTPResponse(status: error.status, headers: error.headers, body: error.body))
      })
    #expect(simulation.run())
    let outcome = try #require(simulation.outcome("a/scan"))
    #expect(outcome != .completed)
    #expect(outcome.reason?.contains("next stage") == true, "\(outcome)")
    #expect(outcome.reason?.contains("URL Not Found") == true, "\(outcome)")
  }

  @Test(arguments: staged) func aStageWithoutAnAnswerIsNotStartedTwice(_ name: String) throws {
    let script = try Script(name)
    let simulation = Simulation(
      script.plan,
      answer: script.answers { .failure(TransportError(.timeout, "no answer within 30 s")) })
    #expect(simulation.run())
    let outcome = try #require(simulation.outcome("a/scan"))
    #expect(outcome.label == "errored", "\(outcome)")
    #expect(outcome.reason?.contains("not started again") == true, "\(outcome)")
    #expect(simulation.sent.filter { $0.request.url == script.stage }.count == 1)
  }

  /// A stage sent and then the run killed: the state file says so, and the next run ends
  /// the scan rather than start the stage again.
  @Test(arguments: staged) func aStageStartedByAnEarlierRunIsNotStartedAgain(_ name: String)
    throws
  {
    let script = try Script(name)
    let path = StateJournalTests.temporaryPath()
    defer { unlink(path) }
    let journal = try StateJournal(path: path)
    var records: RunTable<JobID, ScanRecord> = [
      ScanRecord(job: 0, id: "a/scan", provider: "p", location: "plan.yaml:1:1")
    ]
    records[0].scanID = "first-stage"
    journal.record(
      [
        .triggering(job: 0), .triggered(job: 0, scanID: "first-stage", origin: .triggered),
        .staging(job: 0),
      ],
      plan: script.plan, records: records, epoch: 1_800_000_000)
    try journal.save()
    journal.stopAppending()
    let restored = try StateJournal(path: path).restored(for: script.plan)
    #expect(restored["a/scan"]?.stagedAfter == "first-stage")
    let simulation = Simulation(script.plan, restored: restored) { _, _ in
      Issue.record("a request was sent")
      return (.failure(TransportError(.network, "none")), 0)
    }
    #expect(simulation.run())
    let outcome = try #require(simulation.outcome("a/scan"))
    #expect(outcome.label == "errored")
    #expect(outcome.reason?.contains("not started again") == true, "\(outcome)")
    #expect(simulation.sent.isEmpty)
    // Once the stage was answered, the state names the stage polled next, and nothing is
    // held against it.
    let answered = try StateJournal(path: path)
    answered.record(
      [.staged(job: 0, scanID: "second-stage")], plan: script.plan, records: records,
      epoch: 1_800_000_000)
    try answered.save()
    answered.stopAppending()
    let after = try StateJournal(path: path).restored(for: script.plan)
    #expect(after["a/scan"]?.stagedAfter == nil)
    #expect(after["a/scan"]?.scanID == "second-stage")
  }
}
