import Foundation
import ScanplanSupport
import Testing

/// The exit codes are named once (`ExitStatus`); the help and the README say the same.
@Suite struct ExitStatusTests {
  @Test func theHelpListsEveryCodeWithItsMeaning() async throws {
    let help = try await CLI.run(["--help"])
    let run = try await CLI.run(["run", "--help"])
    // The help wraps lines; compare it with its whitespace folded.
    let folded = { (text: String) in
      text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
    for status in ExitStatus.common {
      #expect(folded(help.stdout).contains(status.description), "\(status)")
      #expect(folded(run.stdout).contains(status.description), "\(status)")
    }
  }

  @Test func theReadmeTableHasTheSameCodes() throws {
    let readme = try String(
      contentsOfFile: CLI.packageRoot.path + "/README.md", encoding: .utf8)
    let section = try #require(readme.split(separator: "### Exit codes").last)
    let codes = section.split(separator: "\n").prefix { !$0.hasPrefix("#") }.compactMap { row in
      row.hasPrefix("| ") ? Int32(row.dropFirst(2).prefix { $0 != " " }) : nil
    }
    #expect(codes == ExitStatus.common.map(\.code))
  }

  /// The man page is generated from the help: a page not made again after a code's words
  /// changed says the old ones.
  @Test func theManPageSaysWhatTheHelpSays() throws {
    let page = try String(
      contentsOfFile: CLI.packageRoot.path + "/docs/man/scanplan.1", encoding: .utf8)
    for status in ExitStatus.common {
      #expect(page.contains(status.description), "\(status)")
    }
  }

  @Test func everyCodeIsSetByName() throws {
    // A bare `ExitCode(2)` would be a code the help does not name.
    let sources = CLI.packageRoot.appendingPathComponent("Sources")
    let files = try #require(FileManager.default.enumerator(atPath: sources.path))
    var bare: [String] = []
    for case let path as String in files where path.hasSuffix(".swift") {
      let text = try String(contentsOfFile: sources.path + "/" + path, encoding: .utf8)
      if text.contains(/ExitCode\(\s*[0-9]/) { bare.append(path) }
    }
    #expect(bare.isEmpty)
  }
}
