import ScanplanEmulator
import ScanplanExecution
import ScanplanJSON
import ScanplanReport
import ScanplanS4E
import ScanplanVendorKit
import ScanplanVendors
import Testing

/// Runs against the emulator playing the vendors as their own API references show them,
/// beyond the seeds: envelopes, absolute `Location`s, single scan objects, the whole
/// Invicti vocabulary, no Invicti 409, S4E's published trigger limit.
@Suite(.serialized) struct VendorReferenceTests {
  @Test func aCleanRunInTheReferencesShapes() async throws {
    let run = try await EmulatorRun.run(
      configure: { $0.dialect = .reference },
      plan: { EmulatorRun.plan(baseURL: $0, s4eAssets: 3, invictiAssets: 2) })
    #expect(run.records.allSatisfy { $0.outcome == .completed }, "\(run.output)")
    #expect(run.report.exitCode == 0)
    run.expectOneScanPerAsset()
    run.expectNoSecrets()
    // The reference counts `info` too.
    #expect(run.records.first { $0.id == "api-0/scan" }?.severityCounts?["info"] != nil)
    // Every Invicti id came from an absolute `Location` alone, and was polled as one object.
    #expect(
      run.records.filter { $0.provider == "inv" }.allSatisfy {
        $0.polls >= 1 && $0.scanID != nil
      })
  }

  /// Each polled word is told in shared words with the vendor's beside it. The pause is
  /// counted by polls, so no timing decides what the run sees; the pause by time
  /// (`pauseSeconds`) is for trying plans by hand.
  @Test(arguments: EmulatorDialect.allCases)
  func aPausedScanShowsAsPausedAndStillCompletes(_ dialect: EmulatorDialect) async throws {
    let run = try await EmulatorRun.run(
      configure: {
        $0.dialect = dialect
        $0.hostile[uuid(100)] = .pausesAtFirst
        $0.hostile[uuid(0)] = .pausesAtFirst
        $0.runSeconds = 0.3...0.4
      },
      plan: { EmulatorRun.plan(baseURL: $0, s4eAssets: 1, invictiAssets: 1) })
    #expect(run.records.allSatisfy { $0.outcome == .completed }, "\(run.output)")
    for line in ["paused (pausing)\n", "paused\n", "paused (resuming)\n"] {
      #expect(run.output.contains("api-0/scan  " + line), "\(run.output)")
    }
    // S4E has no pause of its own: its scan only runs longer.
    #expect(run.output.contains("web-0/quick  running\n"))
    #expect(!run.output.contains("web-0/quick  paused"))
  }

  @Test func abortedScansEndCancelled() async throws {
    let run = try await EmulatorRun.run(
      configure: {
        $0.cancelRate = 1
        $0.runSeconds = 1...1.2
      },
      plan: { EmulatorRun.plan(baseURL: $0, s4eAssets: 1, invictiAssets: 1) })
    #expect(run.outcome("api-0/scan") == .cancelled)
    #expect(run.outcome("web-0/quick") == .cancelled)
    #expect(run.records.first { $0.id == "api-0/scan" }?.lastStatus == "aborted")
    #expect(run.report.exitCode == 1)
  }

  /// Scans run far longer than the first retry waits, as real ones do.
  @Test(arguments: EmulatorDialect.allCases)
  func lostInvictiTriggersAreFoundNotRepeated(_ dialect: EmulatorDialect) async throws {
    let run = try await EmulatorRun.run(
      configure: {
        $0.dialect = dialect
        $0.faults.lostTriggerAnswers = 0.5
        $0.runSeconds = 6...6.5
        $0.seed = 3
      },
      plan: { EmulatorRun.plan(baseURL: $0, s4eAssets: 0, invictiAssets: 6) },
      // The lookup comes within 0.5 s of a lost answer, long before the scan ends, even
      // on a busy machine.
      scheduler: { $0.retryBase = 0.5 })
    #expect(run.records.allSatisfy { $0.outcome == .completed }, "\(run.output)")
    run.expectOneScanPerAsset()
    #expect(run.emulator.requests.contains { $0.status == 0 && $0.method == "POST" })
    let recovered = run.records.filter { $0.origin == .recovered }
    #expect(!recovered.isEmpty)
    for record in recovered {
      #expect(run.output.contains("\(record.id)  found scan \(record.scanID!)"))
    }
    #expect(
      try JSONParser().parse(run.report.json())["scans"]?.arrayValue?.contains {
        $0["recovered"] == true
      } == true)
  }

  @Test func s4eStaysInsideItsPublishedTriggerLimit() async throws {
    let run = try await EmulatorRun.run(
      configure: {
        $0.publishedLimits = true
        $0.runSeconds = 0.5...0.6
      },
      plan: {
        // S4E's own default: 10 triggers a minute, one every 6 s.
        EmulatorRun.plan(baseURL: $0, s4eAssets: 2, invictiAssets: 0, triggersPerMinute: nil)
      })
    #expect(run.records.allSatisfy { $0.outcome == .completed }, "\(run.output)")
    #expect(!run.emulator.requests.contains { $0.status == 429 })
    #expect(run.emulator.requests.filter { $0.method == "POST" }.count == 2)
    // Read where the runner let them leave: at the emulator, the first trigger's arrival
    // carries the new connection's set-up.
    let triggers = run.timeline.budgets[0].triggers
    #expect(triggers.count == 2)
    #expect(zip(triggers, triggers.dropFirst()).allSatisfy { $1 - $0 >= 6 })
  }

  @Test func theEmulatorRefusesTheEleventhTriggerOfAMinuteInTheReferencesShape() async throws {
    var configuration = EmulatorConfiguration(registry: Vendors.registry)
    configuration.publishedLimits = true
    configuration.dialect = .reference
    let emulator = try await Emulator.start(configuration: configuration)
    let transport = AsyncHTTPClientTransport()
    var answers: [HTTPResponse] = []
    for index in 0..<11 {
      let request = HTTPRequest(
        method: "POST", url: emulator.baseURL + "/api/scan/create",
        headers: [HTTPHeader("Authorization", "Bearer sandbox-s4e-token")],
        body: Array(#"{"asset_id":"\#(uuid(index))","scan_type":"quick"}"#.utf8))
      answers.append(try await transport.send(request).get())
    }
    await transport.shutdown()
    await emulator.stop()
    #expect(answers.prefix(10).allSatisfy { $0.status == 201 })
    let refusal = try #require(answers.last)
    #expect(refusal.status == 429)
    let wait = try #require(refusal.header("Retry-After").flatMap { Int($0) })
    #expect((59...60).contains(wait))
    let details = S4E.vendor.api.errorDetails(in: refusal)
    #expect(details.retryAfter == Double(wait))
    #expect(details.message == "at most 10 scans may be created per minute (rate_limited)")
  }

  /// Counted from the counts alone (findings not read), a gated severity an older server
  /// leaves out fails the gate; with the findings read, the listed findings decide.
  @Test(arguments: [false, true])
  func aGateOnASeverityAnOlderServerDoesNotReportFails(readFindings: Bool) async throws {
    let run = try await EmulatorRun.run(
      configure: {
        $0.omittedSeverities = ["critical"]
        $0.runSeconds = 0.3...0.4
      },
      plan: {
        EmulatorRun.plan(
          baseURL: $0, s4eAssets: 0, invictiAssets: 1, readFindings: readFindings)
      })
    let record = try #require(run.records.first)
    #expect(record.outcome == .completed)
    if readFindings {
      #expect(record.gate == .passed)
      #expect(record.findings?.contains { $0.severity == .critical } == false)
      #expect(run.report.exitCode == 0)
    } else {
      #expect(record.gate == .failed(["critical: not reported"]))
      #expect(run.report.exitCode == 1)
    }
  }

  /// An older server that counts no critical and lists fewer findings than it counts (one
  /// high counted, not listed): the listing's zero criticals proves nothing, and the gate
  /// fails as not judged.
  @Test func aShortListingCannotPassAGateOnASeverityTheCountsLeaveOut() async throws {
    let run = try await EmulatorRun.run(
      configure: {
        $0.omittedSeverities = ["critical"]
        $0.faults.countMismatches = 1
        $0.findingsPerScan = 10
        $0.runSeconds = 0.3...0.4
      },
      plan: {
        EmulatorRun.plan(
          baseURL: $0, s4eAssets: 0, invictiAssets: 1, gate: "{ critical: 1 }")
      })
    let record = try #require(run.records.first)
    #expect(record.outcome == .completed)
    #expect(record.findings?.contains { $0.severity == .critical } == false)
    guard case .failed(let reasons)? = record.gate, let reason = reasons.first else {
      Issue.record("\(String(describing: record.gate))")
      return
    }
    #expect(
      reason.hasPrefix(
        "critical cannot be judged: the provider reports no critical count and lists "),
      "\(reason)")
    #expect(run.report.exitCode == 1)
  }
}
