import ScanplanPlan
import ScanplanYAML
import Testing

/// `diff` for a security review: each change that weakens a scan is marked, a removed
/// scan weakens, and a rename is a rename.
@Suite struct WeakeningTests {
  static let base = """
    version: 1
    providers:
      s4e: { type: s4e, token: "${S4E_API_TOKEN}", poll: { timeout: 2h } }
      zap: { type: zap, api_key: "${ZAP_API_KEY}" }
      inv: { type: invicti, token: "${INVICTI_API_TOKEN}" }
    assets:
      - name: web
        provider: s4e
        asset_id: a1b2c3d4-e5f6-7890-abcd-ef1234567890
        scans:
          - name: deep
            scan_type: web_app
            fail_on: { critical: 1, high: 3 }
            options: { max_depth: 10, enable_bruteforce: true, timeout: 1h }
      - name: site
        provider: zap
        url: https://site.example.test/
        scans: [{ name: attack, scan_type: active }]
      - name: shop
        provider: inv
        target_id: 2df49409-ee21-4080-9640-eb46f4610054
        user_authorized_to_scan: yes
        scans: [{ name: full, profile_id: 11111111-1111-1111-1111-111111111111 }]

    """

  static func diff(_ replacements: [(String, String)]) throws -> PlanDiff {
    var head = base
    for (old, new) in replacements { head = head.replacing(old, with: new) }
    let before = try #require(validate(base).plan)
    let after = try #require(validate(head, path: "head.yaml").plan)
    return try PlanDiff.compare(base: [before], head: [after]).get()
  }

  @Test(arguments: [
    ("high: 3", "high: 5", "fail_on.high"),
    ("fail_on: { critical: 1, high: 3 }", "fail_on: { critical: 1 }", "fail_on.high"),
    ("max_depth: 10", "max_depth: 3", "request.body.options.max_depth"),
    (
      "enable_bruteforce: true", "enable_bruteforce: false",
      "request.body.options.enable_bruteforce"
    ),
    ("timeout: 1h }", "timeout: 30m }", "request.body.options.timeout"),
    ("poll: { timeout: 2h }", "poll: { timeout: 1h }", "poll.timeout"),
    ("scan_type: web_app\n", "scan_type: web_app\n        wait: false\n", "wait"),
    // An attack that no longer crawls first drops a stage.
    ("scan_type: active }", "scan_type: active, options: { crawl_first: false } }", "stage2.url"),
    // The attack is dropped: the scan type itself covers less.
    ("scan_type: active }", "scan_type: spider }", "setting.scan_type"),
    ("scan_type: web_app\n", "scan_type: quick\n", "request.body.scan_type"),
    // A setting removed falls back to its default: a depth of 10 becomes 5.
    ("max_depth: 10, ", "", "request.body.options.max_depth"),
  ])
  func aWeakeningChangeIsMarked(_ old: String, _ new: String, _ field: String) throws {
    let diff = try Self.diff([(old, new)])
    let change = try #require(diff.changed.flatMap(\.changes).first { $0.field == field })
    #expect(change.weakens, "\(change)")
    #expect(diff.weakened)
  }

  @Test(arguments: [
    ("high: 3", "high: 2"),
    ("max_depth: 10", "max_depth: 12"),
    ("enable_bruteforce: true", "enable_bruteforce: true, follow_redirects: false"),
    ("poll: { timeout: 2h }", "poll: { timeout: 3h }"),
    ("scan_type: web_app\n", "scan_type: full\n"),
    // Removed, the service's timeout is its default, the hour written.
    (", timeout: 1h }", " }"),
  ])
  func aStrongerOrNeutralChangeIsNot(_ old: String, _ new: String) throws {
    let diff = try Self.diff([(old, new)])
    #expect(!diff.isEmpty)
    #expect(diff.changed.flatMap(\.changes).allSatisfy { !$0.weakens }, "\(diff.changed)")
    #expect(!diff.weakened)
  }

  /// A scan of each vendor whose scan type (S4E, ZAP) or profile (Invicti) is `SCAN`.
  static let coveragePlans = [
    "s4e": """
    version: 1
    providers: { p: { type: s4e, token: "${S4E_API_TOKEN}" } }
    assets:
      - { name: a, provider: p, asset_id: a1b2c3d4-e5f6-7890-abcd-ef1234567890,
          scans: [{ name: s, scan_type: SCAN }] }

    """,
    "zap": """
    version: 1
    providers: { p: { type: zap, api_key: "${ZAP_API_KEY}" } }
    assets:
      - { name: a, provider: p, url: "https://a.example.test/", scans: [{ name: s, SCAN }] }

    """,
    "invicti": """
    version: 1
    providers: { p: { type: invicti, token: "${INVICTI_API_TOKEN}" } }
    assets:
      - { name: a, provider: p, target_id: 2df49409-ee21-4080-9640-eb46f4610054,
          user_authorized_to_scan: yes, scans: [{ name: s, profile_id: SCAN }] }

    """,
  ]

  /// Before and after on each vendor, with the verdict: a change that drops what the scan
  /// covers weakens, and so does one to a value the vendor's table cannot rank.
  @Test(arguments: [
    // S4E: `full` covers every type, `quick` is the lightest, the targeted four differ.
    ("s4e", "full", "quick", true),
    ("s4e", "quick", "full", false),
    ("s4e", "full", "web_app", true),
    ("s4e", "web_app", "full", false),
    ("s4e", "web_app", "quick", true),
    ("s4e", "quick", "ssl", false),
    ("s4e", "web_app", "network", true),
    ("s4e", "api", "ssl", true),
    ("s4e", "network", "full", false),
    // ZAP: an attack covers the crawl it starts with; without the crawl it covers less.
    ("zap", "scan_type: active", "scan_type: spider", true),
    ("zap", "scan_type: spider", "scan_type: active", false),
    ("zap", "scan_type: active", "scan_type: spider, options: { recurse: true }", true),
    ("zap", "scan_type: spider", "options: { max_children: 5 }", false),
    ("zap", "scan_type: active", "options: { crawl_first: false }", true),
    ("zap", "scan_type: spider", "scan_type: active, options: { crawl_first: false }", true),
    ("zap", "options: { crawl_first: false }", "scan_type: active", false),
    ("zap", "scan_type: spider", "scan_type: spider, options: { subtree_only: true }", true),
    ("zap", "options: { recurse: false }", "options: { recurse: true }", false),
    ("zap", "options: { in_scope_only: false }", "options: { in_scope_only: true }", true),
    // A setting the head's scan type ignores weakens nothing.
    ("s4e", "network, options: { max_depth: 10 }", "network, options: { max_depth: 3 }", false),
    // Invicti: the built-in profiles rank by their checks; a custom one cannot be ranked.
    (
      "invicti", "11111111-1111-1111-1111-111111111111", "11111111-1111-1111-1111-111111111117",
      true
    ),
    (
      "invicti", "11111111-1111-1111-1111-111111111117", "11111111-1111-1111-1111-111111111111",
      false
    ),
    (
      "invicti", "11111111-1111-1111-1111-111111111111", "2df49409-ee21-4080-9640-eb46f4610054",
      true
    ),
  ])
  func coverageDecidesWeakening(_ vendor: String, _ old: String, _ new: String, _ weakens: Bool)
    throws
  {
    let plan = try #require(Self.coveragePlans[vendor])
    let base = try #require(validate(plan.replacing("SCAN", with: old)).plan)
    let head = try #require(validate(plan.replacing("SCAN", with: new), path: "head.yaml").plan)
    let diff = try PlanDiff.compare(base: [base], head: [head]).get()
    #expect(diff.changed.count == 1)
    #expect(diff.weakened == weakens, "\(diff.changed.flatMap(\.changes))")
  }

  @Test func aRemovedScanWeakensAndARenamedAssetIsARename() throws {
    let removed = try Self.diff([
      (
        "  - name: site\n    provider: zap\n    url: https://site.example.test/\n"
          + "    scans: [{ name: attack, scan_type: active }]\n", ""
      )
    ])
    #expect(removed.removed.map(\.id) == ["site/attack"])
    #expect(removed.weakened)
    let renamed = try Self.diff([("- name: web\n", "- name: store\n")])
    #expect(renamed.renamed.map { "\($0.from.id) -> \($0.to.id)" } == ["web/deep -> store/deep"])
    #expect(renamed.added.isEmpty && renamed.removed.isEmpty)
    #expect(!renamed.weakened)
  }

  /// Invicti's profiles are ids: a swap weakens when the new profile leaves out a check the
  /// old one ran (Full Scan to Crawl Only), or when either side is a profile nothing ranks.
  @Test(arguments: [
    ("111", "117", true),  // Full Scan to Crawl Only
    ("111", "113", true),  // Full Scan to SQL Injection
    ("113", "116", true),  // SQL Injection to Cross-site Scripting: a family dropped
    ("111", "2df49409-ee21-4080-9640-eb46f4610054", true),  // to a custom profile
    ("117", "112", false),  // Crawl Only to High Risk
    ("116", "111", false),  // Cross-site Scripting to Full Scan
    ("2df49409-ee21-4080-9640-eb46f4610054", "111", false),  // custom to Full Scan
    ("111", "11111111-1111-1111-1111-11111111111A", true),  // a custom id, not a built-in
  ])
  func aLighterInvictiProfileWeakens(_ old: String, _ new: String, _ weakens: Bool) throws {
    func id(_ short: String) -> String {
      short.count == 3 ? "11111111-1111-1111-1111-111111111" + short : short
    }
    let full = "profile_id: " + id("111")
    let base = Self.base.replacing(full, with: "profile_id: " + id(old))
    let head = Self.base.replacing(full, with: "profile_id: " + id(new))
    let diff = try PlanDiff.compare(
      base: [#require(validate(base).plan)], head: [#require(validate(head, path: "h.yaml").plan)]
    ).get()
    let change = try #require(
      diff.changed.flatMap(\.changes).first { $0.field == "request.body.profile_id" })
    #expect(change.weakens == weakens, "\(change)")
    #expect(diff.weakened == weakens)
    // Built-in profiles are shown by name beside their ids.
    let names = [
      "111": "Full Scan", "112": "High Risk", "113": "SQL Injection", "116": "Cross-site Scripting",
      "117": "Crawl Only",
    ]
    #expect(change.beforeName == names[old] && change.afterName == names[new], "\(change)")
  }
}
