import OrderedCollections
import ScanplanSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `--state` file: every trigger a run sends, and every scan id it learns, so that a
/// run started again re-attaches to its scans instead of triggering them twice.
///
/// A journal (`StateFileFormat`): `compact()` rewrites it atomically as a snapshot when a
/// run starts and ends, and `save()` appends a line per scan that changed since the last
/// save, with one fsync for them all. The run driver saves once per loop turn, before it
/// sends the triggers the turn recorded, so a save costs what the turn changed, not the
/// plan's size. It holds no secrets.
public final class StateJournal {
  /// What the file says of one scan.
  public struct Entry: Equatable, Sendable {
    /// The provider's name.
    public var provider: String
    /// Where the scan is defined.
    public var location: String
    /// The provider's scan id, once known.
    public var scanID: String?
    /// Whether a trigger was sent.
    public var attempted: Bool
    /// How it ended, if it did (a label of `ScanOutcome`).
    public var outcome: String?
    /// Why, for outcomes with a reason.
    public var reason: String?
  }

  /// The file's path.
  public let path: String
  /// Entries by scan id.
  public private(set) var entries: [String: Entry]
  private var order: [String]
  /// Ids changed since the last save, in order of change, each once.
  private var changed: OrderedSet<String> = []
  private var appender: AppendFile?

  /// Opens a state file, in either format, or starts an empty one when the file does not
  /// exist yet. Nothing is written until `compact()`.
  public init(path: String) throws(StateFileError) {
    self.path = path
    entries = [:]
    order = []
    guard let bytes = try Self.read(path) else { return }
    for (id, entry) in try StateFileFormat.read(bytes, path: path) {
      if entries[id] == nil { order.append(id) }
      entries[id] = entry
    }
  }

  /// What a scheduler needs to re-attach: scan ids, attempts and ended scans.
  public var restored: [String: SchedulerCore.Restored] {
    entries.mapValues { entry in
      SchedulerCore.Restored(
        scanID: entry.scanID, attempted: entry.attempted,
        outcome: entry.outcome.flatMap { ScanOutcome(label: $0, reason: entry.reason) })
    }
  }

  /// Takes the run's events into the entries; `save()` writes them.
  public func record(_ events: [RunEvent], plan: RunPlan, records: [ScanRecord]) {
    for event in events {
      switch event {
      case .triggering(let job):
        update(plan.jobs[job]) { $0.attempted = true }
      case .triggered(let job, let scanID, _):
        update(plan.jobs[job]) { $0.scanID = scanID }
      case .finished(let job):
        guard let outcome = records[job].outcome else { continue }
        // Interrupted scans stay open so that the next run polls them again.
        guard outcome != .interrupted, outcome != .notStarted else { continue }
        update(plan.jobs[job]) {
          $0.outcome = outcome.label
          $0.reason = outcome.reason
        }
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
        provider: job.provider, location: job.location, scanID: nil, attempted: false, outcome: nil,
        reason: nil)
    change(&entry)
    guard entry != known else { return }
    if known == nil { order.append(job.id) }
    entries[job.id] = entry
    changed.append(job.id)
  }

  /// Rewrites the file as a snapshot, atomically, and opens it for appending. A run calls
  /// it before it sends anything, which also proves the file can be written, and again at
  /// its end.
  public func compact() throws(StateFileError) {
    appender?.close()
    appender = nil
    var text = StateFileFormat.header + "\n"
    for id in order {
      guard let entry = entries[id] else { continue }
      text += StateFileFormat.line(id: id, entry)
    }
    do {
      try AtomicFile.write(Array(text.utf8), to: path, readers: .owner)
      appender = try AppendFile(path: path)
    } catch {
      throw StateFileError(message: error.message)
    }
    changed = []
  }

  /// Appends a line for each scan that changed since the last save, and returns once they
  /// are on disk: one write and one fsync.
  public func save() throws(StateFileError) {
    guard !changed.isEmpty else { return }
    guard let appender else { return try compact() }
    var text = ""
    for id in changed {
      guard let entry = entries[id] else { continue }
      text += StateFileFormat.line(id: id, entry)
    }
    do {
      try appender.append(Array(text.utf8))
    } catch {
      throw StateFileError(message: error.message)
    }
    changed = []
  }

  /// Stops appending; the file stays as the last save left it.
  public func stopAppending() {
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
public struct StateFileError: Error, Sendable, CustomStringConvertible {
  /// What went wrong, lowercase.
  public let message: String
  /// The message.
  public var description: String { message }
}
