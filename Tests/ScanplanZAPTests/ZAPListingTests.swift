import ScanplanJSON
import ScanplanVendorKit
import ScanplanZAP
import Testing

/// ZAP's `spiderViewScans` and `ascanViewScans`: every scan of a kind, without its URL,
/// read so that a lost trigger's scan can be found.
@Suite struct ZAPListingTests {
  static let api = ZAP.vendor.api as! any ListsScans & ListsFindings & RunsInStages

  @Test func theListIsOfTheKindTheTriggerStarts() throws {
    #expect(ZAP.vendor.api is any ListsScans)
    #expect(!Self.api.listsOneAssetsScans)
    let crawl = try #require(
      Self.api.lookupRequest(
        ZAPAnswerTests.active, cursor: nil, baseURL: "http://zap:8080", token: "K"))
    #expect(crawl.method == "GET")
    #expect(crawl.url == "http://zap:8080/JSON/spider/view/scans/")
    #expect(crawl.headers == [HTTPHeader("X-ZAP-API-Key", "K")])
    let attack = try #require(
      Self.api.lookupRequest(
        ZAPAnswerTests.attackOnly, cursor: nil, baseURL: "http://zap:8080", token: "K"))
    #expect(attack.url == "http://zap:8080/JSON/ascan/view/scans/")
  }

  @Test func eachScanIsKeptAsTheTriggerWouldNameIt() throws {
    let body = #"""
      {"scans":[{"progress":"100","id":"0","state":"FINISHED"},
        {"reqCount":"12","alertCount":"1","progress":"40","newAlertCount":"0","id":"1","state":"RUNNING"},
        {"id":2,"state":"PAUSED"},{"id":"3","state":"NOT_STARTED"},{"progress":"5"}]}
      """#
    let crawls = try Self.api.listing(
      ZAPAnswerTests.answer(200, body), trigger: ZAPAnswerTests.spider
    ).get()
    #expect(crawls.scans.map(\.id) == ["spider:0", "spider:1", "spider:2", "spider:3"])
    #expect(crawls.scans.map(\.state) == [.completed, .running, .paused, .queued])
    #expect(crawls.scans.allSatisfy { $0.matches })
    #expect(crawls.next == nil)
    let attacks = try Self.api.listing(
      ZAPAnswerTests.answer(200, body), trigger: ZAPAnswerTests.attackOnly
    ).get()
    #expect(attacks.scans.first?.id == "active:0")
  }

  @Test(arguments: [
    (#"{"scan":"1"}"#, "the scan list has no `scans` list"),
    (#"["scans"]"#, "the scan list is an array, not a JSON object"),
  ])
  func anOddListSaysWhy(_ body: String, _ message: String) {
    guard
      case .failure(let error) = Self.api.listing(
        ZAPAnswerTests.answer(200, body), trigger: ZAPAnswerTests.spider)
    else {
      Issue.record("read")
      return
    }
    #expect(error.message == message)
  }
}
