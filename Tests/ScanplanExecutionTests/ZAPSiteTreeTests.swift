import ScanplanExecution
import ScanplanPlan
import ScanplanReport
import ScanplanVendorKit
import Testing

/// ZAP attacks only a URL in its session's site tree (`ActiveScanAPI.scanURL` answers 400
/// `url_not_found` otherwise): an attack that does not crawl first has ZAP request the URL
/// first (`core/action/accessUrl`), and a URL ZAP cannot reach fails the scan with ZAP's
/// words, nothing attacked.
@Suite struct ZAPSiteTreeTests {
  static let attack = "{ scan_type: active, options: { crawl_first: false } }"

  @Test func anAttackWithoutACrawlHasZAPRequestItsURLFirst() throws {
    let fake = FakeZAP()
    let simulation = Simulation(try runPlan(zapPlan(urls: 2, scan: Self.attack)), census: true) {
      (fake.answer($0, $1), 0)
    }
    #expect(simulation.run())
    #expect(simulation.core.records.allSatisfy { $0.outcome == .completed })
    #expect(fake.scans["ascan"]?.count == 2)
    #expect(fake.scans["spider"] == nil)
    for job in 0..<2 {
      let kinds = simulation.sent.filter { $0.job.index == job }.map(\.kind)
      #expect(Array(kinds.prefix(3)) == [.prepare, .census, .trigger], "\(kinds)")
    }
    let prepare = try #require(simulation.sends(of: .prepare).first)
    #expect(
      prepare.request.url
        == "http://127.0.0.1:3/JSON/core/action/accessUrl/?url=https%3A%2F%2Fsite-0.example.test%2F"
    )
    #expect(prepare.request.headers.contains { $0.name == "X-ZAP-API-Key" })
  }

  /// A crawl puts its URL in the tree itself: nothing is requested before it.
  @Test func aCrawlAndAnAttackThatCrawlsNeedNoRequestFirst() throws {
    let fake = FakeZAP()
    let simulation = Simulation(
      try runPlan(zapPlan(urls: 2, scan: "{ scan_type: active }")), census: true
    ) { (fake.answer($0, $1), 0) }
    #expect(simulation.run())
    #expect(simulation.core.records.allSatisfy { $0.outcome == .completed })
    #expect(simulation.sends(of: .prepare).isEmpty)
    #expect(fake.scans["ascan"]?.count == 2)
  }

  @Test func aURLZAPCannotReachFailsItsScanWithZAPsWordsAndIsNotAttacked() throws {
    let fake = FakeZAP()
    fake.unreachable = ["https://site-1.example.test/"]
    var configuration = Simulation.exact()
    configuration.census = true
    let simulation = Simulation(
      try runPlan(zapPlan(urls: 2, scan: Self.attack)), configuration: configuration
    ) { (fake.answer($0, $1), 0) }
    #expect(simulation.run())
    #expect(simulation.core.records[0].outcome == .completed)
    let outcome = try #require(simulation.core.records[1].outcome)
    guard case .failed(let reason) = outcome else {
      Issue.record("\(outcome)")
      return
    }
    #expect(
      reason
        == "could not put the URL in ZAP's site tree (core/action/accessUrl), since the attack "
        + "does not crawl first: the provider answered 500: Internal Error: connection "
        + "refused (internal_error), 6 times in a row")
    // Retried as any 5xx (the target may still be starting), then given up; never attacked.
    #expect(simulation.sends(of: .prepare).filter { $0.job == 1 }.count == 6)
    #expect(simulation.sent.filter { $0.job == 1 && $0.kind == .trigger }.isEmpty)
    #expect(fake.count(url: "https://site-1.example.test/") == 0)
  }

  /// An error ZAP gives at once (a refused URL) fails the scan at once.
  @Test func aPreparationRefusedFailsTheScanBeforeItsTrigger() throws {
    let simulation = Simulation(try runPlan(zapPlan(urls: 1, scan: Self.attack))) { request, _ in
      #expect(!request.url.contains("/action/scan/"))
      return (
        .success(
          HTTPResponse(
            status: 400, text: #"{"code":"illegal_parameter","message":"Illegal Parameter"}"#)),
        0
      )
    }
    #expect(simulation.run())
    #expect(
      simulation.core.records[0].outcome
        == .failed(
          "the request to put the URL in ZAP's site tree (core/action/accessUrl), since the "
            + "attack does not crawl first was answered 400: Illegal Parameter "
            + "(illegal_parameter); nothing was triggered"))
  }
}
