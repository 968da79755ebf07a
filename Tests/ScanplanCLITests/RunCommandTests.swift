import Foundation
import ScanplanEmulator
import ScanplanJSON
import ScanplanVendors
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite(.serialized) struct RunCommandTests {
  static func temporaryDirectory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "scanplan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  @Test func theQuickstartRunsEndToEndInTheSandbox() async throws {
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let report = directory.appendingPathComponent("report.json").path
    let junit = directory.appendingPathComponent("junit.xml").path
    let state = directory.appendingPathComponent("run.state").path
    let result = try await CLI.run([
      "run", "--sandbox", "examples/quickstart.yaml", "--report", report, "--junit", junit,
      "--state", state,
    ])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("storefront/web_app  completed"))
    // Reports are for everyone the umask allows; the state file for its owner.
    let shared = 0o666 & ~Self.umask()
    #expect(try Self.mode(report) == shared)
    #expect(try Self.mode(junit) == shared)
    #expect(try Self.mode(state) == 0o600)
    #expect(result.stdout.hasSuffix("exit code 0\n"))
    let document = try JSONParser().parse(try String(contentsOfFile: report, encoding: .utf8))
    #expect(document["summary"] == .object(["completed": 2]))
    #expect(
      document["scans"]?.arrayValue?.map { $0["location"] } == [
        "examples/quickstart.yaml:20:9", "examples/quickstart.yaml:23:9",
      ])
    let xml = try String(contentsOfFile: junit, encoding: .utf8)
    #expect(
      xml.contains(
        "<testsuite name=\"scanplan\" tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"0\""))
    #expect(xml.contains("<testcase classname=\"s4e\" name=\"storefront/tls\""))
  }

  /// A file's permission bits.
  static func mode(_ path: String) throws -> Int {
    try #require(
      FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
  }

  /// This process's umask, read without changing it (`umask(2)` can only set it).
  static func umask() -> Int {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("Umask:") }
    return line.flatMap {
      Int($0.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8)
    }
      ?? 0o022
  }

  @Test func aMissingTokenStopsTheRunBeforeAnythingIsSent() async throws {
    let result = try await CLI.run(
      ["run", "examples/quickstart.yaml"], environment: ["S4E_API_TOKEN": ""])
    #expect(result.status == 2)
    #expect(
      result.stderr.contains(
        "environment variable S4E_API_TOKEN is not set; provider `s4e` of examples/quickstart.yaml (token) needs it"
      ))
    #expect(result.stderr.hasSuffix("nothing was sent\n"))
  }

  @Test func anInvalidPlanIsNotRun() async throws {
    let result = try await CLI.run(["run", "Tests/ScanplanCLITests/Goldens/bad-plan.yaml"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("error[S401]"))
    #expect(!result.stderr.contains("do_not_print_me"))
  }

  @Test(arguments: [
    (
      ["run", "--only", "storefront/webapp", "examples/quickstart.yaml"],
      "did you mean `storefront/web_app`?"
    ),
    (
      ["run", "--shard", "3/2", "examples/quickstart.yaml"], "'3/2' is invalid for '--shard <K/N>'"
    ),
    (
      ["plan", "--shard", "0/2", "examples/quickstart.yaml"], "'0/2' is invalid for '--shard <K/N>'"
    ),
    (["plan", "--shard", "1/2/3", "examples/quickstart.yaml"], "is invalid for '--shard <K/N>'"),
    (
      ["run", "--tag", "nothing-has-this", "examples/quickstart.yaml"],
      "--tag `nothing-has-this` names no tag of the plan; its tags are `prod` or `web`"
    ),
    (
      ["run", "--concurrency", "0", "examples/quickstart.yaml"], "--concurrency must be at least 1"
    ),
  ])
  func selectionMistakesAreUsageErrors(_ arguments: [String], _ message: String) async throws {
    let result = try await CLI.run(arguments, environment: ["S4E_API_TOKEN": "t"])
    #expect(result.status == 64)
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }

  @Test func planPrintsRequestsWithoutTheTokensValue() async throws {
    let result = try await CLI.run(
      ["plan", "--format", "json", "examples/multi-vendor.yaml", "--tag", "api"],
      environment: ["S4E_API_TOKEN": "s4e-value-never-shown", "INVICTI_API_TOKEN": ""])
    #expect(result.status == 0)
    #expect(!result.stdout.contains("s4e-value-never-shown"))
    let document = try JSONParser().parse(result.stdout)
    let scans = try #require(document["scans"]?.arrayValue)
    #expect(scans.map { $0["id"] } == ["public-api/nightly-dast", "public-api/release"])
    #expect(scans[0]["request"]?["headers"]?["X-Auth"] == "${INVICTI_API_TOKEN}")
    #expect(
      scans[1]["request"]?["body"]?["schedule"]
        == .object(["disable": false, "time_sensitive": true]))
    #expect(
      document["environment"] == [
        .object(["name": "INVICTI_API_TOKEN", "set": false, "used_by": ["provider `invicti-eu`"]])
      ])
  }

  /// A plan of S4E and Invicti scans against an emulator this test process owns, so that
  /// the emulator outlives the runs it serves.
  static func planAgainst(_ emulator: Emulator, in directory: URL) throws -> String {
    var text = """
      version: 1
      providers:
        s4e:
          type: s4e
          base_url: \(emulator.baseURL)
          token: ${S4E_API_TOKEN}
          requests_per_second: 2
          triggers_per_minute: 600
          poll: { initial_interval: 1s, max_interval: 1s }
        inv:
          type: invicti
          base_url: \(emulator.baseURL)
          token: ${INVICTI_API_TOKEN}
          requests_per_second: 2
          poll: { initial_interval: 1s, max_interval: 1s }
      assets:

      """
    for index in 0..<6 {
      let provider =
        index < 4
        ? "provider: s4e, asset_id" : "provider: inv, user_authorized_to_scan: yes, target_id"
      let scan = index < 4 ? "scan_type: quick" : "profile_id: 11111111-1111-1111-1111-111111111112"
      text +=
        "  - { name: a\(index), \(provider): 00000000-0000-4000-8000-00000000000\(index), scans: [{ \(scan) }] }\n"
    }
    let path = directory.appendingPathComponent("plan.yaml").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static var tokens: [String: String] {
    ["S4E_API_TOKEN": "sandbox-s4e-token", "INVICTI_API_TOKEN": "sandbox-invicti-token"]
  }

  /// Killed once some triggers are on record; with `tornWrite`, the kill is taken to have
  /// come in the middle of a journal write, which leaves half a line at the end.
  @Test(arguments: [false, true])
  func aRunKilledMidFlightResumesFromItsStateWithoutTriggeringTwice(tornWrite: Bool) async throws {
    var configuration = EmulatorConfiguration(registry: Vendors.registry)
    configuration.runSeconds = 5...6
    let emulator = try await Emulator.start(configuration: configuration)
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let plan = try Self.planAgainst(emulator, in: directory)
    let state = directory.appendingPathComponent("state.json").path
    let first = try await CLI.run(["run", plan, "--state", state], environment: Self.tokens) {
      pid in
      // Kill it once some triggers are on record and others are not yet sent.
      let deadline = Date().addingTimeInterval(10)
      while Date() < deadline {
        if let text = try? String(contentsOfFile: state, encoding: .utf8),
          text.components(separatedBy: "\"scan_id\"").count > 2
        {
          break
        }
        try await Task.sleep(for: .milliseconds(20))
      }
      kill(pid, SIGKILL)
    }
    #expect(first.status != 0)
    let recorded = try String(contentsOfFile: state, encoding: .utf8)
    #expect(recorded.contains("\"attempted\":true"))
    if tornWrite {
      let lastLine = recorded.split(separator: "\n").last!
      let handle = try #require(FileHandle(forWritingAtPath: state))
      try handle.seekToEnd()
      try handle.write(contentsOf: Data(lastLine.prefix(lastLine.count / 2).utf8))
      try handle.close()
    }
    let second = try await CLI.run(["run", plan, "--state", state], environment: Self.tokens)
    #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
    #expect(second.stdout.contains("6 completed"))
    // Every asset has exactly one scan, across both runs.
    let created = emulator.scansByAsset
    #expect(created.count == 6)
    #expect(created.values.allSatisfy { $0 == 1 }, "\(created)")
    await emulator.stop()
  }

  @Test func ctrlCStopsNewTriggersSavesStateAndExitsThree() async throws {
    var configuration = EmulatorConfiguration(registry: Vendors.registry)
    configuration.runSeconds = 20...20
    let emulator = try await Emulator.start(configuration: configuration)
    let directory = try Self.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let plan = try Self.planAgainst(emulator, in: directory)
    let state = directory.appendingPathComponent("state.json").path
    let report = directory.appendingPathComponent("report.json").path
    // Interrupted once the first scan is triggered: its signal handler is in place, and
    // the other scans wait for the budget.
    let result = try await CLI.run(
      ["run", plan, "--state", state, "--report", report], environment: Self.tokens,
      interruptingWhen: { $0.contains("triggered scan") })
    #expect(result.status == 3)
    #expect(result.stderr.contains("interrupted: no new triggers"))
    #expect(
      result.stdout.contains(
        "interrupted: the scans already triggered are in the state file; resume with\n"
          + "  scanplan run \(plan) --state \(state) --report \(report)\n"))
    #expect(result.stdout.hasSuffix("exit code 3\n"))
    let document = try JSONParser().parse(try String(contentsOfFile: report, encoding: .utf8))
    let statuses = Set(
      document["scans"]?.arrayValue?.compactMap { $0["status"]?.stringValue } ?? [])
    #expect(statuses.isSubset(of: ["interrupted", "not_started"]))
    #expect(statuses.contains("not_started"))
    // The triggered scans are on record for the next run.
    #expect(try String(contentsOfFile: state, encoding: .utf8).contains("\"scan_id\""))
    await emulator.stop()
  }
}
