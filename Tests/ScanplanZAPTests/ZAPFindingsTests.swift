import ScanplanJSON
import ScanplanVendorKit
import ScanplanZAP
import Testing

/// ZAP's alerts, read as findings: `results.md`'s paging, `risk`, `confidence`, and the
/// fingerprint of `pluginId`, the URL, `param` and `method`.
@Suite struct ZAPFindingsTests {
  static let api = ZAP.vendor.api as! any ListsScans & ListsFindings & RunsInStages
  static let scan = FindingsScan(
    scanID: "active:3", sessionID: nil,
    trigger: TriggerInput(
      assetKeys: [AssetKey("url", "https://shop.example.test/")], settings: ["scan_type": "active"])
  )

  static func alert(
    id: String = "7", plugin: String = "40012", risk: String = "High",
    confidence: String = "Medium", url: String = "https://shop.example.test/search?q=x",
    param: String = "q", method: String = "GET"
  ) -> String {
    """
    {"id":"\(id)","pluginId":"\(plugin)","alertRef":"\(plugin)-1","alert":"Cross Site Scripting (Reflected)",\
    "name":"Cross Site Scripting (Reflected)","risk":"\(risk)","confidence":"\(confidence)",\
    "url":"\(url)","param":"\(param)","method":"\(method)","evidence":"<script>","cweid":"79"}
    """
  }

  static func page(_ alerts: [String]) -> HTTPResponse {
    HTTPResponse(
      status: 200, headers: [HTTPHeader("Content-Type", "application/json")],
      body: Array(#"{"alerts":[\#(alerts.joined(separator: ","))]}"#.utf8))
  }

  @Test func theRequestPagesTheURLsAlerts() throws {
    let first = Self.api.findingsRequest(
      Self.scan, cursor: nil, baseURL: "http://zap:8080", token: "K")
    #expect(
      first.url
        == "http://zap:8080/JSON/alert/view/alerts/?baseurl=https%3A%2F%2Fshop.example.test%2F"
        + "&start=0&count=100")
    #expect(first.headers.contains(HTTPHeader("X-ZAP-API-Key", "K")))
    let full = try Self.api.findings(
      in: Self.page(Array(repeating: Self.alert(), count: 100)), of: Self.scan, cursor: nil
    ).get()
    #expect(full.next == FindingsCursor(page: "100"))
    let second = Self.api.findingsRequest(
      Self.scan, cursor: full.next, baseURL: "http://h", token: "K")
    #expect(second.url.contains("&start=100&count=100"))
    let short = try Self.api.findings(
      in: Self.page([Self.alert()]), of: Self.scan, cursor: full.next
    ).get()
    #expect(short.next == nil)
  }

  @Test func anAlertBecomesAFinding() throws {
    let page = try Self.api.findings(
      in: Self.page([
        Self.alert(),
        Self.alert(id: "8", risk: "Informational", confidence: "False Positive", param: ""),
        Self.alert(id: "9", risk: "Low"), Self.alert(id: "10", risk: "Medium"),
      ]), of: Self.scan, cursor: nil
    ).get()
    let first = page.findings[0]
    #expect(first.check == "40012")
    #expect(first.name == "Cross Site Scripting (Reflected)")
    #expect(first.severity == .high)
    #expect(first.confidence == "Medium")
    #expect(first.url == "https://shop.example.test/search?q=x")
    #expect(first.input == "q")
    #expect(first.vendorID == "7")
    #expect(first.status == "open" && !first.suppressed && first.counts)
    let falsePositive = page.findings[1]
    #expect(falsePositive.severity == .info)
    #expect(falsePositive.suppressed && !falsePositive.counts)
    #expect(falsePositive.input == nil)
    #expect(page.findings[2].severity == .low && page.findings[3].severity == .medium)
  }

  @Test func theFingerprintIsThePluginTheURLTheParameterAndTheMethod() throws {
    func fingerprint(_ alert: String) throws -> String {
      try Self.api.findings(in: Self.page([alert]), of: Self.scan, cursor: nil).get()
        .findings[0].fingerprint
    }
    let base = try fingerprint(Self.alert())
    // Another run: other ids, the query's value and the host's case differ.
    #expect(
      try fingerprint(Self.alert(id: "912", url: "https://SHOP.example.test:443/search?q=y"))
        == base)
    #expect(try fingerprint(Self.alert(method: "POST")) != base)
    #expect(try fingerprint(Self.alert(param: "name")) != base)
    #expect(try fingerprint(Self.alert(plugin: "40014")) != base)
    #expect(try fingerprint(Self.alert(url: "https://shop.example.test/other?q=x")) != base)
  }

  @Test func anAlertThatIsNoFindingMakesThePageUnreadable() {
    for (body, words) in [
      (#"{"alerts":[{"risk":"High"}]}"#, "no `pluginId`"),
      (#"{"alerts":[{"pluginId":"1"}]}"#, "no `risk`"),
      (#"{"alerts":[{"pluginId":"1","risk":"Critical"}]}"#, "`risk` is `Critical`"),
      (#"{"alerts":[7]}"#, "not an object"),
      (#"{"alert":[]}"#, "no `alerts` list"),
    ] {
      let response = HTTPResponse(status: 200, headers: [], body: Array(body.utf8))
      switch Self.api.findings(in: response, of: Self.scan, cursor: nil) {
      case .success: Issue.record("\(body) was read")
      case .failure(let error): #expect(error.message.contains(words), "\(error.message)")
      }
    }
  }
}
