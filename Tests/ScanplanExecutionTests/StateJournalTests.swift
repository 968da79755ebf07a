import Foundation
import ScanplanExecution
import ScanplanJSON
import ScanplanPlan
import ScanplanReport
import ScanplanS4E
import ScanplanVendorKit
import ScanplanVendors
import ScanplanYAML
import Testing

@Suite struct StateJournalTests {
  static func temporaryPath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "scanplan-journal-\(UUID().uuidString).state"
    ).path
  }

  static let epoch = 1_800_000_000.0

  /// A journal of three scans: the first triggered and completed with a failed gate, the
  /// second triggered, the third attempted and not answered.
  static func written(at path: String, plan yaml: String = s4ePlan(assets: 3)) throws -> RunPlan {
    let plan = try runPlan(yaml)
    var records = RunTable<JobID, ScanRecord>(
      plan.jobs.map {
        ScanRecord(job: $0.index, id: $0.id, provider: $0.provider, location: $0.location)
      })
    let journal = try StateJournal(path: path)
    try journal.compact()
    journal.record(
      [.triggering(job: 0), .triggering(job: 1)], plan: plan, records: records, epoch: epoch)
    try journal.save()
    journal.record(
      [.triggered(job: 0, scanID: "scan-a", origin: .triggered), .triggering(job: 2)], plan: plan,
      records: records, epoch: epoch)
    try journal.save()
    records[0].outcome = .completed
    records[0].triggeredAt = 1.5
    records[0].endedAt = 20.25
    records[0].polls = 3
    records[0].severityCounts = ["critical": 2, "high": 0]
    records[0].gate = .failed(["critical: 2 >= 1"])
    journal.record(
      [.triggered(job: 1, scanID: "scan-b", origin: .triggered), .finished(job: 0)], plan: plan,
      records: records, epoch: epoch)
    try journal.save()
    journal.stopAppending()
    return plan
  }

  /// What a run of the same plan takes from the journal `written` leaves.
  static func expectWritten(_ restored: [String: SchedulerCore.Restored]) {
    #expect(restored.keys.sorted() == ["asset-0/s0", "asset-1/s0", "asset-2/s0"])
    let first = restored["asset-0/s0"]
    #expect(first?.scanID == "scan-a")
    #expect(first?.result?.outcome == .completed)
    #expect(first?.result?.gate == .failed(["critical: 2 >= 1"]))
    #expect(first?.result?.severityCounts == ["critical": 2, "high": 0])
    #expect(first?.result?.triggeredAt == epoch + 1.5)
    #expect(first?.result?.endedAt == epoch + 20.25)
    #expect(first?.result?.polls == 3)
    #expect(restored["asset-1/s0"]?.scanID == "scan-b")
    #expect(restored["asset-1/s0"]?.result == nil)
    #expect(restored["asset-2/s0"]?.scanID == nil)
    #expect(restored["asset-2/s0"]?.attempted == true)
    #expect(restored.values.allSatisfy { $0.note == nil })
  }

  @Test func eachSaveAppendsOnlyWhatChangedAndTheLastLineOfAScanWins() throws {
    let path = Self.temporaryPath()
    defer { unlink(path) }
    let plan = try Self.written(at: path)
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    // The header, then 2 + 2 + 2 changed scans: nothing is written twice in one save.
    #expect(lines.count == 7)
    #expect(lines[0] == #"{"version":4,"format":"scanplan state journal"}"#)
    // A request's fields are written with its first line only.
    #expect(lines.filter { $0.contains(#""request":"#) }.count == 3)
    #expect(lines.dropFirst().allSatisfy { $0.contains(#""fingerprint":"fnv1a64:"#) })
    Self.expectWritten(try StateJournal(path: path).restored(for: plan))
  }

  @Test func compactingLeavesOneLinePerScan() throws {
    let path = Self.temporaryPath()
    defer { unlink(path) }
    let plan = try Self.written(at: path)
    let journal = try StateJournal(path: path)
    try journal.compact()
    journal.stopAppending()
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 4)
    let first = try JSONParser().parse(String(lines[1]))
    #expect(first["result"]?["status"] == "completed")
    #expect(first["request"]?["body"]?.stringValue?.contains(#""asset_id":"\#(uuid(0))""#) == true)
    #expect(first["request"]?["base_url"] == "http://127.0.0.1:1")
    #expect(
      first["result"]?["gate"]
        == .object(["verdict": "failed", "reasons": ["critical: 2 >= 1"]]))
    Self.expectWritten(try StateJournal(path: path).restored(for: plan))
  }

  /// A kill in the middle of a write leaves the last line cut at any byte: that line is
  /// ignored, and everything before it is kept.
  @Test func aTornLastLineIsIgnoredWhereverItIsCut() throws {
    let path = Self.temporaryPath()
    defer { unlink(path) }
    let plan = try Self.written(at: path)
    let whole = try Data(contentsOf: URL(fileURLWithPath: path))
    let lastLineStart = whole.dropLast().lastIndex(of: UInt8(ascii: "\n"))! + 1
    for cut in lastLineStart..<whole.count {
      try whole.prefix(cut).write(to: URL(fileURLWithPath: path))
      let restored = try StateJournal(path: path).restored(for: plan)
      // The last line is the first scan's result; cut just before its newline, the line
      // is whole and is read.
      if cut == whole.count - 1 {
        Self.expectWritten(restored)
      } else {
        #expect(restored["asset-0/s0"]?.scanID == "scan-a", "cut at byte \(cut)")
        #expect(restored["asset-0/s0"]?.result == nil, "cut at byte \(cut)")
      }
    }
  }

  @Test func aDamagedLineBeforeTheLastIsAnError() throws {
    let path = Self.temporaryPath()
    defer { unlink(path) }
    _ = try Self.written(at: path)
    var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    lines[2] = lines[2].prefix(10)
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    #expect {
      _ = try StateJournal(path: path)
    } throws: { error in
      (error as? StateFileError)?.message
        == "line 3 of \(path) is damaged; move the file away or name another"
    }
  }

  /// Files of older versions keep no verdict: their `completed` scans are asked about
  /// again, never counted as passed; other ends and scan ids are kept.
  @Test(arguments: [
    """
    {
      "version": 1,
      "scans": {
        "asset-0/s0": { "provider": "s4e", "location": "plan.yaml:16:9", "attempted": true, "scan_id": "scan-a", "outcome": "completed" },
        "asset-1/s0": { "provider": "s4e", "location": "plan.yaml:21:9", "attempted": true, "scan_id": "scan-b", "outcome": "failed", "reason": "it broke" },
        "asset-2/s0": { "provider": "s4e", "location": "plan.yaml:26:9", "attempted": true }
      }
    }

    """,
    """
    {"version":2,"format":"scanplan state journal"}
    {"id":"asset-0/s0","provider":"s4e","location":"plan.yaml:16:9","attempted":true,"scan_id":"scan-a","outcome":"completed"}
    {"id":"asset-1/s0","provider":"s4e","location":"plan.yaml:21:9","attempted":true,"scan_id":"scan-b","outcome":"failed","reason":"it broke"}
    {"id":"asset-2/s0","provider":"s4e","location":"plan.yaml:26:9","attempted":true}

    """,
  ])
  func olderFormatsAreReadAndTheirCompletedScansAskedAgain(_ text: String) throws {
    let path = Self.temporaryPath()
    defer { unlink(path) }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let plan = try runPlan(s4ePlan(assets: 3))
    let journal = try StateJournal(path: path)
    let restored = journal.restored(for: plan)
    #expect(restored["asset-0/s0"]?.scanID == "scan-a")
    #expect(restored["asset-0/s0"]?.result == nil)
    #expect(restored["asset-0/s0"]?.note?.contains("without a verdict") == true)
    #expect(restored["asset-1/s0"]?.result?.outcome == .failed("it broke"))
    #expect(restored["asset-2/s0"]?.attempted == true)
    #expect(StateListing(journal).rows.map(\.verdict) == ["unknown", nil, nil])
    try journal.compact()
    journal.stopAppending()
    #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix(#"{"version":4,"#))
    let again = try StateJournal(path: path).restored(for: plan)
    #expect(again["asset-0/s0"]?.result == nil)
    #expect(again["asset-1/s0"]?.result?.outcome == .failed("it broke"))
  }

  /// An entry written for another request is not reused: the scan runs again, with a
  /// note naming what changed. Entries of scans the plan does not run are kept.
  @Test(arguments: [
    ("scan_type: quick", "scan_type: full", "(`scan_type` changed)"),
    (uuid(0), uuid(99), "(`asset_id` changed)"),
    ("http://127.0.0.1:1", "http://127.0.0.1:2", "(`base_url` changed)"),
  ])
  func anEntryForAnotherRequestIsNotReused(_ old: String, _ new: String, _ why: String) throws {
    let path = Self.temporaryPath()
    defer { unlink(path) }
    _ = try Self.written(at: path)
    let changed = s4ePlan(assets: 3).replacingOccurrences(of: old, with: new)
    var only = RunSelection()
    only.only = ["asset-0/s0"]
    let plan = try runPlan(changed, selection: only)
    let journal = try StateJournal(path: path)
    let restored = journal.restored(for: plan)
    #expect(restored.keys.sorted() == ["asset-0/s0"])
    #expect(restored["asset-0/s0"]?.scanID == nil)
    #expect(restored["asset-0/s0"]?.result == nil)
    #expect(
      restored["asset-0/s0"]?.note
        == "state for `asset-0/s0` was for another request \(why); running it again")
    // The other scans' entries stay for a run that selects them.
    #expect(journal.ids == ["asset-1/s0", "asset-2/s0"])
  }

  /// A `--sandbox` run's entries are for the sandbox only, and a real run's for the real
  /// service only.
  @Test func sandboxAndRealRunsNeverShareEntries() throws {
    let path = Self.temporaryPath()
    defer { unlink(path) }
    let real = try Self.written(at: path)
    let validation = PlanValidator(registry: Vendors.registry).validate(
      SourceText(path: "plan.yaml", text: s4ePlan(assets: 3)))
    let sandbox = try RunPlan.prepare(
      [try #require(validation.plan)], environment: [:],
      sandbox: SandboxOverride(
        baseURL: "http://127.0.0.1:1", tokens: [S4E.type: "t"], maxPollInterval: 2)
    ).get()
    // Even a sandbox on the very URL the real run used.
    let restored = try StateJournal(path: path).restored(for: sandbox)
    #expect(restored.values.allSatisfy { $0.scanID == nil && $0.result == nil })
    #expect(
      restored["asset-0/s0"]?.note
        == "state for `asset-0/s0` was for another request (it was written by a run against the real service); running it again"
    )
    // And the other way round.
    let journal = try StateJournal(path: path)
    _ = journal.restored(for: sandbox)
    journal.record([.triggering(job: 0)], plan: sandbox, records: [], epoch: Self.epoch)
    try journal.compact()
    journal.stopAppending()
    let back = try StateJournal(path: path).restored(for: real)
    #expect(
      back["asset-0/s0"]?.note
        == "state for `asset-0/s0` was for another request (it was written by a --sandbox run); running it again"
    )
  }

  @Test(arguments: ["", "[]", "{\"version\": 3}", "hello\n", "{\"version\": 1}"])
  func aFileThatIsNoStateFileIsRefused(_ text: String) throws {
    let path = Self.temporaryPath()
    defer { unlink(path) }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    #expect {
      _ = try StateJournal(path: path)
    } throws: { error in
      (error as? StateFileError)?.message
        == "\(path) is not a scanplan state file; move it away or name another"
    }
  }

  @Test func aFileOfALaterFormatIsRefusedByName() throws {
    let path = Self.temporaryPath()
    defer { unlink(path) }
    try #"{"version":5,"format":"scanplan state journal"}"#.write(
      toFile: path, atomically: true, encoding: .utf8)
    #expect {
      _ = try StateJournal(path: path)
    } throws: { error in
      (error as? StateFileError)?.message
        == "\(path) is a state file of format 5, written by a later scanplan; run that version, or move the file away"
    }
  }

  /// While a completed scan's findings are read, each page is a line of its own: a run
  /// started again reads on from the next page, and the ended scan's result keeps them all.
  @Test func findingsPagesAreJournaledAndResumed() throws {
    let path = Self.temporaryPath()
    defer { unlink(path) }
    let plan = try runPlan(s4ePlan(assets: 1))
    var records = RunTable<JobID, ScanRecord>(
      plan.jobs.map {
        ScanRecord(job: $0.index, id: $0.id, provider: $0.provider, location: $0.location)
      })
    func finding(_ index: Int) -> Finding {
      Finding(
        vendorID: "f\(index)", check: "c", name: "C", severity: .high, confidence: nil,
        url: "https://h/\(index)", input: nil, status: "open", suppressed: false,
        fingerprint: String(index).padding(toLength: 32, withPad: "0", startingAt: 0))
    }
    let journal = try StateJournal(path: path)
    try journal.compact()
    records[0].scanID = "scan-a"
    records[0].polls = 4
    records[0].severityCounts = ["high": 3]
    journal.record(
      [.triggering(job: 0), .triggered(job: 0, scanID: "scan-a", origin: .triggered)], plan: plan,
      records: records, epoch: Self.epoch)
    journal.record([.readingFindings(job: 0)], plan: plan, records: records, epoch: Self.epoch)
    try journal.save()
    records[0].findings = [finding(1), finding(2)]
    journal.record(
      [.findingsPage(job: 0, count: 2, next: FindingsCursor(page: "2"))], plan: plan,
      records: records, epoch: Self.epoch)
    try journal.save()
    records[0].findings! += [finding(3)]
    journal.record(
      [.findingsPage(job: 0, count: 1, next: FindingsCursor(page: "3"))], plan: plan,
      records: records, epoch: Self.epoch)
    try journal.save()
    journal.stopAppending()
    for reopened in 0..<2 {
      let again = try StateJournal(path: path)
      let progress = try #require(again.restored(for: plan)["asset-0/s0"]?.findingsProgress)
      #expect(progress.findings.map(\.vendorID) == ["f1", "f2", "f3"], "\(reopened)")
      #expect(progress.cursor == FindingsCursor(page: "3"))
      #expect(!progress.done)
      #expect(progress.ended.polls == 4 && progress.ended.severityCounts == ["high": 3])
      // Compacted, the snapshot keeps the same.
      try again.compact()
      again.stopAppending()
    }
    // The scan ends: its result holds every finding, and the pages are done with.
    let last = try StateJournal(path: path)
    _ = last.restored(for: plan)
    try last.compact()
    records[0].outcome = .completed
    records[0].findings! += [finding(4)]
    last.record([.finished(job: 0)], plan: plan, records: records, epoch: Self.epoch)
    try last.save()
    try last.compact()
    last.stopAppending()
    let restored = try StateJournal(path: path).restored(for: plan)["asset-0/s0"]
    #expect(restored?.result?.findings?.count == 4)
    #expect(restored?.findingsProgress == nil)
    #expect(!(try String(contentsOfFile: path, encoding: .utf8)).contains("findings_page"))
  }

  /// The census of an asset's scans before the first trigger is kept: a run started again
  /// after a lost answer still tells the trigger's scan from the older ones.
  @Test func theCensusIsKept() throws {
    let path = Self.temporaryPath()
    defer { unlink(path) }
    let plan = try runPlan(invictiPlan(targets: 1))
    let journal = try StateJournal(path: path)
    try journal.compact()
    journal.record(
      [.census(job: 0, scanIDs: ["old-1", "old-2"]), .triggering(job: 0)], plan: plan,
      records: [], epoch: Self.epoch)
    try journal.save()
    journal.stopAppending()
    let restored = try StateJournal(path: path).restored(for: plan)["api-0/scan"]
    #expect(restored?.census == ["old-1", "old-2"])
    #expect(restored?.attempted == true && restored?.scanID == nil)
  }

  @Test func theListingShowsOutcomeVerdictAndVendorID() throws {
    let path = Self.temporaryPath()
    defer { unlink(path) }
    _ = try Self.written(at: path)
    let listing = StateListing(try StateJournal(path: path))
    #expect(listing.rows.map(\.outcome) == ["completed", "running", "attempted"])
    #expect(listing.rows.map(\.verdict) == ["failed", nil, nil])
    #expect(listing.rows.map(\.scanID) == ["scan-a", "scan-b", nil])
    let text = listing.text()
    #expect(text.contains("asset-0/s0  completed  gate failed: critical: 2 >= 1  scan-a\n"))
    #expect(text.hasSuffix("\(path): 1 attempted, 1 completed, 1 running\n"))
    let json = try JSONParser().parse(listing.json())
    let scans = try #require(json["scans"]?.arrayValue)
    #expect(scans[0]["verdict"] == "failed")
    #expect(scans[2]["scan_id"] == .null)
  }
}
