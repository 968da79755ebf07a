import ScanplanJSON

extension RunReport {
  /// The most bars a budget's requests are counted in, whatever the run's length: a
  /// page stays light for a run of hours.
  static let maxIntervals = 600

  /// Seconds to the millisecond, as the report writes them.
  static func rounded(_ seconds: Double) -> Double {
    (seconds * 1000).rounded() / 1000
  }

  /// A scan's `timeline` key: seconds since the run started.
  func scanTimeline(_ record: ScanRecord, _ moments: RunTimeline.Scan) -> JSONObject {
    var object = JSONObject()
    if let triggered = record.triggeredAt { object["triggered"] = .double(Self.rounded(triggered)) }
    if let running = moments.runningAt { object["running"] = .double(Self.rounded(running)) }
    if let ended = record.endedAt { object["ended"] = .double(Self.rounded(ended)) }
    object["polls"] = .array(moments.polls.map { .double(Self.rounded($0)) })
    return object
  }

  /// The seconds each interval of a budget's request counts covers.
  var intervalSeconds: Int {
    max(1, Int(((endedAt - startedAt) / Double(Self.maxIntervals)).rounded(.up)))
  }

  /// A provider's `timeline` key: its 429 pauses, and its requests per interval.
  func budgetTimeline(_ moments: RunTimeline.Budget) -> JSONObject {
    let interval = intervalSeconds
    let count = max(1, Int(((endedAt - startedAt) / Double(interval)).rounded(.up)))
    var requests = Array(repeating: 0, count: count)
    for sent in moments.sends {
      requests[min(count - 1, max(0, Int(sent / Double(interval))))] += 1
    }
    return [
      "pauses": .array(
        moments.pauses.map {
          .object([
            "from": .double(Self.rounded($0.from)), "until": .double(Self.rounded($0.until)),
          ])
        }),
      "interval_seconds": .int(interval),
      "requests": .array(requests.map(JSONValue.int)),
    ]
  }
}
