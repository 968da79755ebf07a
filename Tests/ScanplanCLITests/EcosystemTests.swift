import Foundation
import ScanplanPlan
import ScanplanRendering
import ScanplanYAML
import Testing

/// What the README tells users to run beside the core commands: init, completions,
/// the man page, the pre-commit hook and the CI examples.
@Suite struct EcosystemTests {
  @Test func initWritesAStarterPlanThatValidates() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "scanplan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let written = try await CLI.run(["init"], directory: directory)
    #expect(written.status == 0)
    let text = try String(
      contentsOf: directory.appendingPathComponent("scanplan.yaml"), encoding: .utf8)
    #expect(text.hasPrefix("# yaml-language-server: $schema=\(JSONSchemaGenerator.id)\n"))
    let validation = try await CLI.run(["validate", "scanplan.yaml"], directory: directory)
    #expect(validation.status == 0)
    #expect(validation.stdout == "1 file valid\n")
    let again = try await CLI.run(["init"], directory: directory)
    #expect(again.status == 64)
    #expect(again.stderr.contains("scanplan.yaml exists; pass --force to replace it"))
    #expect(try await CLI.run(["init", "--force"], directory: directory).status == 0)
  }

  /// `init --provider` writes a starter plan of each vendor that validates clean and runs
  /// every scan to its end in the sandbox.
  @Test(arguments: [("s4e", 2), ("invicti", 1), ("zap", 2)])
  func initWritesAStarterPlanOfEachVendor(_ type: String, _ scans: Int) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "scanplan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let written = try await CLI.run(
      ["init", "--provider", type, "plan.yaml"], directory: directory)
    #expect(written.status == 0, "\(written.stderr)")
    let text = try String(
      contentsOf: directory.appendingPathComponent("plan.yaml"), encoding: .utf8)
    #expect(text.contains("type: \(type)\n"))
    let validation = try await CLI.run(["validate", "plan.yaml"], directory: directory)
    #expect(validation.stdout == "1 file valid\n", "\(validation.stdout)")
    let run = try await CLI.run(["run", "--sandbox", "-q", "plan.yaml"], directory: directory)
    #expect(run.stdout.contains("\(scans) completed"), "\(run.stdout)\(run.stderr)")
    let unknown = try await CLI.run(["init", "--provider", "acme"], directory: directory)
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("the types are `s4e`, `invicti`, `zap`"))
  }

  @Test(arguments: ["bash", "zsh", "fish"])
  func completionScriptsCoverEveryCommand(_ shell: String) async throws {
    let result = try await CLI.run(["--generate-completion-script", shell])
    #expect(result.status == 0)
    for command in ["validate", "plan", "run", "init", "emulate", "schema", "explain"] {
      #expect(result.stdout.contains(command), "\(shell) lacks \(command)")
    }
    // fish names long options without their dashes (`-l sandbox`).
    #expect(result.stdout.contains("sandbox"))
    // The names `docs` and `explain` take are offered.
    for word in ["plan-reference", "diagnostics", "P101", "S401", "W506"] {
      #expect(result.stdout.contains(word), "\(shell) lacks \(word)")
    }
  }

  @Test func theManPageIsCommittedAndNamesEveryCommand() throws {
    let page = try String(
      contentsOf: CLI.packageRoot.appendingPathComponent("docs/man/scanplan.1"), encoding: .utf8)
    for command in ["validate", "plan", "diff", "run", "report", "init", "emulate"] {
      #expect(page.contains(command))
    }
    // The sections the generator does not write end the page, as docs/man/sections.mdoc
    // holds them.
    let sections = try String(
      contentsOf: CLI.packageRoot.appendingPathComponent("docs/man/sections.mdoc"),
      encoding: .utf8)
    #expect(page.hasSuffix(sections))
    for section in [".Sh ENVIRONMENT", ".Sh \"EXIT STATUS\"", ".Sh EXAMPLES"] {
      #expect(sections.contains(section))
    }
    #expect(sections.contains("Fl -detailed-exitcode") && sections.contains("Fl -exit-code"))
  }

  /// pre-commit runs the hook's `entry` with the staged files that match `files`.
  @Test func thePreCommitHookValidatesTheFilesItMatches() async throws {
    let text = try String(
      contentsOf: CLI.packageRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
    let document = try #require(YAMLLoader().load(SourceText(path: "hooks", text: text)).document)
    let hook = document.items(of: document.root).first!
    func value(_ key: String) -> String? {
      document.pairs(of: hook).first { document.text($0.key) == key }.map {
        document.text($0.value)
      }
    }
    #expect(value("id") == "scanplan-validate")
    #expect(value("language") == "swift")
    let pattern = try Regex(try #require(value("files")))
    #expect("plans/web.yaml".contains(pattern))
    #expect("deploy/app.scanplan.yml".contains(pattern))
    // What `scanplan init` writes.
    #expect("scanplan.yaml".contains(pattern))
    #expect("services/web/scanplan.yml".contains(pattern))
    #expect(!"notscanplan.yaml".contains(pattern))
    #expect(!".github/workflows/ci.yml".contains(pattern))
    let entry = try #require(value("entry")).split(separator: " ").map(String.init)
    #expect(entry.first == "scanplan")
    let good = try await CLI.run(
      Array(entry.dropFirst()) + ["examples/quickstart.yaml", "examples/multi-vendor.yaml"])
    #expect(good.status == 0)
    let bad = try await CLI.run(
      Array(entry.dropFirst()) + ["Tests/ScanplanCLITests/Goldens/bad-plan.yaml"])
    #expect(bad.status == 2)
    #expect(!bad.stdout.contains("\u{1B}["))
  }

  @Test(arguments: [
    "docs/ci/github-actions.yml", "docs/ci/gitlab-ci.yml", "docs/ci/gitlab-ci-zap.yml",
    "docs/ci/github-actions-zap.yml", ".pre-commit-hooks.yaml",
  ])
  func theCIExamplesAreValidYAMLThatCallScanplan(_ path: String) throws {
    let text = try String(contentsOf: CLI.packageRoot.appendingPathComponent(path), encoding: .utf8)
    let result = YAMLLoader().load(SourceText(path: path, text: text))
    #expect(result.errors.isEmpty, "\(result.errors.map(\.message))")
    #expect(text.contains("scanplan validate"))
  }

  /// Each job that builds scanplan caches its checkout with the build folder, not the
  /// folder alone: a fresh clone's files are new, and a release build beside a restored
  /// folder would compile scanplan's own modules again. The checkout is a fetch and a
  /// detached checkout, which rewrites only what changed in a restored tree.
  @Test(arguments: [
    "docs/ci/github-actions.yml", "docs/ci/gitlab-ci.yml", "docs/ci/gitlab-ci-zap.yml",
    "docs/ci/github-actions-zap.yml",
  ])
  func theCIExamplesCacheTheCheckoutWithItsBuild(_ path: String) throws {
    let text = try String(contentsOf: CLI.packageRoot.appendingPathComponent(path), encoding: .utf8)
    let builds = text.components(separatedBy: "swift build -c release").count - 1
    #expect(builds >= 1)
    #expect(!text.contains(".scanplan-src/.build\n") && !text.contains("git clone"))
    #expect(text.components(separatedBy: "checkout -q --detach FETCH_HEAD").count - 1 == builds)
    let cached =
      text.components(separatedBy: "path: .scanplan-src\n").count
      + text.components(separatedBy: "paths: [.scanplan-src]").count - 2
    #expect(cached == builds)
  }

  /// The pull-request comment: each example's `scanplan diff` line runs as written,
  /// its two sides standing for the plans.
  @Test(arguments: ["docs/ci/github-actions.yml", "docs/ci/gitlab-ci.yml"])
  func theCIExamplesCommentWithADiffThatRuns(_ path: String) async throws {
    let text = try String(contentsOf: CLI.packageRoot.appendingPathComponent(path), encoding: .utf8)
    let line = try #require(
      text.split(separator: "\n").first { $0.contains("scanplan diff ") && !$0.contains("`") })
    var words = line.split(separator: " ").map(String.init)
    words = Array(words.drop { $0 != "scanplan" }.dropFirst().prefix { $0 != ">" })
    #expect(words.first == "diff" && words.contains("markdown"))
    let arguments = words.map { $0.hasSuffix("plans") ? "examples/quickstart.yaml" : $0 }
    let result = try await CLI.run(arguments)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("### scanplan diff"))
  }

  /// Every flag the examples give `scanplan run` is one `run` knows: the baseline, SARIF
  /// and the page among them.
  @Test(arguments: ["docs/ci/github-actions.yml", "docs/ci/gitlab-ci.yml"])
  func theCIExamplesRunWithFlagsRunKnows(_ path: String) async throws {
    let text = try String(contentsOf: CLI.packageRoot.appendingPathComponent(path), encoding: .utf8)
    let help = try await CLI.run(["run", "--help"]).stdout
    // Each `scanplan run` command, to the end of its step.
    let commands = text.components(separatedBy: "scanplan run ").dropFirst().map { rest in
      rest.components(separatedBy: "\n      - ")[0].components(separatedBy: "\n  after_script")[0]
        .components(separatedBy: "\n  artifacts")[0]
    }
    #expect(!commands.isEmpty)
    let flags = Set(
      commands.joined(separator: " ").split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "(" }
      )
      .filter { $0.hasPrefix("--") && $0.count > 2 }.map(String.init))
    #expect(flags.isSuperset(of: ["--baseline", "--sarif", "--report", "--state"]))
    for flag in flags { #expect(help.contains(flag), "\(path): \(flag)") }
  }

  @Test func theReadmeShowsTheSchemaLineAndTheSchemaHasAnID() async throws {
    let readme = try String(
      contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(readme.contains("# yaml-language-server: $schema=\(JSONSchemaGenerator.id)"))
    let schema = try await CLI.run(["schema"]).stdout
    #expect(schema.contains("\"$id\": \"\(JSONSchemaGenerator.id)\""))
    #expect(schema.contains("(default: s4e: `1`; invicti: `1`"))
    #expect(schema.contains("\"title\": \"Requests per second\""))
  }
}
