import Foundation
import ScanplanPlan
import ScanplanRendering
import Testing

@Suite struct ValidateCommandTests {
  static let badPlan = "Tests/ScanplanCLITests/Goldens/bad-plan.yaml"

  @Test func validExamplesExitZero() async throws {
    let result = try await CLI.run(["validate", "examples/"])
    #expect(result.status == 0)
    let examples = try FileManager.default.subpathsOfDirectory(
      atPath: CLI.packageRoot.appendingPathComponent("examples").path
    ).filter { $0.hasSuffix(".yaml") }
    #expect(result.stdout == "\(examples.count) files valid\n")
    #expect(result.stderr.isEmpty)
  }

  @Test(arguments: DiagnosticFormat.allCases)
  func everyFormatMatchesItsGoldenAndExitsTwo(_ format: DiagnosticFormat) async throws {
    let result = try await CLI.run(["validate", "--format", format.rawValue, Self.badPlan])
    #expect(result.status == 2)
    try CLI.expectGolden(result.stdout, "bad-plan.\(format.rawValue)")
    // The literal token is in the plan, and in no output.
    #expect(!result.stdout.contains("do_not_print_me"))
  }

  @Test func githubIsTheDefaultInsideGitHubActions() async throws {
    let result = try await CLI.run(
      ["validate", Self.badPlan], environment: ["GITHUB_ACTIONS": "true"])
    #expect(result.stdout.hasPrefix("::error file=\(Self.badPlan),line=6,col=12"))
    #expect(result.status == 2)
  }

  @Test func colourFollowsTheFlagAndNoColor() async throws {
    let always = try await CLI.run(["validate", "--color", "always", Self.badPlan])
    #expect(always.stdout.contains("\u{1B}[1;31m"))
    let auto = try await CLI.run(["validate", Self.badPlan], environment: ["NO_COLOR": "1"])
    #expect(!auto.stdout.contains("\u{1B}["))
    let never = try await CLI.run(["validate", "--color", "never", Self.badPlan])
    #expect(!never.stdout.contains("\u{1B}["))
  }

  @Test func strictTurnsWarningsIntoErrors() async throws {
    let plan = """
      version: 1
      providers:
        s4e: { type: s4e, token: "${S4E_API_TOKEN}" }
      profiles:
        spare: { scan_type: quick }
      assets:
        - name: web
          provider: s4e
          asset_id: a1b2c3d4-e5f6-7890-abcd-ef1234567890
          scans: [{ scan_type: quick }]
      """
    let relaxed = try await CLI.run(["validate", "-"], stdin: plan)
    #expect(relaxed.status == 0)
    #expect(relaxed.stdout.contains("<stdin>:5:3: warning[W503]"))
    #expect(relaxed.stdout.hasSuffix("1 file valid (1 warning)\n"))
    let strict = try await CLI.run(["validate", "--strict", "-"], stdin: plan)
    #expect(strict.status == 2)
    #expect(strict.stdout.contains("<stdin>:5:3: error[W503]"))
  }

  @Test func reportsEveryFileInOneRun() async throws {
    let result = try await CLI.run([
      "validate", "--format", "json", Self.badPlan, "examples/quickstart.yaml",
    ])
    #expect(result.status == 2)
    #expect(result.stdout.contains("\"files\": 2"))
    #expect(
      result.stdout.contains("\"path\": \"examples/quickstart.yaml\", \"valid\": true"))
  }

  @Test(arguments: [
    (["validate"], "Missing expected argument"),
    (["validate", "no/such/plan.yaml"], "no such file or directory: no/such/plan.yaml"),
    (["validate", "--format", "xml", "examples/"], "xml"),
    (["validate", "--bogus", "examples/"], "Unknown option '--bogus'"),
    (["validate", "Sources/CLibYAML"], "no plan files (*.yaml, *.yml) under Sources/CLibYAML"),
    (["explain", "Z999"], "unknown diagnostic code"),
    (["nonsense"], "Unexpected argument"),
  ])
  func wrongUsageExitsSixtyFour(_ arguments: [String], _ message: String) async throws {
    let result = try await CLI.run(arguments)
    #expect(result.status == 64)
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }

  @Test func aFileOverTheLimitIsNotRead() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "scanplan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let big = directory.appendingPathComponent("big.yaml")
    #expect(FileManager.default.createFile(atPath: big.path, contents: nil))
    let handle = try FileHandle(forWritingTo: big)
    try handle.truncate(atOffset: 50 * 1024 * 1024)  // sparse: costs no disk
    try handle.close()
    let result = try await CLI.run(["validate", big.path])
    #expect(result.status == 2)
    #expect(result.stdout.contains("error[Y007]: the file is 50 MiB, over the limit of 10 MiB"))
  }

  @Test func directoriesAreSearchedSortedAndHiddenEntriesSkipped() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "scanplan-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    for path in ["b/two.yml", "a.yaml", ".hidden/x.yaml", "notes.txt", "b/.skip.yaml"] {
      let url = directory.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data("version: 2\n".utf8).write(to: url)
    }
    let result = try await CLI.run(["validate", "--format", "github", "."], directory: directory)
    var files: [Substring] = []
    for line in result.stdout.split(separator: "\n") {
      let file = line.split(separator: ",")[0]
      if files.last != file { files.append(file) }
    }
    #expect(files == ["::error file=./a.yaml", "::error file=./b/two.yml"])
  }

  @Test func schemaPrintsTheCommittedSchema() async throws {
    let result = try await CLI.run(["schema"])
    #expect(result.status == 0)
    let committed = try String(
      contentsOf: CLI.packageRoot.appendingPathComponent("schemas/scanplan.schema.json"),
      encoding: .utf8)
    #expect(result.stdout == committed)
  }

  @Test func versionAndExplain() async throws {
    #expect(try await CLI.run(["--version"]).stdout == ScanplanVersion.current + "\n")
    let explain = try await CLI.run(["explain", "p107"])
    #expect(explain.status == 0)
    #expect(explain.stdout.hasPrefix("P107 yaml11-boolean (error): "))
  }
}
