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
