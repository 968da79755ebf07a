import ScanplanExecution
import ScanplanJSON
import ScanplanPlan
import ScanplanVendorKit
import ScanplanVendors
import ScanplanYAML
import Testing

/// `${NAME}` values come from the tables, and `plan` and `run` read them through one
/// resolver: what the dry run lists is what a run reads.
@Suite struct ScanTemplateTests {
  static let yaml = """
    version: 1
    providers:
      inv: { type: invicti, token: "${INV_TOKEN}", base_url: "https://${INV_HOST:-invicti.example}" }
      s4e: { type: s4e, token: "${S4E_TOKEN}" }
    profiles:
      deep: { profile_id: "${PROFILE:-11111111-1111-4111-8111-111111111111}" }
    assets:
      - { name: web, provider: inv, target_id: "${TARGET}", user_authorized_to_scan: yes, scans: [{ profile: deep }] }
      - { name: api, provider: s4e, asset_id: "${ASSET}", scans: [{ scan_type: quick }] }
      - { name: lit, provider: s4e, asset_id: 00000000-0000-4000-8000-000000000001, scans: [{ scan_type: quick }] }
    """

  func plan() throws -> ResolvedPlan {
    let validation = PlanValidator(registry: Vendors.registry).validate(
      SourceText(path: "plan.yaml", text: Self.yaml))
    #expect(!validation.hasErrors, "\(validation.diagnostics.map(\.message))")
    return try #require(validation.plan)
  }

  @Test func templatesAreFoundFromTheTablesWithTheirKinds() throws {
    let scans = try plan().scans
    let web = scans[0].templates
    #expect(web.map(\.place) == [.assetKey("target_id"), .setting(["profile_id"])])
    #expect(web.map(\.key) == ["target_id", "profile_id"])
    #expect(web.allSatisfy { if case .uuid = $0.kind { true } else { false } })
    #expect(web[1].template.requiredNames.isEmpty)
    #expect(web[1].template.variableNames == ["PROFILE"])
    #expect(scans[1].templates.map(\.place) == [.assetKey("asset_id")])
    // A literal holds no template.
    #expect(scans[2].templates.isEmpty)
    #expect(web[0].problem(with: "not-a-uuid") == "something that is not a UUID")
    #expect(web[0].problem(with: "00000000-0000-4000-8000-000000000002") == nil)
  }

  @Test func resolvingReplacesEachValueInPlace() throws {
    let web = try plan().scans[0]
    let resolved = web.resolving([
      .assetKey("target_id"): "00000000-0000-4000-8000-000000000002",
      .setting(["profile_id"]): "00000000-0000-4000-8000-000000000003",
    ])
    #expect(resolved.assetKeys.map(\.key) == web.assetKeys.map(\.key))
    #expect(
      resolved.assetKeys.first { $0.key == "target_id" }?.value
        == "00000000-0000-4000-8000-000000000002")
    #expect(resolved.setting("profile_id") == "00000000-0000-4000-8000-000000000003")
    #expect(resolved.templates.isEmpty)
    // The trigger is built from the resolved values.
    #expect(resolved.triggerInput.value("target_id") == "00000000-0000-4000-8000-000000000002")
  }

  @Test func theDryRunListsExactlyTheVariablesARunReads() throws {
    let plan = try plan()
    let dry = DryRun([plan], selection: RunSelection(), environment: ["TARGET": ""])
    #expect(
      dry.variables.map(\.name) == [
        "INV_TOKEN", "INV_HOST", "TARGET", "PROFILE", "S4E_TOKEN", "ASSET",
      ])
    #expect(dry.unset == ["INV_TOKEN", "TARGET", "S4E_TOKEN", "ASSET"])
    #expect(dry.variables.first { $0.name == "PROFILE" }?.usedBy == ["scan `web/deep`"])
    // A run with nothing set misses exactly the variables the dry run calls unset.
    guard case .failure(let error) = RunPlan.prepare([plan], environment: [:]) else {
      Issue.record("prepared without a token")
      return
    }
    let named = dry.variables.map(\.name).filter { name in
      error.problems.contains { $0.hasPrefix("environment variable \(name) is not set") }
    }
    #expect(named == dry.unset)
    // With them set, the run sends the values.
    let environment = [
      "INV_TOKEN": "i", "TARGET": "00000000-0000-4000-8000-000000000009", "S4E_TOKEN": "s",
      "ASSET": "00000000-0000-4000-8000-000000000008",
    ]
    let ready = try RunPlan.prepare([plan], environment: environment).get()
    #expect(ready.jobs[0].triggerInput.value("target_id") == "00000000-0000-4000-8000-000000000009")
    #expect(
      ready.jobs[0].triggerInput.value("profile_id") == "11111111-1111-4111-8111-111111111111")
    #expect(ready.jobs[0].baseURL == "https://invicti.example")
    #expect(
      ready.jobs[1].assetKeys == [AssetKey("asset_id", "00000000-0000-4000-8000-000000000008")])
  }
}
