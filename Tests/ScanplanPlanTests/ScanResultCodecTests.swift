import ScanplanJSON
import ScanplanReport
import ScanplanVendorKit
import Testing

/// One codec writes a scan's result into the report and the state file: what it writes,
/// it reads back as it was, in both.
@Suite struct ScanResultCodecTests {
  static let startedAt = 1_800_000_000.0

  /// A result with every field set, its moments to the millisecond as a report keeps them.
  static var full: ScanResult {
    var result = ScanResult(outcome: .completed)
    result.scanID = "scan-1"
    result.origin = .recovered
    result.resumed = true
    result.triggeredAt = 1.5
    result.endedAt = 62.25
    result.polls = 7
    result.lastStatus = "pausing"
    result.lastState = .paused
    result.progress = 100
    result.severityCounts = ["high": 1, "critical": 0]
    result.sessionID = "session-1"
    result.failOn = [
      GateThreshold(severity: "high", count: 1), GateThreshold(severity: "medium", count: 3),
    ]
    result.gate = .failed(["high: 1 >= 1"])
    result.findings = [FindingsSARIFTests.finding(1, .high)]
    result.notes = ["a note"]
    return result
  }

  static func roundTrip(_ result: ScanResult, _ file: ScanResult.File) -> ScanResult {
    var row = JSONObject()
    result.write(into: &row, file: file)
    let text = JSONWriter.compact(.object(row))
    let read = (try? JSONParser().parse(Array(text.utf8)))?.objectValue ?? [:]
    return ScanResult(json: read, file: file)
  }

  @Test(arguments: [
    ScanResult.File.report(startedAt: startedAt), .state(startedAt: startedAt),
  ])
  func everyFieldComesBack(_ file: ScanResult.File) {
    #expect(Self.roundTrip(Self.full, file) == Self.full)
    var failed = ScanResult(outcome: .timedOut("past its 60 s deadline"))
    failed.origin = .adopted
    failed.findingsError = "the findings request was answered 500"
    #expect(Self.roundTrip(failed, file) == failed)
    var unknown = Self.full
    unknown.lastStatus = "warming_up"
    unknown.lastState = .unknown
    unknown.severityCounts = nil
    #expect(Self.roundTrip(unknown, file) == unknown)
  }

  /// Counts scanplan made from the listing are written as such, and not read back as
  /// the provider's: the gate never judges them as the vendor's.
  @Test func countsMadeFromTheListingAreNotReadAsTheProviders() {
    var result = Self.full
    result.severityCounts = nil
    var row = JSONObject()
    result.write(into: &row, file: .state(startedAt: 0))
    #expect(row["severity_counts_by"] == "scanplan")
    #expect(row["severity_counts"]?["high"] == 1)
    let read = ScanResult(json: row, file: .state(startedAt: 0))
    #expect(read.severityCounts == nil)
    #expect(read.shownCounts?.byScanplan == true)
  }

  /// What cannot be read does not pass: a verdict in other words, or a status of a
  /// later version.
  @Test(arguments: [
    (
      #"{"status": "completed", "gate": {"verdict": "green"}}"#,
      ScanStatus.completed, GateVerdict?.some(.failed(["the report's verdict cannot be read"]))
    ),
    (
      #"{"status": "completed", "gate": {"verdict": "failed"}}"#,
      .completed, .failed(["the report's verdict cannot be read"])
    ),
    (#"{"status": "skipped_by_policy"}"#, .errored, GateVerdict?.none),
  ])
  func whatCannotBeReadFails(_ json: String, _ status: ScanStatus, _ verdict: GateVerdict?) throws {
    let row = try #require(try JSONParser().parse(Array(json.utf8)).objectValue)
    let read = ScanResult(json: row, file: .report(startedAt: 0))
    #expect(read.status == status)
    #expect(read.gate == verdict)
    #expect(read.isFailure)
  }
}
