/// The fix for a fixture's diagnostic, for `scanplan explain`'s right example: lines
/// `line...through` of the fixture replaced by `with` (nothing, to delete them). Where the
/// help itself names the fix (`did you mean`, `write`), the example needs no entry here.
struct DiagnosticFix {
  let fixture: String
  let line: Int
  let through: Int
  let with: [String]

  init(_ fixture: String, line: Int, through: Int? = nil, with: [String]) {
    self.fixture = fixture
    self.line = line
    self.through = through ?? line
    self.with = with
  }

  /// The fixture's lines, fixed.
  func apply(to lines: [String]) -> [String] {
    Array(lines[..<(line - 1)]) + with + Array(lines[through...])
  }

  static let asset = "    asset_id: a1b2c3d4-e5f6-7890-abcd-ef1234567890"

  /// Each code's fix, in the fixture `explain` shows it with; `DiagnosticExampleTests`
  /// checks that each one really removes its diagnostic.
  static let byCode: [String: DiagnosticFix] = [
    "P102": .init(
      "asset-missing-provider", line: 8, with: ["  - name: web", "    provider: s4e"]),
    "P103": .init(
      "asset-not-a-mapping", line: 8,
      with: ["  - name: web", "    provider: s4e", asset, "    scans: [{ scan_type: web_app }]"]),
    "P105": .init("fail-on-info-zero", line: 15, with: ["        fail_on: { high: 1, info: 1 }"]),
    "P106": .init("integer-past-int64", line: 13, with: ["        options: { max_depth: 10 }"]),
    "P107": .init("boolean-on", line: 14, with: ["          enable_bruteforce: true"]),
    "P108": .init("duration-float-seconds", line: 13, with: ["        options: { timeout: 30m }"]),
    "P109": .init("asset-through-alias", line: 10, with: [String(asset.dropFirst(2))]),
    "P110": .init("name-lookalike-letter", line: 8, with: ["  - name: web"]),
    "P112": .init(
      "assets-empty", line: 7,
      with: [
        "assets:", "  - name: web", "    provider: s4e", asset,
        "    scans: [{ scan_type: web_app }]",
      ]
    ),
    "P113": .init("base-url-ftp", line: 7, with: ["    base_url: https://api.s4e.io"]),
    "P115": .init(
      "profile-id-missing-after-merge", line: 16,
      with: [
        "      - profile_id: 11111111-1111-1111-1111-111111111111",
        "        schedule: { disable: true }",
      ]),
    "R203": .init("extends-cycle", line: 9, with: []),
    "R204": .init("duplicate-asset-name", line: 13, with: ["  - name: web-staging"]),
    "S402": .init(
      "base-url-http-lookalike-loopback", line: 7,
      with: ["    base_url: https://localhost.example.com"]),
    "S403": .init("env-reference-bad-name", line: 7, with: ["    base_url: https://${S4E_HOST}"]),
    "S404": .init("base-url-credentials", line: 7, with: ["    base_url: https://api.s4e.io"]),
    "S405": .init("env-reference-in-scan-type", line: 12, with: ["      - scan_type: web_app"]),
    "V301": .init("asset-id-on-invicti-asset", line: 13, with: []),
    "V302": .init("profile-does-not-fit", line: 25, with: []),
    "V304": .init("mixed-profile", line: 13, with: []),
    "W501": .init("max-depth-from-profile-on-ssl", line: 16, with: ["        scan_type: web_app"]),
    "W502": .init("poll-interval-zero", line: 7, with: ["    poll: { initial_interval: 1s }"]),
    "W503": .init("unused-profile", line: 8, through: 9, with: []),
    "W504": .init("gate-with-wait-false", line: 18, with: []),
    "W505": .init(
      "poll-intervals-reversed", line: 7,
      with: ["    poll: { initial_interval: 30s, max_interval: 2m }"]),
    "W506": .init("zap-plain-http-off-loopback", line: 7, with: ["    base_url: https://zap:8080"]),
    "Y001": .init("yaml-mapping-in-value", line: 13, with: ["x-note: \"a: b\""]),
    "Y004": .init("assets-written-twice", line: 15, through: 19, with: []),
    "Y005": .init("yaml-nesting-too-deep", line: 3, with: ["x-deep: [[]]"]),
    "Y006": .init("yaml-alias-bomb", line: 5, through: 10, with: []),
    "Y008": .init("yaml-second-document", line: 13, through: 14, with: []),
    "Y009": .init("yaml-undefined-alias", line: 3, with: ["x-b: &missing value", "x-a: *missing"]),
    "Y010": .init("yaml-recursive-alias", line: 3, with: ["x-item: &loop value", "x-a: [*loop]"]),
    "Y011": .init("yaml-unsupported-tag", line: 3, with: ["x-a: value"]),
    "Y013": .init("yaml-complex-key", line: 3, through: 4, with: ["x-ab: c"]),
    "Y014": .init(
      "yaml-empty-file", line: 2,
      with: [
        "version: 1", "providers:", "  s4e: { type: s4e, token: \"${S4E_API_TOKEN}\" }", "assets:",
        "  - name: web", "    provider: s4e", asset, "    scans: [{ scan_type: web_app }]",
      ]),
  ]
}
