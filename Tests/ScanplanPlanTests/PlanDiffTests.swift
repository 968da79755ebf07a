import ScanplanJSON
import ScanplanPlan
import ScanplanRendering
import ScanplanVendors
import ScanplanYAML
import Testing

/// `scanplan diff`: scans matched by id, each changed field with its old and new value.
@Suite struct PlanDiffTests {
  static let base = """
    version: 1
    providers:
      s4e: { type: s4e, token: "${S4E_API_TOKEN}", requests_per_second: 2 }
      inv: { type: invicti, token: "${INV_TOKEN}", base_url: "https://invicti.example" }
    profiles:
      deep: { profile_id: 11111111-1111-4111-8111-111111111111 }
    assets:
      - name: web
        provider: s4e
        asset_id: "${WEB_ID}"
        scans:
          - { scan_type: web_app, options: { max_depth: 3 } }
          - { name: tls, scan_type: ssl }
          - { name: old, scan_type: quick }
      - name: api
        provider: inv
        target_id: 2df49409-ee21-4080-9640-eb46f4610054
        user_authorized_to_scan: yes
        scans: [{ name: dast, profile: deep, fail_on: { high: 1 } }]
    """

  func plan(_ text: String, file: String = "plan.yaml") throws -> ResolvedPlan {
    let validation = PlanValidator(registry: Vendors.registry).validate(
      SourceText(path: file, text: text))
    #expect(!validation.hasErrors, "\(validation.diagnostics.map(\.message))")
    return try #require(validation.plan)
  }

  func diff(_ head: String) throws -> PlanDiff {
    try PlanDiff.compare(base: [plan(Self.base)], head: [plan(head)]).get()
  }

  /// The base with each `(old, new)` replaced once.
  static func head(_ replacements: (String, String)...) -> String {
    var text = base
    for (old, new) in replacements {
      precondition(text.contains(old), old)
      text = text.replacing(old, with: new, maxReplacements: 1)
    }
    return text
  }

  @Test func theSamePlanHasNoChanges() throws {
    let diff = try diff(Self.base)
    #expect(diff.isEmpty)
    #expect(diff.unchanged == 4)
  }

  @Test func addedRemovedAndChangedScansAreFoundByID() throws {
    let diff = try diff(
      Self.head(
        ("      - { name: old, scan_type: quick }\n", ""),
        (
          "{ name: tls, scan_type: ssl }",
          "{ name: tls, scan_type: ssl }\n      - { name: new, scan_type: full }"
        ),
        ("max_depth: 3", "max_depth: 5")))
    #expect(diff.added.map(\.id) == ["web/new"])
    #expect(diff.added[0].location == "plan.yaml:14:11")
    #expect(diff.removed.map(\.id) == ["web/old"])
    #expect(diff.removed[0].provider == "s4e")
    #expect(diff.changed.map(\.scan.id) == ["web/web_app"])
    #expect(
      diff.changed[0].changes == [
        PlanDiff.Change(field: "request.body.options.max_depth", before: 3, after: 5)
      ])
    #expect(diff.unchanged == 2)
  }

  /// Each kind of field, one change at a time: what is sent, how it is polled, its
  /// gate, `wait`, and the provider's budget.
  @Test(arguments: [
    (
      ("scan_type: ssl", "scan_type: quick"), "web/tls", "request.body.scan_type", #""ssl""#,
      #""quick""#
    ),
    (
      ("11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"), "api/dast",
      "request.body.profile_id", #""11111111-1111-4111-8111-111111111111""#,
      #""22222222-2222-4222-8222-222222222222""#
    ),
    (
      ("profile: deep,", "profile: deep, schedule: { time_sensitive: true },"), "api/dast",
      "request.body.schedule.time_sensitive", "false", "true"
    ),
    (
      ("requests_per_second: 2 }", "requests_per_second: 0.5 }"), "web/tls",
      "budget.requests_per_second", "2", "0.5"
    ),
    (
      ("requests_per_second: 2 }", "requests_per_second: 2, triggers_per_minute: 5 }"), "web/tls",
      "budget.triggers_per_minute", "10", "5"
    ),
    (
      ("requests_per_second: 2 }", "requests_per_second: 2, max_concurrent_scans: 3 }"), "web/tls",
      "budget.max_concurrent_scans", "(unset)", "3"
    ),
    (
      ("requests_per_second: 2 }", "requests_per_second: 2, poll: { max_interval: 2m } }"),
      "web/tls", "poll.max_interval", "60", "120"
    ),
    (
      ("requests_per_second: 2 }", "requests_per_second: 2, poll: { timeout: 1h } }"), "web/tls",
      "poll.timeout", "(unset)", "3600"
    ),
    (
      ("fail_on: { high: 1 }", "fail_on: { high: 2, critical: 1 }"), "api/dast", "fail_on.high",
      "1", "2"
    ),
    (
      ("fail_on: { high: 1 }", "fail_on: { high: 1 }, wait: false"), "api/dast", "wait", "true",
      "false"
    ),
    (
      ("https://invicti.example", "https://eu.invicti.example"), "api/dast", "request.url",
      #""https://invicti.example/api/v1/scans""#, #""https://eu.invicti.example/api/v1/scans""#
    ),
    (
      ("${S4E_API_TOKEN}", "${S4E_TOKEN_2}"), "web/tls", "request.token", #""${S4E_API_TOKEN}""#,
      #""${S4E_TOKEN_2}""#
    ),
  ])
  func eachFieldKindShowsItsOldAndNewValue(
    _ replacement: (String, String), _ id: String, _ field: String, _ before: String,
    _ after: String
  ) throws {
    let diff = try diff(Self.head(replacement))
    #expect(diff.added.isEmpty && diff.removed.isEmpty)
    let changed = try #require(diff.changed.first { $0.scan.id == id })
    let change = try #require(changed.changes.first { $0.field == field })
    #expect(PlanDiffTestsSupport.shown(change.before) == before)
    #expect(PlanDiffTestsSupport.shown(change.after) == after)
  }

  @Test func environmentReferencesAreComparedAsWrittenAndNeverResolved() throws {
    // The same reference is the same value, whatever the environment holds.
    #expect(try diff(Self.base).isEmpty)
    let diff = try diff(Self.head(("${WEB_ID}", "${WEB_ASSET_ID}")))
    #expect(diff.changed.map(\.scan.id) == ["web/web_app", "web/tls", "web/old"])
    #expect(
      diff.changed[0].changes == [
        PlanDiff.Change(
          field: "request.body.asset_id", before: "${WEB_ID}", after: "${WEB_ASSET_ID}")
      ])
  }

  @Test func aScanThatMovesBetweenFilesIsUnchanged() throws {
    let moved = try plan("# moved\n\n" + Self.base, file: "other.yaml")
    let diff = try PlanDiff.compare(base: [plan(Self.base)], head: [moved]).get()
    #expect(diff.isEmpty && diff.unchanged == 4)
  }

  @Test func anIDTwiceOnOneSideCannotBeCompared() throws {
    let result = PlanDiff.compare(
      base: [try plan(Self.base), try plan(Self.base, file: "copy.yaml")], head: [])
    #expect(
      result.failure?.message
        == "scan id `web/web_app` is in both plan.yaml and copy.yaml of the base; compare them separately"
    )
  }
}

enum PlanDiffTestsSupport {
  static func shown(_ value: JSONValue?) -> String {
    value.map(JSONWriter.compact) ?? "(unset)"
  }
}

extension Result {
  var failure: Failure? {
    if case .failure(let error) = self { return error }
    return nil
  }
}
