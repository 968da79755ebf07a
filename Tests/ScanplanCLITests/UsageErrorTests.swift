import Foundation
import Testing

/// Wrong usage found after parsing prints the usage of the subcommand it belongs to, and
/// `scanplan` alone is wrong usage.
@Suite struct UsageErrorTests {
  @Test(arguments: [
    (["run", "--sandbox", "--only", "nope/x", "examples/quickstart.yaml"], "run", "names no scan"),
    (["plan", "--tag", "nope", "examples/quickstart.yaml"], "plan", "names no"),
    (["report", "examples/quickstart.yaml", "--html", "/dev/null"], "report", "report"),
    (["validate", "Tests/ScanplanCLITests/Goldens/no-such-dir"], "validate", "no-such-dir"),
    (["init", "examples/quickstart.yaml"], "init", "exists"),
  ])
  func aUsageErrorShowsItsSubcommandsUsage(
    _ arguments: [String], _ subcommand: String, _ words: String
  ) async throws {
    let result = try await CLI.run(arguments)
    #expect(result.status == 64, "\(result.stderr)")
    #expect(result.stderr.contains(words), "\(result.stderr)")
    #expect(result.stderr.contains("Usage: scanplan \(subcommand) "), "\(result.stderr)")
    #expect(result.stderr.contains("See 'scanplan \(subcommand) --help'"), "\(result.stderr)")
    #expect(!result.stderr.contains("Usage: scanplan <subcommand>"))
  }

  @Test func scanplanAlonePrintsHelpAndExits64() async throws {
    let result = try await CLI.run([])
    #expect(result.status == 64)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("USAGE: scanplan <subcommand>"))
    #expect(result.stderr.contains("SUBCOMMANDS:"))
    #expect(try await CLI.run(["--help"]).status == 0)
  }
}

/// Commands leave one way: success returns, anything else throws `ExitCode`, and only the
/// root command ends the process (`exitNow`), besides a second Ctrl-C.
@Suite struct OneWayOutTests {
  @Test func onlyTheRootEndsTheProcess() throws {
    let folder = CLI.packageRoot.appendingPathComponent("Sources/scanplan")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".swift") }
    #expect(files.count > 5)
    for file in files {
      let text = try String(
        contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      let calls = text.components(separatedBy: "Environment.exitNow(").count - 1
      switch file {
      case "Scanplan.swift": #expect(calls == 1)
      // A second Ctrl-C quits at once, from the signal handler.
      case "Run.swift": #expect(calls == 1 && text.contains("Environment.exitNow(130)"))
      default: #expect(calls == 0, "\(file) ends the process itself")
      }
    }
  }
}
