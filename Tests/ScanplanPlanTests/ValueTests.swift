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
