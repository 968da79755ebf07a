import ScanplanEmulator
import ScanplanExecution
import ScanplanReport
import ScanplanVendorKit
import Testing

/// Findings read from the emulator over HTTP, as both vendors serve them.
@Suite struct FindingsEmulatorTests {
  /// 250 findings a scan: three pages on S4E (in either shape) and on Invicti.
  @Test(arguments: [EmulatorDialect.seed, .reference])
  func bothVendorsArePagedToTheEnd(_ dialect: EmulatorDialect) async throws {
    let run = try await EmulatorRun.run(
      configure: {
        $0.dialect = dialect
        $0.findingsPerScan = 250
      },
      plan: { EmulatorRun.plan(baseURL: $0, s4eAssets: 2, invictiAssets: 1) })
    #expect(run.records.allSatisfy { $0.outcome == .completed }, "\(run.output)")
    #expect(run.records.allSatisfy { $0.findings?.count == 250 }, "\(run.output)")
    let s4ePages = run.emulator.requests.filter { $0.path == "/api/findings" }.count
    let invictiPages = run.emulator.requests.filter { $0.path.hasSuffix("/vulnerabilities") }.count
    #expect(s4ePages == 6)
    #expect(invictiPages == 3)
    // Invicti's counts match its listing: a gate of critical 5 is failed by 25 of them.
    let invicti = try #require(run.records.first { $0.id == "api-0/scan" })
    #expect(invicti.gate == .failed(["critical: 25 >= 5"]))
    #expect(invicti.notes.isEmpty)
    #expect(run.output.contains("web-0/quick  completed, 250 findings"))
  }

  /// Counts that disagree with the listing are said, and the larger is gated on.
  @Test func countsThatDisagreeAreSaidAndTheLargerCounts() async throws {
    let run = try await EmulatorRun.run(
      configure: {
        $0.faults.countMismatches = 1
        $0.findingsPerScan = 10
      },
      plan: {
        EmulatorRun.plan(baseURL: $0, s4eAssets: 0, invictiAssets: 1, gate: "{ high: 2 }")
      })
    let record = try #require(run.records.first)
    // One high finding listed, two reported.
    #expect(record.findings?.count { $0.severity == .high } == 1)
    #expect(record.gate == .failed(["high: 2 >= 2"]))
    let note =
      "`api-0/scan`: the counts the provider reports disagree with the findings it lists "
      + "(high: reported 2, listed 1); the gate counts the larger"
    #expect(record.notes == [note])
    #expect(run.output.contains(note))
    #expect(run.report.json().contains("the counts the provider reports disagree"))
  }

  /// Findings endpoints that answer 500 every time: the scans complete, and fail closed.
  @Test func findingsEndpointsThatFailMakeTheRunRed() async throws {
    let run = try await EmulatorRun.run(
      configure: { $0.faults.findingsErrors = 1 },
      plan: { EmulatorRun.plan(baseURL: $0, s4eAssets: 1, invictiAssets: 1) },
      scheduler: { $0.retryBase = 0.05 })
    #expect(run.records.allSatisfy { $0.outcome == .completed })
    #expect(
      run.records.allSatisfy {
        $0.findingsError?.hasPrefix("the provider answered 500: the findings could not be listed")
          == true
      }, "\(run.output)")
    #expect(run.report.exitCode == 1)
    #expect(run.output.contains("its findings could not be read"))
  }
}
