import Foundation
import Testing

/// Exit codes that tell a pipeline whether a change changes anything, as terraform's
/// `-detailed-exitcode` and git's `--exit-code` do.
@Suite struct PipelineExitCodeTests {
  @Test func planSaysWhetherScansWouldBeTriggered() async throws {
    let some = try await CLI.run(["plan", "--detailed-exitcode", "examples/quickstart.yaml"])
    #expect(some.status == 2, "\(some.stderr)")
    #expect(some.stdout.contains("would be triggered"))
    let none = try await CLI.run([
      "plan", "--detailed-exitcode", "--shard", "40/40", "examples/quickstart.yaml",
    ])
    #expect(none.status == 0, "\(none.stdout)\(none.stderr)")
    #expect(none.stdout.contains("holds no scan of this plan"))
    let invalid = try await CLI.run([
      "plan", "--detailed-exitcode", "Tests/ScanplanCLITests/Goldens/bad-plan.yaml",
    ])
    #expect(invalid.status == 1)
    // Without the flag, nothing changes.
    #expect(try await CLI.run(["plan", "examples/quickstart.yaml"]).status == 0)
    let usage = try await CLI.run([
      "plan", "--detailed-exitcode", "--only", "nope/x", "examples/quickstart.yaml",
    ])
    #expect(usage.status == 64)
  }

  @Test func diffSaysWhetherAScanChanged() async throws {
    let same = try await CLI.run([
      "diff", "--exit-code", "examples/multi-vendor.yaml", "examples/multi-vendor.yaml",
    ])
    #expect(same.status == 0, "\(same.stderr)")
    let changed = try await CLI.run([
      "diff", "--exit-code", "examples/quickstart.yaml", "examples/multi-vendor.yaml",
    ])
    #expect(changed.status == 1, "\(changed.stderr)")
    #expect(changed.stdout.contains("added"))
    #expect(
      try await CLI.run(["diff", "examples/quickstart.yaml", "examples/multi-vendor.yaml"]).status
        == 0)
    let invalid = try await CLI.run([
      "diff", "--exit-code", "examples/quickstart.yaml",
      "Tests/ScanplanCLITests/Goldens/bad-plan.yaml",
    ])
    #expect(invalid.status == 2)
  }

  @Test func diffCanFailOnAChangeThatWeakensAScan() async throws {
    let base = try String(
      contentsOfFile: CLI.packageRoot.path + "/examples/quickstart.yaml", encoding: .utf8)
    let deeper = base.replacing("max_depth: 3", with: "max_depth: 4")
    let stronger = try await CLI.run(
      ["diff", "--fail-on-weakened", "examples/quickstart.yaml", "-"], stdin: deeper)
    #expect(stronger.status == 0, "\(stronger.stdout)")
    let shallower = base.replacing("max_depth: 3", with: "max_depth: 1")
    let weaker = try await CLI.run(
      ["diff", "--fail-on-weakened", "examples/quickstart.yaml", "-"], stdin: shallower)
    #expect(weaker.status == 1)
    #expect(weaker.stdout.contains("request.body.options.max_depth: 3 -> 1  ⚠ weakens"))
    let json = try await CLI.run(
      ["diff", "--format", "json", "examples/quickstart.yaml", "-"], stdin: shallower)
    #expect(json.stdout.contains("\"weakened\": true"))
  }
}
