import Testing

/// `scanplan explain CODE`: what the code means, a wrong example from its fixture with
/// what validation says, and the same lines fixed.
@Suite struct ExplainCommandTests {
  @Test func aCodeIsShownWrongThenRight() async throws {
    let result = try await CLI.run(["explain", "P101"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("P101 unknown-key (error): "))
    #expect(result.stdout.contains("Wrong (unknown-top-level-key.yaml, line 13):"))
    #expect(result.stdout.contains(" 13 | asset: []\n"))
    #expect(result.stdout.contains("error[P101]: unknown key `asset` in the top level of a plan"))
    #expect(result.stdout.contains("help: did you mean `assets`?"))
    #expect(
      result.stdout.contains(
        "Right:\n\n 11 |     scans:\n 12 |       - scan_type: web_app\n 13 | assets: []\n"))
  }

  /// A code whose help names no exact line still shows the plan fixed (the gate's line
  /// removed), from the fixture table's fix.
  @Test func aFixWithoutAHelpLineIsShownToo() async throws {
    let result = try await CLI.run(["explain", "W504"])
    #expect(result.status == 0)
    let right = try #require(result.stdout.split(separator: "Right:\n\n").last)
    #expect(
      right.hasPrefix(" 16 |       - profile_id: 11111111-1111-1111-1111-111111111112\n 17 |"))
    #expect(!right.contains("wait: false"))
  }

  @Test(arguments: ["S401", "W506", "V301", "p107"])
  func everyCodeWithAFixtureHasAnExample(_ code: String) async throws {
    let result = try await CLI.run(["explain", code])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Wrong ("), "\(result.stdout)")
    #expect(result.stdout.contains("Right:"), "\(result.stdout)")
  }

  @Test func anUnknownCodeIsWrongUsage() async throws {
    let result = try await CLI.run(["explain", "Z999"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("`scanplan docs diagnostics` lists them"))
  }
}
