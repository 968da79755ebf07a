import ScanplanJSON

/// The state file's two formats, and the lines of the current one.
///
/// Format 2 (after 0.1.0) is a journal of JSON lines: a header line
/// `{"version":2,...}`, then one line per change of a scan, each the scan's whole entry, the
/// last line of an id winning. A run appends the lines of each loop turn and syncs them
/// once; it rewrites the file as a snapshot (one line per scan) when it starts and ends.
/// A last line cut short by a kill is ignored: the trigger it recorded was not sent.
///
/// Format 1 is one JSON document, `{"version": 1, "scans": {ID: ENTRY}}`; it is still
/// read, and the next run rewrites it as format 2.
enum StateFileFormat {
  /// The first line of a format-2 file.
  static let header = #"{"version":2,"format":"scanplan state journal"}"#

  /// The entries a file holds, in first-seen order.
  static func read(_ bytes: [UInt8], path: String) throws(StateFileError) -> [(
    id: String, entry: StateJournal.Entry
  )] {
    let notOurs = StateFileError(
      message: "\(path) is not a scanplan state file; move it away or name another")
    let firstEnd = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
    if let first = try? JSONParser().parse(Array(bytes[..<firstEnd])), first["version"] == 2 {
      return try readJournal(bytes, from: firstEnd, path: path)
    }
    guard let document = try? JSONParser().parse(bytes), document["version"] == 1,
      let scans = document["scans"]?.objectValue
    else { throw notOurs }
    return scans.members.compactMap { member in
      member.value.objectValue.map { (member.key, entry(from: $0)) }
    }
  }

  private static func readJournal(
    _ bytes: [UInt8], from start: Int, path: String
  ) throws(StateFileError) -> [(id: String, entry: StateJournal.Entry)] {
    var order: [String] = []
    var entries: [String: StateJournal.Entry] = [:]
    var lineStart = start
    var lineNumber = 1
    while lineStart < bytes.endIndex {
      lineStart += 1  // past the newline
      lineNumber += 1
      guard lineStart < bytes.endIndex else { break }
      let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
      defer { lineStart = lineEnd }
      let parsed = try? JSONParser().parse(Array(bytes[lineStart..<lineEnd]))
      guard let object = parsed?.objectValue, let id = object["id"]?.stringValue else {
        // Only the last line can be torn by a kill in the middle of a write.
        if lineEnd == bytes.endIndex { break }
        throw StateFileError(
          message: "line \(lineNumber) of \(path) is damaged; move the file away or name another"
        )
      }
      if entries[id] == nil { order.append(id) }
      entries[id] = entry(from: object)
    }
    return order.map { ($0, entries[$0]!) }
  }

  private static func entry(from object: JSONObject) -> StateJournal.Entry {
    StateJournal.Entry(
      provider: object["provider"]?.stringValue ?? "",
      location: object["location"]?.stringValue ?? "",
      scanID: object["scan_id"]?.stringValue, attempted: object["attempted"]?.boolValue ?? false,
      outcome: object["outcome"]?.stringValue, reason: object["reason"]?.stringValue)
  }

  /// One entry as a journal line, newline included.
  static func line(id: String, _ entry: StateJournal.Entry) -> String {
    var object: JSONObject = [
      "id": .string(id), "provider": .string(entry.provider),
      "location": .string(entry.location), "attempted": .bool(entry.attempted),
    ]
    if let scanID = entry.scanID { object["scan_id"] = .string(scanID) }
    if let outcome = entry.outcome { object["outcome"] = .string(outcome) }
    if let reason = entry.reason { object["reason"] = .string(reason) }
    return JSONWriter.compact(.object(object)) + "\n"
  }
}
