import ScanplanJSON
import ScanplanReport

/// `scanplan state show FILE`: what a state file holds, per scan id: how the scan ended
/// (or how far it got), its verdict, and its id at the vendor.
package struct StateListing: Sendable {
  /// One scan's line.
  package struct Row: Sendable, Equatable {
    /// `ASSET/NAME`.
    package let id: String
    package let provider: String
    /// `completed`, `failed`, ... for an ended scan; `running` for one with a scan id,
    /// `attempted` for a trigger whose answer was not recorded, `not_sent` otherwise (the
    /// asset's scans were listed before the trigger, which was never sent).
    package let outcome: String
    /// `passed` or `failed` for a gated scan that completed, `none` for one without a
    /// gate, `unknown` for an older file's `completed` (kept without a verdict), and nil
    /// while the scan has not ended or when it did not complete.
    package let verdict: String?
    /// The gate's reasons, or why the scan did not complete.
    package let reasons: [String]
    /// The scan's id at the vendor.
    package let scanID: String?
    /// The fingerprint of the request the entry is for; nil in older files.
    package let fingerprint: String?
  }

  /// The file's path.
  package let path: String
  /// Its scans, in the order they were first written.
  package let rows: [Row]

  /// The listing of an open journal.
  package init(_ journal: StateJournal) {
    path = journal.path
    rows = journal.ids.compactMap { id in
      journal.entries[id].map { Self.row(id, $0) }
    }
  }

  private static func row(_ id: String, _ entry: StateJournal.Entry) -> Row {
    var outcome = entry.scanID != nil ? "running" : entry.attempted ? "attempted" : "not_sent"
    var verdict: String?
    var reasons: [String] = []
    if let result = entry.result {
      outcome = result.status.rawValue
      if let reason = result.reason { reasons = [reason] }
      switch result.gate {
      case .passed?: verdict = "passed"
      case .failed(let why)?:
        verdict = "failed"
        reasons = why
      case nil: verdict = result.outcome == .completed ? "none" : nil
      }
    } else if let unverified = entry.unverifiedOutcome {
      outcome = unverified
      verdict = "unknown"
      reasons = ["an older scanplan kept no verdict; a run asks the provider again"]
    }
    return Row(
      id: id, provider: entry.provider, outcome: outcome, verdict: verdict, reasons: reasons,
      scanID: entry.scanID, fingerprint: entry.fingerprint?.digest)
  }

  /// For people: a table, then the counts.
  package func text() -> String {
    guard !rows.isEmpty else { return "\(path) holds no scan\n" }
    let header = Row(
      id: "scan", provider: "", outcome: "outcome", verdict: "verdict", reasons: [],
      scanID: "scan id at the vendor", fingerprint: nil)
    let verdicts = rows.map(Self.verdictText)
    let idWidth = rows.map(\.id.count).max()! + 2
    let outcomeWidth = max(rows.map(\.outcome.count).max()!, 7) + 2
    let verdictWidth = max(verdicts.map(\.count).max()!, 7) + 2
    func line(_ row: Row, _ verdict: String) -> String {
      Self.padded(row.id, idWidth) + Self.padded(row.outcome, outcomeWidth)
        + Self.padded(verdict, verdictWidth) + (row.scanID ?? "-")
    }
    var output = line(header, "verdict") + "\n"
    for (row, verdict) in zip(rows, verdicts) { output += line(row, verdict) + "\n" }
    var byOutcome: [String: Int] = [:]
    for row in rows { byOutcome[row.outcome, default: 0] += 1 }
    output +=
      "\n\(path): "
      + byOutcome.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(
        separator: ", ") + "\n"
    return output
  }

  private static func verdictText(_ row: Row) -> String {
    switch row.verdict {
    case "failed"?: return "gate failed: " + row.reasons.joined(separator: ", ")
    case "passed"?: return "gate passed"
    case "none"?: return "no gate"
    case "unknown"?: return "unknown (older file)"
    default: return row.reasons.first ?? "-"
    }
  }

  private static func padded(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(1, width - text.count))
  }

  /// `{"version": 1, "file", "scans": [{"id", "provider", "outcome", "verdict",
  /// "reasons", "scan_id", "fingerprint"}]}`, with `null` where a row has nothing.
  package func json() -> String {
    let scans: [JSONValue] = rows.map { row in
      .object([
        "id": .string(row.id), "provider": .string(row.provider),
        "outcome": .string(row.outcome), "verdict": row.verdict.map(JSONValue.string) ?? .null,
        "reasons": .array(row.reasons.map(JSONValue.string)),
        "scan_id": row.scanID.map(JSONValue.string) ?? .null,
        "fingerprint": row.fingerprint.map(JSONValue.string) ?? .null,
      ])
    }
    return JSONWriter.pretty(
      .object(["version": 1, "file": .string(path), "scans": .array(scans)]))
  }
}
