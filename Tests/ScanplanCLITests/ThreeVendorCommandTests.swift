import Foundation
import ScanplanJSON
import Testing

/// A plan that mixes every vendor of this build (S4E, Invicti and ZAP) through every
/// command a team uses: validate, plan, run, diff, report, the page and SARIF.
@Suite(.serialized) struct ThreeVendorCommandTests {
  static let plan = """
    version: 1
    providers:
      s4e: { type: s4e, token: "${S4E_API_TOKEN}" }
      inv: { type: invicti, token: "${INVICTI_API_TOKEN}" }
      zap: { type: zap, base_url: "http://localhost:8080", api_key: "${ZAP_API_KEY}" }
    profiles:
      web: { scan_type: web_app }
      crawl: { scan_type: spider, options: { max_children: 10 } }
    assets:
      - name: shop
        provider: s4e
        asset_id: a1b2c3d4-e5f6-7890-abcd-ef1234567890
        scans: [{ profile: web, fail_on: { critical: 100 } }]
      - name: api
        provider: inv
        target_id: 2df49409-ee21-4080-9640-eb46f4610054
        user_authorized_to_scan: yes
        scans: [{ profile_id: 11111111-1111-1111-1111-111111111112, fail_on: { critical: 100 } }]
      - name: site
        provider: zap
        url: https://site.example.test/
        scans:
          - { name: crawl, profile: crawl }
          - { name: attack, scan_type: active, fail_on: { high: 100 } }

    """

  @Test func everyCommandWorksOnAPlanOfEveryVendor() async throws {
    let directory = try RunCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
    try Self.plan.write(toFile: path("plan.yaml"), atomically: true, encoding: .utf8)
    let changed = Self.plan.replacingOccurrences(of: "max_children: 10", with: "max_children: 3")
      .replacingOccurrences(of: "fail_on: { high: 100 }", with: "fail_on: { high: 1 }")
    try changed.write(toFile: path("changed.yaml"), atomically: true, encoding: .utf8)

    let validate = try await CLI.run(["validate", path("plan.yaml")])
    #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")

    let plan = try await CLI.run(
      ["plan", path("plan.yaml")],
      environment: ["S4E_API_TOKEN": "t1", "INVICTI_API_TOKEN": "t2", "ZAP_API_KEY": "t3"])
    #expect(plan.status == 0, "\(plan.stderr)")
    for part in [
      "/api/scan/create", "/api/v1/scans", "/JSON/spider/action/scan/?url=",
      "then, once the stage before has completed:", "/JSON/ascan/action/scan/",
      "X-ZAP-API-Key: ${ZAP_API_KEY}", "4 scans would be triggered",
    ] {
      #expect(plan.stdout.contains(part), "\(part)")
    }
    #expect(!plan.stdout.contains("t3"))

    let run = try await CLI.run([
      "run", "--sandbox", path("plan.yaml"), "--report", path("report.json"),
      "--sarif", path("run.sarif"), "--html", path("run.html"), "--junit", path("run.xml"),
    ])
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    #expect(run.stdout.contains("4 completed"), "\(run.stdout)")
    #expect(run.stdout.contains("next stage started"))
    let report = try JSONParser().parse(
      Array(try Data(contentsOf: URL(fileURLWithPath: path("report.json")))))
    let scans = try #require(report["scans"]?.arrayValue)
    #expect(Set(scans.compactMap { $0["provider"]?.stringValue }) == ["s4e", "inv", "zap"])
    #expect(scans.allSatisfy { $0["findings"]?.arrayValue?.isEmpty == false })
    let sarif = try String(contentsOfFile: path("run.sarif"), encoding: .utf8)
    #expect(sarif.contains("\"version\": \"2.1.0\"") || sarif.contains("\"version\":\"2.1.0\""))
    #expect(sarif.contains("https://site.example.test/"))
    let page = try String(contentsOfFile: path("run.html"), encoding: .utf8)
    #expect(page.contains("site/attack") && page.contains("api/scan") && page.contains("shop/web"))

    let redrawn = try await CLI.run([
      "report", path("report.json"), "--sarif", path("again.sarif"), "--html", path("again.html"),
    ])
    #expect(redrawn.status == 0, "\(redrawn.stdout)\(redrawn.stderr)")
    #expect(FileManager.default.fileExists(atPath: path("again.sarif")))

    let diff = try await CLI.run(["diff", path("plan.yaml"), path("changed.yaml")])
    #expect(diff.status == 0, "\(diff.stderr)")
    #expect(
      diff.stdout.contains("site/crawl") && diff.stdout.contains("maxChildren"), "\(diff.stdout)")
    #expect(diff.stdout.contains("site/attack") && diff.stdout.contains("fail_on.high"))
    #expect(!diff.stdout.contains("shop/web"))
  }
}
