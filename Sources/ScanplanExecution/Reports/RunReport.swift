import ScanplanJSON
import ScanplanSupport

/// A run's result: one row per scan, the exit code, and the report files.
public struct RunReport: Sendable {
  /// The rows, in plan order.
  public let records: [ScanRecord]
  /// Seconds since the Unix epoch when the run started.
  public let startedAt: Double
  /// Seconds since the Unix epoch when it ended.
  public let endedAt: Double
  /// Whether Ctrl-C stopped it.
  public let interrupted: Bool
  /// Budgets that never got an HTTP answer: their providers were unreachable.
  public let unreachableProviders: [String]
  /// Each budget's name, configured rate and counters.
  public let budgets: [Budget]
  /// When things happened, for the HTML page; nil when the run did not record it.
  public let timeline: RunTimeline?

  /// One budget as a report shows it.
  public struct Budget: Sendable {
    /// The provider's name.
    public let name: String
    /// The configured rate, requests per second.
    public let rate: Double
    /// What it did.
    public let statistics: SchedulerCore.BudgetStatistics

    /// Creates a row.
    public init(name: String, rate: Double, statistics: SchedulerCore.BudgetStatistics) {
      self.name = name
      self.rate = rate
      self.statistics = statistics
    }
  }

  /// Creates a report.
  public init(
    records: [ScanRecord], startedAt: Double, endedAt: Double, interrupted: Bool,
    unreachableProviders: [String],
    timeline: RunTimeline? = nil, budgets: [Budget] = []
  ) {
    self.timeline = timeline
    self.budgets = budgets
    self.records = records
    self.startedAt = startedAt
    self.endedAt = endedAt
    self.interrupted = interrupted
    self.unreachableProviders = unreachableProviders
  }

  /// The exit code the format defines: 3 when a provider refused the run, could not be
  /// reached, or the run was interrupted; 1 when a scan did not complete or a gate
  /// failed; 0 otherwise.
  public var exitCode: Int32 {
    if interrupted || !unreachableProviders.isEmpty { return 3 }
    if records.contains(where: {
      if case .refused = $0.outcome { return true } else { return false }
    }) {
      return 3
    }
    for record in records {
      switch record.outcome {
      case .completed?, .triggered?:
        if case .failed = record.gate { return 1 }
      default:
        return 1
      }
    }
    return 0
  }

  /// How many scans ended one way.
  public struct OutcomeCount: Equatable, Sendable {
    /// The outcome's label in reports (`completed`, `timed_out`, ...).
    public let label: String
    /// How many scans ended that way; never 0 in `counts`.
    public let count: Int
  }

  /// Counts of outcomes by label, in a fixed order, leaving out those that did not occur.
  public var counts: [OutcomeCount] {
    let labels = [
      "completed", "triggered", "failed", "cancelled", "timed_out", "errored", "refused",
      "interrupted", "not_started",
    ]
    var byLabel: [String: Int] = [:]
    for record in records { byLabel[record.outcome?.label ?? "", default: 0] += 1 }
    return labels.compactMap { label in
      byLabel[label].map { OutcomeCount(label: label, count: $0) }
    }
  }

  /// The JSON report (`--report FILE.json`).
  public func json() -> String {
    var rows: [JSONValue] = []
    for record in records {
      var row: JSONObject = [
        "id": .string(record.id),
        "provider": .string(record.provider),
        "scan_id": record.scanID.map(JSONValue.string) ?? .null,
        "status": .string(record.outcome?.label ?? "running"),
      ]
      if let reason = record.outcome?.reason { row["reason"] = .string(reason) }
      if record.adopted { row["adopted"] = true }
      if record.recovered { row["recovered"] = true }
      if record.resumed { row["resumed"] = true }
      row["triggered_at"] =
        record.triggeredAt.map { .string(UTCDate.iso8601(startedAt + $0)) } ?? .null
      row["ended_at"] = record.endedAt.map { .string(UTCDate.iso8601(startedAt + $0)) } ?? .null
      if let start = record.triggeredAt, let end = record.endedAt {
        row["duration_seconds"] = .double(Self.rounded(end - start))
      }
      row["polls"] = .int(record.polls)
      if let shown = record.shownStatus, let status = record.lastStatus {
        row["last_status"] = .string(shown)
        // The provider's own word, where output shows a shared one (`paused` for `pausing`).
        if shown != status { row["vendor_status"] = .string(status) }
      }
      if let progress = record.progress { row["progress"] = .int(progress) }
      if let counts = record.severityCounts {
        var object = JSONObject()
        for key in counts.keys.sorted(by: Self.severityOrder) { object[key] = .int(counts[key]!) }
        row["severity_counts"] = .object(object)
      }
      if let session = record.sessionID { row["scan_session_id"] = .string(session) }
      switch record.gate {
      case .passed?: row["gate"] = .object(["verdict": "passed"])
      case .failed(let reasons)?:
        row["gate"] = .object([
          "verdict": "failed", "reasons": .array(reasons.map(JSONValue.string)),
        ])
      case nil: break
      }
      if !record.notes.isEmpty { row["notes"] = .array(record.notes.map(JSONValue.string)) }
      row["location"] = .string(record.location)
      if let timeline {
        row["timeline"] = .object(scanTimeline(record, timeline.scans[record.job]))
      }
      rows.append(.object(row))
    }
    let providers: [JSONValue] = budgets.indices.map { index in
      let budget = budgets[index]
      var provider: JSONObject = [
        "name": .string(budget.name), "requests_per_second": .double(budget.rate),
        "requests": .int(budget.statistics.requests),
        "throttled": .int(budget.statistics.throttled),
        "backlogged_seconds": .double(Self.rounded(budget.statistics.backloggedSeconds)),
        "backlogged_requests": .int(budget.statistics.backloggedRequests),
      ]
      if let timeline { provider["timeline"] = .object(budgetTimeline(timeline.budgets[index])) }
      return .object(provider)
    }
    var document: JSONObject = [
      "version": 1,
      "started_at": .string(UTCDate.iso8601(startedAt)),
      "ended_at": .string(UTCDate.iso8601(endedAt)),
    ]
    if timeline != nil { document["duration_seconds"] = .double(Self.rounded(endedAt - startedAt)) }
    document["exit_code"] = .int(Int(exitCode))
    document["interrupted"] = .bool(interrupted)
    document["summary"] = .object(JSONObject(counts.map { ($0.label, JSONValue.int($0.count)) }))
    document["providers"] = .array(providers)
    document["scans"] = .array(rows)
    return JSONWriter.pretty(.object(document))
  }

  /// The JUnit XML report (`--junit FILE.xml`): one test case per scan.
  public func junit() -> String {
    var failures = 0
    var errors = 0
    var skipped = 0
    var cases = ""
    for record in records {
      let seconds = record.triggeredAt.flatMap { start in record.endedAt.map { $0 - start } } ?? 0
      cases +=
        "    <testcase classname=\"\(xml(record.provider))\" name=\"\(xml(record.id))\" time=\"\(format(seconds))\">\n"
      let place = " (\(record.location))"
      switch record.outcome {
      case .completed?, .triggered?:
        if case .failed(let reasons)? = record.gate {
          failures += 1
          cases +=
            "      <failure message=\"\(xml("gate failed: " + reasons.joined(separator: ", ")))\" type=\"gate\"/>\n"
        }
      case .failed(let reason)?, .refused(let reason)?, .timedOut(let reason)?:
        failures += 1
        cases +=
          "      <failure message=\"\(xml(reason + place))\" type=\"\(record.outcome!.label)\"/>\n"
      case .cancelled?:
        failures += 1
        cases +=
          "      <failure message=\"\(xml(record.outcome!.label + place))\" type=\"\(record.outcome!.label)\"/>\n"
      case .errored(let reason)?:
        errors += 1
        cases += "      <error message=\"\(xml(reason + place))\" type=\"errored\"/>\n"
      case .interrupted?, .notStarted?, nil:
        skipped += 1
        cases +=
          "      <skipped message=\"\(xml((record.outcome?.label ?? "running") + place))\"/>\n"
      }
      if let scanID = record.scanID {
        cases +=
          "      <system-out>\(xml("scan id \(scanID); status \(record.shownStatus ?? "-"); polls \(record.polls)"))</system-out>\n"
      }
      cases += "    </testcase>\n"
    }
    var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    text += "<testsuites>\n"
    text +=
      "  <testsuite name=\"scanplan\" tests=\"\(records.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"\(format(endedAt - startedAt))\" timestamp=\"\(UTCDate.iso8601(startedAt, milliseconds: false).dropLast())\">\n"
    text += cases
    text += "  </testsuite>\n</testsuites>\n"
    return text
  }

  private func format(_ seconds: Double) -> String {
    FixedPoint.format(seconds, places: 3)
  }

  private func xml(_ text: String) -> String {
    var output = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "'": output += "&apos;"
      default:
        // XML 1.0 has no place for most control characters.
        if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" {
          output += "?"
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    return output
  }

  private static func severityOrder(_ lhs: String, _ rhs: String) -> Bool {
    let order = ["critical", "high", "medium", "low", "info"]
    let left = order.firstIndex(of: lhs) ?? order.count
    let right = order.firstIndex(of: rhs) ?? order.count
    return left != right ? left < right : lhs < rhs
  }
}

extension JSONObject {
  fileprivate init(_ members: [(String, JSONValue)]) {
    self.init()
    for (key, value) in members { self[key] = value }
  }
}
