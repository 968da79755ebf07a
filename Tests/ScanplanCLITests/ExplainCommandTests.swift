import Testing

/// `scanplan explain CODE`: what the code means, a wrong example from its fixture with
/// what validation says, and, where the help names the fix, the line fixed.
@Suite struct ExplainCommandTests {
  @Test func aCodeIsShownWrongThenRight() async throws {
    let result = try await CLI.run(["explain", "P101"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("P101 unknown-key (error): "))
    #expect(result.stdout.contains("Wrong (unknown-top-level-key.yaml, line 13):"))
    #expect(result.stdout.contains(" 13 | asset: []\n"))
    #expect(result.stdout.contains("error[P101]: unknown key `asset` in the top level of a plan"))
    #expect(result.stdout.contains("help: did you mean `assets`?"))
    #expect(result.stdout.contains("Right:\n\n 13 | assets: []\n"))
  }

  @Test(arguments: ["S401", "W506", "V301", "p107"])
  func everyCodeWithAFixtureHasAnExample(_ code: String) async throws {
    let result = try await CLI.run(["explain", code])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Wrong ("), "\(result.stdout)")
  }

  @Test func anUnknownCodeIsWrongUsage() async throws {
    let result = try await CLI.run(["explain", "Z999"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("`scanplan docs diagnostics` lists them"))
  }
}
