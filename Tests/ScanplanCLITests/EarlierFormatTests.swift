import Foundation
import ScanplanJSON
import Testing

/// Files an earlier scanplan wrote, read by this one. `Formats/state-3` is what the last
/// build to write state format 3 (with report version 1) wrote for `run --sandbox
/// multi-vendor.yaml --state state.json --report report.json`, kept byte for byte.
@Suite struct EarlierFormatTests {
  static let formats = CLI.packageRoot.appendingPathComponent("Tests/ScanplanCLITests/Formats")

  /// A copy of a format's files in a directory of its own, so that the run may rewrite
  /// them.
  static func copy(_ format: String) throws -> URL {
    let directory = try RunCommandTests.temporaryDirectory()
    let source = formats.appendingPathComponent(format)
    for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
      try FileManager.default.copyItem(
        at: source.appendingPathComponent(name), to: directory.appendingPathComponent(name))
    }
    return directory
  }

  static func json(_ url: URL) throws -> JSONValue {
    try JSONParser().parse(try String(contentsOf: url, encoding: .utf8))
  }

  /// A run resumed from a format-3 state file sends nothing, reports every scan as the
  /// run that saw it end did, verdicts and findings included, stays red, and leaves the
  /// file in the current format, which a third run reads the same.
  @Test func aFormat3StateFileResumesAsItsRunReported() async throws {
    let directory = try Self.copy("state-3")
    defer { try? FileManager.default.removeItem(at: directory) }
    let old = try Self.json(directory.appendingPathComponent("report.json"))
    for round in 1...2 {
      let result = try await CLI.run(
        ["run", "--sandbox", "multi-vendor.yaml", "--state", "state.json", "--report", "new.json"],
        directory: directory)
      #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
      #expect(!result.stdout.contains("triggered scan"), "round \(round)")
      #expect(
        result.stdout.contains("6 scans ended in an earlier run: reported from the state file"))
      let new = try Self.json(directory.appendingPathComponent("new.json"))
      #expect(new["exit_code"] == old["exit_code"])
      let (before, after) = (old["scans"]?.arrayValue ?? [], new["scans"]?.arrayValue ?? [])
      #expect(before.count == 6)
      #expect(after.count == before.count)
      for (was, now) in zip(before, after) {
        #expect(now["resumed"] == true)
        for key in [
          "id", "provider", "scan_id", "status", "reason", "adopted", "triggered_at", "ended_at",
          "duration_seconds", "polls", "last_status", "vendor_status", "progress",
          "severity_counts", "severity_counts_by", "scan_session_id", "gate", "findings",
          "findings_error", "location",
        ] {
          #expect(now[key] == was[key], "\(key) of \(was["id"] ?? "?"), round \(round)")
        }
      }
      let state = try String(
        contentsOf: directory.appendingPathComponent("state.json"), encoding: .utf8)
      #expect(state.hasPrefix(#"{"version":4,"#))
    }
  }

  /// A report of version 1 as that build wrote it is drawn again: JUnit, SARIF and the page,
  /// with its failed gate and its findings.
  @Test func aReportOfTheLastVersionIsDrawnAgain() async throws {
    let directory = try Self.copy("state-3")
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try await CLI.run(
      ["report", "report.json", "--junit", "r.xml", "--html", "r.html", "--sarif", "r.sarif"],
      directory: directory)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let junit = try String(contentsOf: directory.appendingPathComponent("r.xml"), encoding: .utf8)
    #expect(junit.contains(#"tests="6""#))
    #expect(junit.contains("gate failed: critical: 1 &gt;= 1"))
    let page = try String(contentsOf: directory.appendingPathComponent("r.html"), encoding: .utf8)
    #expect(page.contains("public-api/release"))
    let sarif = try Self.json(directory.appendingPathComponent("r.sarif"))
    let results = sarif["runs"]?.arrayValue?.first?["results"]?.arrayValue ?? []
    #expect(results.count == 145)
  }
}
