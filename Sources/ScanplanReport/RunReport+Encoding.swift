import ScanplanJSON
import ScanplanSupport

extension RunReport {
  /// The JSON report (`--report FILE.json`). With `flush`, the text is given to it in
  /// pieces as it is written, and what is returned is empty: a report of many findings
  /// is never whole in memory.
  package func json(flush: ((inout String) -> Void)? = nil) -> String {
    var document: JSONObject = [
      "version": .int(Self.version), "started_at": .string(startedAt),
      "ended_at": .string(endedAt),
    ]
    if let duration { document["duration_seconds"] = .double(Self.rounded(duration)) }
    document["exit_code"] = .int(Int(exitCode))
    document["interrupted"] = .bool(interrupted)
    if let baseline { document["baseline"] = .string(baseline) }
    var summary = JSONObject()
    for count in self.summary { summary[count.name] = .int(count.count) }
    document["summary"] = .object(summary)
    document["providers"] = .array(providers.map { provider($0) })
    // Scan by scan: the values of every finding at once would be several times the text.
    return JSONWriter.pretty(document, endingWith: "scans", count: scans.count, flush: flush) {
      scan(scans[$0])
    }
  }

  /// Seconds to the millisecond, as the report writes them.
  package static func rounded(_ seconds: Double) -> Double {
    ScanResult.milliseconds(seconds)
  }

  private func provider(_ provider: Provider) -> JSONValue {
    var object: JSONObject = [
      "name": .string(provider.name), "requests_per_second": .double(provider.rate),
      "requests": .int(provider.requests), "throttled": .int(provider.throttled),
      "backlogged_seconds": .double(Self.rounded(provider.backloggedSeconds)),
      "backlogged_requests": .int(provider.backloggedRequests),
    ]
    if hasTimeline {
      object["timeline"] = .object([
        "pauses": .array(
          provider.pauses.map {
            .object([
              "from": .double(Self.rounded($0.from)), "until": .double(Self.rounded($0.until)),
            ])
          }),
        "interval_seconds": .int(provider.intervalSeconds),
        "requests": .array(provider.requestCounts.map(JSONValue.int)),
      ])
    }
    return .object(object)
  }

  private func scan(_ scan: Scan) -> JSONValue {
    var row: JSONObject = ["id": .string(scan.id), "provider": .string(scan.provider)]
    scan.result.write(into: &row, file: .report(startedAt: epoch))
    row["location"] = .string(scan.location)
    if hasTimeline {
      var moments = JSONObject()
      if let triggered = scan.triggered { moments["triggered"] = .double(Self.rounded(triggered)) }
      if let running = scan.running { moments["running"] = .double(Self.rounded(running)) }
      if let ended = scan.ended { moments["ended"] = .double(Self.rounded(ended)) }
      moments["polls"] = .array(scan.pollTimes.map { .double(Self.rounded($0)) })
      row["timeline"] = .object(moments)
    }
    return .object(row)
  }

  private static func object(_ counts: [Count]) -> JSONValue {
    var object = JSONObject()
    for count in counts { object[count.name] = .int(count.count) }
    return .object(object)
  }
}
