import Foundation
import ScanplanExecution
import Testing

@Suite struct StateJournalTests {
  static func temporaryPath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "scanplan-journal-\(UUID().uuidString).state"
    ).path
  }

  /// A journal of three scans: the first triggered and completed, the second triggered,
  /// the third attempted and not answered.
  static func written(at path: String) throws -> (RunPlan, [ScanRecord]) {
    let plan = try runPlan(s4ePlan(assets: 3))
    var records = plan.jobs.map {
      ScanRecord(job: $0.index, id: $0.id, provider: $0.provider, location: $0.location)
    }
    let journal = try StateJournal(path: path)
    try journal.compact()
    journal.record([.triggering(job: 0), .triggering(job: 1)], plan: plan, records: records)
    try journal.save()
    journal.record(
      [.triggered(job: 0, scanID: "scan-a", adopted: false), .triggering(job: 2)], plan: plan,
      records: records)
    try journal.save()
    records[0].outcome = .completed
    journal.record(
      [.triggered(job: 1, scanID: "scan-b", adopted: false), .finished(job: 0)], plan: plan,
      records: records)
    try journal.save()
    journal.stopAppending()
    return (plan, records)
  }

  static let expected: [String: SchedulerCore.Restored] = [
    "asset-0/s0": .init(scanID: "scan-a", attempted: true, outcome: .completed),
    "asset-1/s0": .init(scanID: "scan-b", attempted: true, outcome: nil),
    "asset-2/s0": .init(scanID: nil, attempted: true, outcome: nil),
  ]

  static func same(
    _ restored: [String: SchedulerCore.Restored], as expected: [String: SchedulerCore.Restored]
  ) -> Bool {
    restored.keys.sorted() == expected.keys.sorted()
      && expected.allSatisfy { id, entry in
        restored[id]?.scanID == entry.scanID && restored[id]?.attempted == entry.attempted
          && restored[id]?.outcome == entry.outcome
      }
  }

  @Test func eachSaveAppendsOnlyWhatChangedAndTheLastLineOfAScanWins() throws {
    let path = Self.temporaryPath()
    defer { unlink(path) }
    _ = try Self.written(at: path)
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    // The header, then 2 + 2 + 2 changed scans: nothing is written twice in one save.
    #expect(lines.count == 7)
    #expect(lines[0] == #"{"version":2,"format":"scanplan state journal"}"#)
    #expect(Self.same(try StateJournal(path: path).restored, as: Self.expected))
  }

  @Test func compactingLeavesOneLinePerScan() throws {
    let path = Self.temporaryPath()
    defer { unlink(path) }
    _ = try Self.written(at: path)
    let journal = try StateJournal(path: path)
    try journal.compact()
    journal.stopAppending()
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.split(separator: "\n").count == 4)
    #expect(
      text.split(separator: "\n")[1]
        == #"{"id":"asset-0/s0","provider":"s4e","location":"plan.yaml:16:11","attempted":true,"scan_id":"scan-a","outcome":"completed"}"#
    )
    #expect(Self.same(try StateJournal(path: path).restored, as: Self.expected))
  }

  /// A kill in the middle of a write leaves the last line cut at any byte: that line is
  /// ignored, and everything before it is kept.
  @Test func aTornLastLineIsIgnoredWhereverItIsCut() throws {
    let path = Self.temporaryPath()
    defer { unlink(path) }
    _ = try Self.written(at: path)
    let whole = try Data(contentsOf: URL(fileURLWithPath: path))
    let lastLineStart = whole.dropLast().lastIndex(of: UInt8(ascii: "\n"))! + 1
    // The last line is the first scan's outcome.
    var before = Self.expected
    before["asset-0/s0"]?.outcome = nil
    for cut in lastLineStart..<whole.count {
      try whole.prefix(cut).write(to: URL(fileURLWithPath: path))
      let restored = try StateJournal(path: path).restored
      // Cut just before its newline, the line is whole and is read.
      let wanted = cut == whole.count - 1 ? Self.expected : before
      #expect(Self.same(restored, as: wanted), "cut at byte \(cut)")
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

  @Test func theFirstFormatIsStillReadAndRewrittenAsAJournal() throws {
    let path = Self.temporaryPath()
    defer { unlink(path) }
    try """
    {
      "version": 1,
      "scans": {
        "asset-0/s0": { "provider": "s4e", "location": "plan.yaml:16:9", "attempted": true, "scan_id": "scan-a", "outcome": "completed" },
        "asset-1/s0": { "provider": "s4e", "location": "plan.yaml:21:9", "attempted": true, "scan_id": "scan-b" },
        "asset-2/s0": { "provider": "s4e", "location": "plan.yaml:26:9", "attempted": true }
      }
    }

    """.write(toFile: path, atomically: true, encoding: .utf8)
    let journal = try StateJournal(path: path)
    #expect(Self.same(journal.restored, as: Self.expected))
    try journal.compact()
    journal.stopAppending()
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.hasPrefix(#"{"version":2,"#))
    #expect(Self.same(try StateJournal(path: path).restored, as: Self.expected))
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
}
