import ScanplanJSON
import ScanplanReport
import ScanplanVendorKit

/// The state file's formats, and the lines of the current one.
///
/// Format 4 is a journal of JSON lines: a header line `{"version":4,...}`, then one line
/// per change of a scan, each the scan's whole entry, the last line of an id winning. A
/// run appends the lines of each loop turn and syncs them once; it rewrites the file as a
/// snapshot (one line per scan) when it starts and ends. A last line cut short by a kill
/// is ignored: the trigger it recorded was not sent. Each line carries the `fingerprint`
/// of the request the entry is for; the `request` itself (its fields, to say what
/// changed) is written once per id after a snapshot, and a later line of the same
/// fingerprint keeps it. A scan that ended has a `result`: its verdict and everything its
/// report row needs, written by the codec its report row is (`ScanResult.write`), moments
/// in seconds since the Unix epoch.
///
/// While a completed scan's findings are read, its entry has `ended` (what the polls
/// found), and each page read adds a line `{"id", "findings_page": {"findings", "next",
/// "pages"}}`; a run started again reads from `next` on.
///
/// Format 3 (until December 2026) wrote the outcome and its reason beside the `result`,
/// whose keys were its own (`last_status` the provider's word, `state` its meaning).
/// Format 2 (0.2) is the journal without fingerprints or results, and format 1 (0.1) one
/// JSON document, `{"version": 1, "scans": {ID: ENTRY}}`; their entries have no
/// fingerprint, and an `outcome` without a `result` has no verdict. All are still read,
/// and the next run rewrites the file as format 4.
enum StateFileFormat {
  /// The first line of a format-4 file.
  static let header = #"{"version":4,"format":"scanplan state journal"}"#

  /// The file's moments are seconds since the Unix epoch: a run's result is shifted by
  /// the run's start before it is written.
  private static let file = ScanResult.File.state(startedAt: 0)

  /// The entries a file holds, in first-seen order.
  static func read(_ bytes: [UInt8], path: String) throws(StateFileError) -> [(
    id: String, entry: StateJournal.Entry
  )] {
    let notOurs = StateFileError(
      message: "\(path) is not a scanplan state file; move it away or name another")
    let firstEnd = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
    if let first = try? JSONParser().parse(Array(bytes[..<firstEnd])),
      let version = first["version"]?.intValue, first["format"] == "scanplan state journal"
    {
      guard version <= 4 else {
        throw StateFileError(
          message:
            "\(path) is a state file of format \(version), written by a later scanplan; "
            + "run that version, or move the file away")
      }
      if version >= 2 {
        return try readJournal(bytes, from: firstEnd, path: path, version: version)
      }
    }
    guard let document = try? JSONParser().parse(bytes), document["version"] == 1,
      let scans = document["scans"]?.objectValue
    else { throw notOurs }
    return scans.members.compactMap { member in
      member.value.objectValue.map { (member.key, entry(from: $0, previous: nil, version: 1)) }
    }
  }

  private static func readJournal(
    _ bytes: [UInt8], from start: Int, path: String, version: Int
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
      if let page = object["findings_page"]?.objectValue {
        // A page of findings adds to its scan's entry while the findings are read.
        guard var known = entries[id], known.ended != nil, known.result == nil else { continue }
        known.pendingFindings += (page["findings"]?.arrayValue ?? []).compactMap(
          Finding.init(json:))
        known.findingsCursor = page["next"].flatMap(cursor)
        known.findingsPages = page["pages"]?.intValue ?? known.findingsPages + 1
        entries[id] = known
        continue
      }
      if entries[id] == nil { order.append(id) }
      var read = entry(from: object, previous: entries[id], version: version)
      if let previous = entries[id], previous.ended != nil, read.ended != nil,
        read.result == nil, previous.scanID == read.scanID
      {
        // The same reading goes on: the pages read so far stay.
        read.pendingFindings = previous.pendingFindings
        read.findingsCursor = previous.findingsCursor
        read.findingsPages = previous.findingsPages
      }
      entries[id] = read
    }
    return order.map { ($0, entries[$0]!) }
  }

  /// One line's entry; `previous`, the entry of the id's line before, lends its request's
  /// fields to a line of the same fingerprint that does not repeat them.
  private static func entry(
    from object: JSONObject, previous: StateJournal.Entry?, version: Int
  ) -> StateJournal.Entry {
    var fingerprint: RequestFingerprint?
    if let fields = object["request"]?.objectValue {
      fingerprint = RequestFingerprint(fields: fields)
    } else if let digest = object["fingerprint"]?.stringValue {
      fingerprint =
        previous?.fingerprint?.digest == digest
        ? previous?.fingerprint : RequestFingerprint(digestOnly: digest)
    }
    var result: ScanResult?
    var unverified: String?
    var ended: ScanResult?
    let label = object["outcome"]?.stringValue
    if version >= 4 {
      result = object["result"]?.objectValue.map { ScanResult(json: $0, file: file) }
      // A state file keeps only ends the vendor saw; any other is asked again.
      if let status = result?.status, !status.endedAtVendor { result = nil }
      ended = object["ended"]?.objectValue.map { ScanResult(json: $0, file: file) }
      if result == nil { unverified = label }
    } else {
      if let label, let outcome = ScanOutcome(label: label, reason: object["reason"]?.stringValue) {
        if let stored = object["result"]?.objectValue {
          result = ScanResult(stateVersion3: stored, outcome: outcome, startedAt: 0)
        } else if outcome == .completed {
          // An older version's `completed` kept no verdict: the scan is asked again.
          unverified = label
        } else {
          // Any other end is a failure or a scan not waited for; it needs no verdict.
          result = ScanResult(outcome: outcome)
        }
      }
      ended = object["ended"]?.objectValue.map {
        ScanResult(stateVersion3: $0, outcome: .completed, startedAt: 0)
      }
    }
    return StateJournal.Entry(
      provider: object["provider"]?.stringValue ?? "",
      location: object["location"]?.stringValue ?? "",
      scanID: object["scan_id"]?.stringValue, attempted: object["attempted"]?.boolValue ?? false,
      fingerprint: fingerprint, result: result, unverifiedOutcome: unverified,
      ended: result == nil ? ended : nil,
      census: object["census"]?.arrayValue?.compactMap(\.stringValue),
      stagedAfter: object["staged_after"]?.stringValue)
  }

  private static func json(_ result: ScanResult) -> JSONObject {
    var object = JSONObject()
    result.write(into: &object, file: file)
    return object
  }

  private static func cursor(_ value: JSONValue) -> FindingsCursor? {
    guard let object = value.objectValue else { return nil }
    return FindingsCursor(result: object["result"]?.stringValue, page: object["page"]?.stringValue)
  }

  /// A page of findings read for `id`'s scan: `{"id", "findings_page": {"findings",
  /// "next", "pages"}}`, `next` null after the last page.
  static func findingsLine(
    id: String, _ findings: [Finding], next: FindingsCursor?, pages: Int
  ) -> String {
    var cursor: JSONValue = .null
    if let next {
      var object = JSONObject()
      if let result = next.result { object["result"] = .string(result) }
      if let page = next.page { object["page"] = .string(page) }
      cursor = .object(object)
    }
    let page: JSONObject = [
      "findings": .array(findings.map { $0.json() }), "next": cursor, "pages": .int(pages),
    ]
    return JSONWriter.compact(.object(["id": .string(id), "findings_page": .object(page)])) + "\n"
  }

  /// One entry as a journal line, newline included; `withRequest` writes the request's
  /// fields beside its fingerprint.
  static func line(id: String, _ entry: StateJournal.Entry, withRequest: Bool) -> String {
    var object: JSONObject = [
      "id": .string(id), "provider": .string(entry.provider),
      "location": .string(entry.location), "attempted": .bool(entry.attempted),
    ]
    if let fingerprint = entry.fingerprint {
      object["fingerprint"] = .string(fingerprint.digest)
      if withRequest, !fingerprint.fields.isEmpty {
        object["request"] = .object(fingerprint.fields)
      }
    }
    if let census = entry.census { object["census"] = .array(census.map(JSONValue.string)) }
    if let stagedAfter = entry.stagedAfter { object["staged_after"] = .string(stagedAfter) }
    if let scanID = entry.scanID { object["scan_id"] = .string(scanID) }
    if let result = entry.result {
      object["result"] = .object(json(result))
    } else if let label = entry.unverifiedOutcome {
      // Still without a verdict, as the older file said it.
      object["outcome"] = .string(label)
    }
    if entry.result == nil, let ended = entry.ended { object["ended"] = .object(json(ended)) }
    return JSONWriter.compact(.object(object)) + "\n"
  }
}
