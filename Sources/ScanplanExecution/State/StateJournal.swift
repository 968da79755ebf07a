import ScanplanJSON
import ScanplanSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `--state` file: every trigger a run sends, and every scan id it learns, so that a
/// run started again re-attaches to its scans instead of triggering them twice.
///
/// A trigger is recorded as attempted before it is sent and with its scan id once
/// answered; the file is rewritten atomically (temporary file, fsync, rename, fsync of the
/// folder) before the run moves on. It holds no secrets.
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
  private var dirty = false

  /// Opens a state file, or starts an empty one when the file does not exist yet.
  public init(path: String) throws(StateFileError) {
    self.path = path
    entries = [:]
    order = []
    guard let bytes = try Self.read(path) else { return }
    guard let document = try? JSONParser().parse(bytes), document["version"] == 1,
      let scans = document["scans"]?.objectValue
    else {
      throw StateFileError(
        message: "\(path) is not a scanplan state file; move it away or name another")
    }
    for member in scans.members {
      guard let object = member.value.objectValue else { continue }
      entries[member.key] = Entry(
        provider: object["provider"]?.stringValue ?? "",
        location: object["location"]?.stringValue ?? "",
        scanID: object["scan_id"]?.stringValue, attempted: object["attempted"]?.boolValue ?? false,
        outcome: object["outcome"]?.stringValue, reason: object["reason"]?.stringValue)
      order.append(member.key)
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
    var entry =
      entries[job.id]
      ?? Entry(
        provider: job.provider, location: job.location, scanID: nil, attempted: false, outcome: nil,
        reason: nil)
    let before = entry
    change(&entry)
    guard entry != before || entries[job.id] == nil else { return }
    if entries[job.id] == nil { order.append(job.id) }
    entries[job.id] = entry
    dirty = true
  }

  /// Writes the file if anything changed since the last write.
  public func save() throws(StateFileError) {
    guard dirty else { return }
    var scans = JSONObject()
    for id in order {
      guard let entry = entries[id] else { continue }
      var object: JSONObject = [
        "provider": .string(entry.provider), "location": .string(entry.location),
        "attempted": .bool(entry.attempted),
      ]
      if let scanID = entry.scanID { object["scan_id"] = .string(scanID) }
      if let outcome = entry.outcome { object["outcome"] = .string(outcome) }
      if let reason = entry.reason { object["reason"] = .string(reason) }
      scans[id] = .object(object)
    }
    let text = JSONWriter.pretty(.object(["version": 1, "scans": .object(scans)]))
    do {
      try AtomicFile.write(Array(text.utf8), to: path)
    } catch {
      throw StateFileError(message: error.message)
    }
    dirty = false
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
