import Foundation
import ScanplanJSON
import Testing

/// `plan` shows what decides a run, not only its request: the merged gate, polling and
/// deadline, `wait`, the provider's budget, and, asked, where each setting was written.
@Suite struct PlanFactsTests {
  static let environment = ["S4E_API_TOKEN": "x", "INVICTI_API_TOKEN": "y"]

  @Test func textShowsGatePollDeadlineWaitAndBudget() async throws {
    let result = try await CLI.run(
      ["plan", "--only", "public-api/nightly-dast", "examples/multi-vendor.yaml"],
      environment: Self.environment)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("  gate: critical >= 1, high >= 5\n"), "\(result.stdout)")
    #expect(
      result.stdout.contains("  poll: after 5m, growing x2 to 10m; deadline 6h (`poll.timeout`)\n"))
    #expect(
      result.stdout.contains(
        "  budget: 1 request/s, no trigger limit, no limit on scans at once\n"))
    #expect(!result.stdout.contains("  settings:"))
    // An id the vendor names is shown by its name.
    #expect(result.stdout.contains("  profile_id is Invicti's \"High Risk\"\n"))
  }

  @Test func explainSettingsNamesWhereEachValueWasWritten() async throws {
    let result = try await CLI.run(
      [
        "plan", "--explain-settings", "--only", "storefront/deep-web", "examples/multi-vendor.yaml",
      ],
      environment: Self.environment)
    #expect(result.status == 0, "\(result.stderr)")
    // From the provider's defaults, the profile it extends, and the profile itself.
    #expect(
      result.stdout.contains(
        "    options.follow_redirects: true  (set by provider `s4e`'s defaults, at "
          + "examples/multi-vendor.yaml:20:27)"))
    #expect(
      result.stdout.contains(
        "    scan_type: \"web_app\"  (set by profile `web`, at examples/multi-vendor.yaml:33:16)"))
    #expect(
      result.stdout.contains(
        "    options.max_depth: 10  (set by profile `deep-web`, at examples/multi-vendor.yaml:37:27)"
      ))
    // And from the scan itself.
    let zap = try await CLI.run(
      ["plan", "--explain-settings", "--only", "api/attack", "examples/zap.yaml"],
      environment: ["ZAP_API_KEY": "k"])
    #expect(
      zap.stdout.contains(
        "    options.crawl_first: false  (set by the scan, at examples/zap.yaml:43:33)"),
      "\(zap.stdout)")
  }

  @Test func jsonAlwaysHasTheRunAndWhereEachSettingWasWritten() async throws {
    let result = try await CLI.run(
      ["plan", "--format", "json", "examples/multi-vendor.yaml"], environment: Self.environment)
    #expect(result.status == 0)
    let document = try JSONParser().parse(result.stdout)
    let scans = try #require(document["scans"]?.arrayValue)
    let dast = try #require(scans.first { $0["id"] == "public-api/nightly-dast" })
    let run = try #require(dast["run"]?.objectValue)
    #expect(run["fail_on"] == .object(["critical": 1, "high": 5]))
    #expect(run["wait"] == true)
    #expect(run["deadline_seconds"] == 21600)
    #expect(run["poll"]?["initial_interval_seconds"] == 300)
    #expect(run["budget"]?["requests_per_second"]?.doubleValue == 1)
    let profile = run["settings"]?.arrayValue?.first { $0["path"] == "profile_id" }
    #expect(profile?["value_name"] == "High Risk")
    let deep = try #require(scans.first { $0["id"] == "storefront/deep-web" })
    let settings = try #require(deep["run"]?["settings"]?.arrayValue)
    #expect(
      settings.contains {
        $0["path"] == "options.max_depth" && $0["value"] == 10
          && $0["set_at"] == "examples/multi-vendor.yaml:37:27"
          && $0["set_by"] == "profile `deep-web`"
      })
  }
}
