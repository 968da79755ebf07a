import Foundation
import ScanplanEmulator
import ScanplanJSON
import ScanplanVendors
import Testing

/// What a state file keeps, end to end: a red run stays red when it is run again, a
/// state file is bound to the requests it was written for, and `state show` lists it.
@Suite struct StateCommandTests {
  static func report(_ path: String) throws -> JSONValue {
    try JSONParser().parse(try String(contentsOfFile: path, encoding: .utf8))
  }

  static func gates(_ report: JSONValue) -> [String: JSONValue] {
    var gates: [String: JSONValue] = [:]
    for scan in report["scans"]?.arrayValue ?? [] {
      if let id = scan["id"]?.stringValue, let gate = scan["gate"] { gates[id] = gate }
    }
    return gates
  }

  /// The sequence a CI job's re-run makes: a failed gate, then the same command with the
  /// state file the job restores. The second run sends nothing and stays red.
  @Test func aReRunWithTheStateFileStaysRed() async throws {
    let directory = try RunCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let state = directory.appendingPathComponent("s.json").path
    let first = directory.appendingPathComponent("first.json").path
    let second = directory.appendingPathComponent("second.json").path
    let red = try await CLI.run([
      "run", "--sandbox", "examples/multi-vendor.yaml", "--state", state, "--report", first,
    ])
    try #require(red.status == 1, "\(red.stdout)\(red.stderr)")
    #expect(red.stdout.contains("gate failed"))
    let again = try await CLI.run([
      "run", "--sandbox", "examples/multi-vendor.yaml", "--state", state, "--report", second,
    ])
    #expect(again.status == 1, "\(again.stdout)\(again.stderr)")
    #expect(again.stdout.contains("6 scans ended in an earlier run: reported from the state file"))
    #expect(again.stdout.contains("(6 of them reported from the state file)"))
    #expect(!again.stdout.contains("triggered scan"))
    let (before, after) = (try Self.report(first), try Self.report(second))
    #expect(!Self.gates(before).isEmpty)
    #expect(Self.gates(after) == Self.gates(before))
    #expect(after["exit_code"] == 1)
    for (old, new) in zip(before["scans"]!.arrayValue!, after["scans"]!.arrayValue!) {
      #expect(new["resumed"] == true)
      for key in [
        "id", "scan_id", "status", "severity_counts", "polls", "triggered_at", "ended_at",
      ] {
        #expect(new[key] == old[key], "\(key) of \(old["id"]!)")
      }
    }
    // And a third time, from the compacted file.
    let third = try await CLI.run([
      "run", "--sandbox", "examples/multi-vendor.yaml", "--state", state,
    ])
    #expect(third.status == 1)
  }

  /// A state file of a `--sandbox` run, reused against a real server, is for other
  /// requests: every scan is triggered there, and the run says why.
  @Test func aSandboxStateIsNotReusedAgainstARealServer() async throws {
    let emulator = try await Emulator.start(
      configuration: EmulatorConfiguration(registry: Vendors.registry))
    let directory = try RunCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let plan = try RunCommandTests.planAgainst(emulator, in: directory)
    let state = directory.appendingPathComponent("s.json").path
    let sandbox = try await CLI.run(["run", "--sandbox", plan, "--state", state])
    #expect(sandbox.status == 0, "\(sandbox.stdout)\(sandbox.stderr)")
    #expect(emulator.scansByAsset.isEmpty)
    let real = try await CLI.run(
      ["run", plan, "--state", state], environment: RunCommandTests.tokens)
    #expect(real.status == 0, "\(real.stdout)\(real.stderr)")
    #expect(
      real.stdout.contains(
        "state for `a0/quick` was for another request (it was written by a --sandbox run); running it again"
      ))
    #expect(emulator.scansByAsset.count == 6)
    #expect(emulator.scansByAsset.values.allSatisfy { $0 == 1 })
    await emulator.stop()
  }

  /// A changed scan runs again, and the report and the job summary say why.
  @Test func aChangedScanRunsAgainAndEveryOutputSaysWhy() async throws {
    let directory = try RunCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let state = directory.appendingPathComponent("s.json").path
    let plan = directory.appendingPathComponent("plan.yaml").path
    let report = directory.appendingPathComponent("report.json").path
    let summary = directory.appendingPathComponent("summary.md").path
    let original = try String(
      contentsOfFile: "\(CLI.packageRoot.path)/examples/quickstart.yaml", encoding: .utf8)
    try original.write(toFile: plan, atomically: true, encoding: .utf8)
    let first = try await CLI.run(["run", "--sandbox", plan, "--state", state])
    #expect(first.status == 0)
    try original.replacingOccurrences(of: "scan_type: ssl", with: "scan_type: full")
      .write(toFile: plan, atomically: true, encoding: .utf8)
    let second = try await CLI.run(
      ["run", "--sandbox", plan, "--state", state, "--report", report],
      environment: ["GITHUB_STEP_SUMMARY": summary])
    #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
    let note =
      "state for `storefront/tls` was for another request (`scan_type` changed); running it again"
    #expect(second.stdout.contains(note))
    #expect(second.stdout.contains("storefront/tls  triggered scan"))
    let scans = try #require(try Self.report(report)["scans"]?.arrayValue)
    #expect(scans.first { $0["id"] == "storefront/tls" }?["notes"] == [.string(note)])
    #expect(scans.first { $0["id"] == "storefront/web_app" }?["resumed"] == true)
    #expect(try String(contentsOfFile: summary, encoding: .utf8).contains(note))
  }

  @Test func stateShowListsOutcomesVerdictsAndVendorIDs() async throws {
    let directory = try RunCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let state = directory.appendingPathComponent("s.json").path
    _ = try await CLI.run(["run", "--sandbox", "examples/multi-vendor.yaml", "--state", state])
    let text = try await CLI.run(["state", "show", state])
    #expect(text.status == 0)
    #expect(text.stdout.hasPrefix("scan                     outcome    verdict"))
    #expect(
      text.stdout.contains("  completed  gate failed: critical: 1 >= 1  5ca9"))
    #expect(text.stdout.hasSuffix("\(state): 6 completed\n"))
    let json = try await CLI.run(["state", "show", state, "--format", "json"])
    let scans = try #require(try JSONParser().parse(json.stdout)["scans"]?.arrayValue)
    #expect(scans.count == 6)
    #expect(scans.allSatisfy { $0["scan_id"]?.stringValue?.hasPrefix("5ca9") == true })
    let missing = try await CLI.run(["state", "show", directory.path + "/none.json"])
    #expect(missing.status == 64)
    #expect(missing.stderr.contains("no state file at \(directory.path)/none.json"))
  }
}
