import Testing

/// `plan` and `run` read a selection alike: a shard that holds no scan is not an error,
/// and an id or a tag that names nothing is, with the one that was likely meant.
@Suite struct SelectionCommandTests {
  static let tokens = ["S4E_API_TOKEN": "t"]

  /// Both of the quickstart's scans fall in shard 2 of 4.
  @Test(arguments: ["plan", "run"])
  func anEmptyShardIsNotAnError(_ command: String) async throws {
    let result = try await CLI.run(
      [command, "--shard", "3/4", "examples/quickstart.yaml"], environment: Self.tokens)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("shard 3/4 holds no scan of this plan"))
  }

  @Test(arguments: ["plan", "run"])
  func anEmptyShardOfASelectionSaysSo(_ command: String) async throws {
    let result = try await CLI.run(
      [
        command, "--shard", "1/2", "--tag", "web", "--only", "storefront/tls",
        "examples/quickstart.yaml",
      ],
      environment: Self.tokens)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("shard 1/2 holds no scan of this selection"))
  }

  @Test(arguments: [
    (
      ["--only", "storefront/webapp"],
      "--only `storefront/webapp` names no scan of the plan; did you mean `storefront/web_app`?"
    ),
    (["--tag", "wbe"], "--tag `wbe` names no tag of the plan; did you mean `web`?"),
    (["--tag", "nope"], "--tag `nope` names no tag of the plan; its tags are `prod` or `web`"),
  ])
  func aSelectionThatNamesNothingIsWrongUsageInBoth(_ selection: [String], _ message: String)
    async throws
  {
    for command in ["plan", "run"] {
      let result = try await CLI.run(
        [command] + selection + ["examples/quickstart.yaml"], environment: Self.tokens)
      #expect(result.status == 64, "\(command)")
      #expect(result.stderr.contains(message), "\(command): \(result.stderr)")
    }
  }
}
