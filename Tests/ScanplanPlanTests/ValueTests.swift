import ScanplanJSON
import ScanplanPlan
import ScanplanRendering
import Testing

@Suite struct DurationTests {
  static let valid: [(String, Int)] = [
    ("90s", 90), ("15m", 900), ("1h30m", 5400), ("1h", 3600), ("2h0m5s", 7205), ("0s", 0),
    ("90m", 5400), ("1m30s", 90),
  ]
  static let invalid: [(String, PlanDuration.ParseError)] = [
    ("", .empty), ("-5m", .negative), ("1h-5m", .negative), ("5x", .unknownUnit("x")),
    ("1.5h", .fraction), ("5m1h", .unitOrder), ("1h1h", .unitOrder), ("h", .unitOrder),
    ("1h 30m", .whitespace), ("90", .missingUnit), ("1h30", .missingUnit),
    ("99999999999999999999s", .tooLarge), ("5d", .unknownUnit("d")), ("5M", .unknownUnit("M")),
  ]

  @Test(arguments: valid)
  func parses(_ text: String, _ seconds: Int) throws {
    #expect(try PlanDuration.parse(text).get() == seconds)
  }

  @Test(arguments: invalid)
  func rejects(_ text: String, _ error: PlanDuration.ParseError) {
    #expect(throws: error) { try PlanDuration.parse(text).get() }
  }

  @Test func formatsShortest() {
    #expect(PlanDuration.format(seconds: 3600) == "1h")
    #expect(PlanDuration.format(seconds: 90) == "1m30s")
    #expect(PlanDuration.format(seconds: 0) == "0s")
    #expect(PlanDuration.format(seconds: 3661) == "1h1m1s")
  }
}

@Suite struct EnvironmentTemplateTests {
  @Test func readsReferencesFallbacksAndEscapes() throws {
    let template = try EnvironmentTemplate.parse(
      "https://${HOST:-api.s4e.io}/$${literal}/${PATH_1}"
    ).get()
    #expect(
      template.parts == [
        .literal("https://"), .reference(name: "HOST", fallback: "api.s4e.io"),
        .literal("/${literal}/"),
        .reference(name: "PATH_1", fallback: nil),
      ])
    #expect(template.variableNames == ["HOST", "PATH_1"])
    #expect(try template.resolve(["PATH_1": "x"]).get() == "https://api.s4e.io/${literal}/x")
    #expect(try template.resolve(["PATH_1": "x", "HOST": "h"]).get() == "https://h/${literal}/x")
    #expect(throws: EnvironmentTemplate.MissingVariables(names: ["PATH_1"])) {
      try template.resolve(["PATH_1": ""]).get()
    }
  }

  @Test func singleReferenceIsExactlyOneBareReference() throws {
    #expect(try EnvironmentTemplate.parse("${TOKEN}").get().singleReference == "TOKEN")
    #expect(try EnvironmentTemplate.parse("${TOKEN:-x}").get().singleReference == nil)
    #expect(try EnvironmentTemplate.parse("Bearer ${TOKEN}").get().singleReference == nil)
    #expect(try EnvironmentTemplate.parse("$TOKEN").get().hasReferences == false)
  }

  @Test(arguments: ["${", "${}", "${1A}", "${A-B}", "x${A:fallback}", "${A"])
  func rejectsMalformedReferences(_ text: String) {
    #expect(throws: EnvironmentTemplate.SyntaxError.self) {
      try EnvironmentTemplate.parse(text).get()
    }
  }
}

@Suite struct ColorChoiceTests {
  @Test func autoFollowsTheTerminalAndNoColor() {
    #expect(ColorChoice.auto.resolve(isTerminal: true, environment: [:]))
    #expect(!ColorChoice.auto.resolve(isTerminal: false, environment: [:]))
    #expect(!ColorChoice.auto.resolve(isTerminal: true, environment: ["NO_COLOR": "1"]))
    #expect(ColorChoice.auto.resolve(isTerminal: true, environment: ["NO_COLOR": ""]))
    #expect(!ColorChoice.auto.resolve(isTerminal: true, environment: ["TERM": "dumb"]))
    #expect(ColorChoice.always.resolve(isTerminal: false, environment: ["NO_COLOR": "1"]))
    #expect(!ColorChoice.never.resolve(isTerminal: true, environment: [:]))
  }

  @Test func githubActionsChoosesAnnotations() {
    #expect(DiagnosticFormat.automatic(environment: ["GITHUB_ACTIONS": "true"]) == .github)
    #expect(DiagnosticFormat.automatic(environment: [:]) == .text)
  }
}

@Suite struct BooleanSpellingTests {
  /// A plan whose one boolean setting is written as `spelling`.
  static func plan(_ spelling: String) -> String {
    """
    version: 1
    providers:
      s4e: { type: s4e, token: "${S4E_API_TOKEN}" }
    assets:
      - name: web
        provider: s4e
        asset_id: a1b2c3d4-e5f6-7890-abcd-ef1234567890
        scans:
          - scan_type: web_app
            options: { follow_redirects: \(spelling) }
    """
  }

  @Test(arguments: [
    ("true", true), ("True", true), ("TRUE", true), ("false", false), ("False", false),
    ("FALSE", false),
  ])
  func coreSpellingsAreBooleans(_ spelling: String, _ value: Bool) throws {
    let validation = validate(Self.plan(spelling))
    #expect(validation.diagnostics.isEmpty, "\(validation.diagnostics.map(\.message))")
    let scan = try #require(validation.plan?.scans.first)
    #expect(scan.setting("options", "follow_redirects") == .bool(value))
  }

  @Test(arguments: ["tRUE", "TrUE", "fALSE", "truE", "'true'", "tru", "truee"])
  func otherSpellingsAreNot(_ spelling: String) {
    #expect(validate(Self.plan(spelling)).hasErrors)
  }
}
