import Foundation
import Testing

/// `scanplan diff BASE HEAD` as a user runs it.
@Suite struct DiffCommandTests {
  static let quickstart = "examples/quickstart.yaml"

  @Test func aChangeReadFromStandardInputIsShownByScanID() async throws {
    let head = try String(
      contentsOfFile: CLI.packageRoot.path + "/" + Self.quickstart, encoding: .utf8
    )
    .replacing("max_depth: 3", with: "max_depth: 4")
    .replacing("      - name: tls\n", with: "      - name: tls-new\n")
    let result = try await CLI.run(["diff", Self.quickstart, "-"], stdin: head)
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    #expect(
      result.stdout == """
        > storefront/tls -> storefront/tls-new  (s4e, <stdin>:23:9), renamed
        ~ storefront/web_app  (s4e, <stdin>:20:9)
            request.body.options.max_depth: 3 -> 4
        0 added, 0 removed, 1 changed, 1 renamed, 0 unchanged

        """)
    let markdown = try await CLI.run(
      ["diff", "--format", "markdown", Self.quickstart, "-"], stdin: head)
    #expect(
      markdown.stdout.hasPrefix("### scanplan diff\n\n0 added, 0 removed, 1 changed, 1 renamed"))
    let same = try await CLI.run(["diff", "--format", "json", Self.quickstart, Self.quickstart])
    #expect(same.status == 0)
    #expect(same.stdout.contains("\"unchanged\": 2"))
  }

  @Test func anInvalidSideExitsTwoWithEverySidesDiagnostics() async throws {
    let result = try await CLI.run(
      ["diff", "Tests/ScanplanCLITests/Goldens/bad-plan.yaml", "-"], stdin: "version: 2\n")
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("Tests/ScanplanCLITests/Goldens/bad-plan.yaml:6:12: error["))
    #expect(
      result.stderr.contains("<stdin>:1:10: error[P111]: plan format version 2 is not supported"))
  }

  /// `--fail-on-weakened` is the security-review gate: a lighter scan type fails it, a
  /// heavier one passes. The base is written to a file, the head read from standard input.
  @Test(arguments: [("full", "quick", 1), ("quick", "full", 0), ("ssl", "web_app", 1)])
  func failOnWeakenedExitsOneOnALighterScanType(_ old: String, _ new: String, _ status: Int32)
    async throws
  {
    let quickstart = try String(
      contentsOfFile: CLI.packageRoot.path + "/" + Self.quickstart, encoding: .utf8)
    #expect(quickstart.contains("scan_type: ssl"))
    let base = FileManager.default.temporaryDirectory.appending(
      path: "scanplan-weakened-\(old)-\(new).yaml")
    try quickstart.replacing("scan_type: ssl", with: "scan_type: " + old).write(
      to: base, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: base) }
    let head = quickstart.replacing("scan_type: ssl", with: "scan_type: " + new)
    let result = try await CLI.run(["diff", "--fail-on-weakened", base.path, "-"], stdin: head)
    #expect(result.status == status, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("~ storefront/tls"), "\(result.stdout)")
    #expect(result.stdout.contains("weakens") == (status == 1), "\(result.stdout)")
  }

  /// ZAP's attack turned into a crawl drops the attack: the review gate fails.
  @Test func failOnWeakenedExitsOneWhenAZAPAttackBecomesACrawl() async throws {
    let zap = try String(
      contentsOfFile: CLI.packageRoot.path + "/examples/zap.yaml", encoding: .utf8)
    let head = zap.replacing(
      "  attack:\n    scan_type: active", with: "  attack:\n    scan_type: spider")
    #expect(head != zap)
    let result = try await CLI.run(
      ["diff", "--fail-on-weakened", "examples/zap.yaml", "-"], stdin: head)
    #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
    #expect(
      result.stdout.contains("setting.scan_type: \"active\" -> \"spider\"  ⚠ weakens"),
      "\(result.stdout)")
  }

  @Test(arguments: [
    (["diff", "-", "-"], "only one side can be read from standard input"),
    (["diff", "examples/quickstart.yaml"], "Missing expected argument '<head>'"),
    (["diff", "--format", "html", "examples/", "examples/"], "html"),
    (["diff", "examples/", "examples/quickstart.yaml"], "is in both"),
  ])
  func wrongUsageExits64(_ arguments: [String], _ message: String) async throws {
    let result = try await CLI.run(arguments, stdin: "")
    #expect(result.status == 64)
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }
}
