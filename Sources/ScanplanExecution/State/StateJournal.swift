import OrderedCollections
import ScanplanPlan
package import ScanplanReport
import ScanplanSupport
package import ScanplanVendorKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `--state` file: every trigger a run sends, every scan id it learns, and how each
/// scan ended with its verdict, so that a run started again re-attaches to its scans
/// instead of triggering them twice, and reports the ones that ended as they were.
///
/// A journal (`StateFileFormat`): `compact()` rewrites it atomically as a snapshot when a
/// run starts and ends, and `save()` appends a line per scan that changed since the last
/// save, with one fsync for them all. The run driver saves once per loop turn, before it
/// sends the triggers the turn recorded, so a save costs what the turn changed, not the
/// plan's size. Each entry is bound to the request it was for (`RequestFingerprint`):
/// `restored(for:)` reuses no entry for another request. It holds no secrets.
package final class StateJournal {
  /// What the file says of one scan.
  package struct Entry: Equatable, Sendable {
    package var provider: String
    /// Where the scan is defined.
    package var location: String
    /// The provider's scan id, once known.
    package var scanID: String?
    /// Whether a trigger was sent.
    package var attempted: Bool
    /// The request the entry is for; nil in files older than format 3.
    package var fingerprint: RequestFingerprint?
    /// How the scan ended, with its verdict; nil while it runs.
    package var result: ScanResult?
    /// `completed` as a file older than format 3 says it, with no verdict kept: the scan
    /// is polled once more for its result, never counted as passed.
    package var unverifiedOutcome: String?
    /// What the polls found when the vendor reported the scan completed, while its
    /// findings are read: a run started again reads the rest without polling again.
    package var ended: ScanResult?
    /// The findings read so far, while `ended`.
    package var pendingFindings: [Finding] = []
    /// The next findings page, while `ended`.
    package var findingsCursor: FindingsCursor?
    /// Findings pages read, while `ended`: with no cursor left, every page was read.
    package var findingsPages = 0
    /// The asset's scans listed before the first trigger (`census`), for a vendor that
    /// lists them: a run started again tells a lost trigger's scan from the older ones.
    package var census: [String]?
    /// The scan id whose next stage was started without an answer yet: a run started
    /// again must not start that stage a second time.
    package var stagedAfter: String?
  }

  /// The file's path.
  package let path: String
  /// Entries by scan id.
  package private(set) var entries: [String: Entry]
  /// Ids in the order they were first written; an id whose entry was dropped stays, and
  /// is skipped.
  private var order: OrderedSet<String>
  /// The ids of the entries, in the order they were first written.
  package var ids: [String] { order.filter { entries[$0] != nil } }
  /// Ids changed since the last save, in order of change, each once.
  private var changed: OrderedSet<String> = []
  /// Pages of findings read since the last save, written after the changed entries.
  private var pages: [(id: String, findings: [Finding], next: FindingsCursor?, pages: Int)] = []
  /// The fingerprint whose request's fields each id's lines carry since the last
  /// snapshot: a later line of the same fingerprint need not repeat them.
  private var requestWritten: [String: String] = [:]
  private var appender: AppendFile?

  /// Opens a state file, in any format, or starts an empty one when the file does not
  /// exist yet. Nothing is written until `compact()`.
  package init(path: String) throws(StateFileError) {
    self.path = path
    entries = [:]
    order = []
    guard let bytes = try Self.read(path) else { return }
    for (id, entry) in try StateFileFormat.read(bytes, path: path) {
      order.append(id)
      entries[id] = entry
    }
  }

  /// What a scheduler needs to re-attach to `plan`'s scans: scan ids, attempts and the
  /// results of ended scans. An entry whose fingerprint is not the scan's request is
  /// dropped, and the scan gets a note that says why instead; entries of scans the plan
  /// does not run are kept as they are.
  package func restored(for plan: RunPlan) -> [String: SchedulerCore.Restored] {
    var restored: [String: SchedulerCore.Restored] = [:]
    for job in plan.jobs {
      guard let entry = entries[job.id] else { continue }
      if let old = entry.fingerprint, old.digest != job.fingerprint.digest {
        entries[job.id] = nil
        changed.remove(job.id)
        restored[job.id] = SchedulerCore.Restored(
          scanID: nil, attempted: false, result: nil,
          note: job.fingerprint.rejection(of: old, scan: job.id))
        continue
      }
      var entryRestored = SchedulerCore.Restored(
        scanID: entry.scanID, attempted: entry.attempted, result: entry.result,
        note: entry.unverifiedOutcome == nil
          ? nil
          : "state for `\(job.id)` says `\(entry.unverifiedOutcome!)` without a verdict "
            + "(an older scanplan wrote it); asking the provider again",
        census: entry.census.map(Set.init), stagedAfter: entry.stagedAfter)
      if entry.result == nil, let ended = entry.ended {
        entryRestored.findingsProgress = SchedulerCore.FindingsProgress(
          ended: ended, findings: entry.pendingFindings, cursor: entry.findingsCursor,
          done: entry.findingsPages > 0 && entry.findingsCursor == nil)
      }
      restored[job.id] = entryRestored
    }
    return restored
  }

  /// A run's result as the file keeps it: its moments from the Unix epoch, without what
  /// only this run says of it (its notes, whether it was resumed).
  private static func kept(_ result: ScanResult, epoch: Double) -> ScanResult {
    var kept = result.shifted(by: epoch)
    kept.notes = []
    kept.resumed = false
    return kept
  }

  /// Takes the run's events into the entries; `save()` writes them. `epoch` is when the
  /// run started, in seconds since the Unix epoch.
  package func record(
    _ events: [RunEvent], plan: RunPlan, records: RunTable<JobID, ScanRecord>, epoch: Double
  ) {
    for event in events {
      switch event {
      case .triggering(let job):
        update(plan.jobs[job]) { $0.attempted = true }
      case .triggered(let job, let scanID, _):
        update(plan.jobs[job]) { $0.scanID = scanID }
      case .staging(let job):
        update(plan.jobs[job]) { $0.stagedAfter = $0.scanID }
      case .staged(let job, let scanID):
        update(plan.jobs[job]) {
          $0.scanID = scanID
          $0.stagedAfter = nil
        }
      case .finished(let job):
        guard let outcome = records[job].outcome else { continue }
        // Interrupted scans stay open so that the next run polls them again.
        guard outcome != .interrupted, outcome != .notStarted else { continue }
        update(plan.jobs[job]) {
          $0.result = Self.kept(records[job].result, epoch: epoch)
          $0.unverifiedOutcome = nil
          $0.ended = nil
          $0.pendingFindings = []
          $0.findingsCursor = nil
          $0.findingsPages = 0
        }
      case .census(let job, let ids):
        update(plan.jobs[job]) { $0.census = ids }
      case .readingFindings(let job):
        var facts = records[job].result
        facts.outcome = .completed
        facts.findings = nil
        update(plan.jobs[job]) {
          $0.ended = Self.kept(facts, epoch: epoch)
          $0.pendingFindings = []
          $0.findingsCursor = nil
          $0.findingsPages = 0
        }
      case .findingsPage(let job, let count, let next):
        let id = plan.jobs[job].id
        guard var entry = entries[id], entry.ended != nil else { continue }
        let page = Array((records[job].findings ?? []).suffix(count))
        entry.pendingFindings += page
        entry.findingsCursor = next
        entry.findingsPages += 1
        entries[id] = entry
        pages.append((id, page, next, entry.findingsPages))
      default:
        continue
      }
    }
  }

  private func update(_ job: RunPlan.Job, _ change: (inout Entry) -> Void) {
    let known = entries[job.id]
    var entry =
      known
      ?? Entry(
        provider: job.provider, location: job.location, scanID: nil, attempted: false,
        fingerprint: nil, result: nil, unverifiedOutcome: nil)
    // Whatever the entry was, it is now for this request.
    entry.fingerprint = job.fingerprint
    entry.provider = job.provider
    entry.location = job.location
    change(&entry)
    guard entry != known else { return }
    order.append(job.id)
    entries[job.id] = entry
    changed.append(job.id)
  }

  /// Rewrites the file as a snapshot, atomically, and opens it for appending. A run calls
  /// it before it sends anything, which also proves the file can be written, and again at
  /// its end.
  package func compact() throws(StateFileError) {
    appender?.close()
    appender = nil
    requestWritten = [:]
    do {
      // Written a megabyte at a time: the snapshot of a large run is never whole in memory.
      let file = try AtomicFile.Writer(path: path, readers: .owner)
      var text = StateFileFormat.header + "\n"
      for id in order {
        guard let entry = entries[id] else { continue }
        text += line(id, entry)
        if entry.ended != nil, entry.findingsPages > 0 {
          text += StateFileFormat.findingsLine(
            id: id, entry.pendingFindings, next: entry.findingsCursor, pages: entry.findingsPages)
        }
        if text.utf8.count >= 1 << 20 {
          try file.write(text)
          text.removeAll(keepingCapacity: true)
        }
      }
      try file.write(text)
      try file.commit()
      appender = try AppendFile(path: path)
    } catch {
      throw StateFileError(message: error.message)
    }
    changed = []
    pages = []
  }

  /// Appends a line for each scan that changed since the last save, then a line for each
  /// page of findings read, and returns once they are on disk: one write and one fsync.
  package func save() throws(StateFileError) {
    guard !changed.isEmpty || !pages.isEmpty else { return }
    guard let appender else { return try compact() }
    var text = ""
    for id in changed {
      guard let entry = entries[id] else { continue }
      text += line(id, entry)
    }
    for page in pages {
      text += StateFileFormat.findingsLine(
        id: page.id, page.findings, next: page.next, pages: page.pages)
    }
    do {
      try appender.append(Array(text.utf8))
    } catch {
      throw StateFileError(message: error.message)
    }
    changed = []
    pages = []
  }

  /// An entry's line, with its request's fields unless an earlier line since the last
  /// snapshot has them.
  private func line(_ id: String, _ entry: Entry) -> String {
    let digest = entry.fingerprint?.digest
    let withRequest = digest != nil && requestWritten[id] != digest
    if withRequest { requestWritten[id] = digest }
    return StateFileFormat.line(id: id, entry, withRequest: withRequest)
  }

  /// Stops appending; the file stays as the last save left it.
  package func stopAppending() {
    appender?.close()
    appender = nil
  }

  /// The file's bytes, or nil when there is no file yet.
  private static func read(_ path: String) throws(StateFileError) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      if errno == ENOENT { return nil }
      throw StateFileError(message: "cannot read \(path): \(FileBytes.errorText())")
    }
    defer { close(descriptor) }
    switch FileBytes.readAll(descriptor: descriptor) {
    case .success(let bytes): return bytes
    case .failure(let failure):
      throw StateFileError(message: "cannot read \(path): \(failure.reason)")
    }
  }

}

/// A state file that cannot be read or written.
package struct StateFileError: Error, Sendable, CustomStringConvertible {
  /// What went wrong, lowercase.
  package let message: String
  package var description: String { message }
}
