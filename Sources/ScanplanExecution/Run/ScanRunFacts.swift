import ScanplanJSON
import ScanplanPlan
import ScanplanSupport
import ScanplanVendorKit
import ScanplanYAML

/// What decides a scan's run besides its request, as `scanplan plan` shows it: the merged
/// gate, how it is polled and for how long, `wait`, its provider's budget, and where each
/// merged setting was written (its default, profile or scan).
struct ScanRunFacts: Sendable {
  let failOn: [GateThreshold]
  let wait: Bool
  let poll: PollPolicy
  let deadline: Int
  let deadlineSource: String
  let requestsPerSecond: Double
  let triggersPerMinute: Double?
  let maxConcurrentScans: Int?
  let settings: [(path: String, value: JSONValue, name: String?, setAt: String, setBy: String)]
  /// The vendor's name for people, for the names of values.
  let vendorName: String

  init(_ scan: ResolvedScan, provider: ResolvedProvider, plan: ResolvedPlan) {
    failOn = scan.failOn
    vendorName = provider.vendor.table.displayName
    wait = scan.wait
    poll = provider.poll
    deadline = scan.deadline(timeout: provider.poll.timeout)
    deadlineSource = provider.deadlineSource
    requestsPerSecond = provider.requestsPerSecond
    triggersPerMinute = provider.triggersPerMinute
    maxConcurrentScans = provider.maxConcurrentScans
    settings = scan.settings.map {
      let setBy: String
      switch $0.origin {
      case .defaults: setBy = "provider `\(provider.name)`'s defaults"
      case .profile(let name): setBy = "profile `\(name)`"
      case .scan: setBy = "the scan"
      }
      return (
        $0.path.joined(separator: "."), $0.value, provider.valueName(of: $0),
        "\(plan.file):\($0.range.start.line):\($0.range.start.column)", setBy
      )
    }
  }

  /// Lines for people, indented as the request's.
  func text(explainingSettings: Bool) -> String {
    // An id the vendor names (Invicti's built-in profiles) is shown by its name too.
    var output = ""
    for setting in settings {
      if let name = setting.name { output += "  \(setting.path) is \(vendorName)'s \"\(name)\"\n" }
    }
    output +=
      "  gate: "
      + (failOn.isEmpty
        ? "none"
        : failOn.map { "\($0.severity) >= \($0.count)" }.joined(separator: ", "))
    output += wait ? "" : "  (wait: false: triggered, not polled)"
    output += "\n"
    if wait {
      output +=
        "  poll: after \(Self.duration(poll.initialInterval)), growing x"
        + FixedPoint.shortest(poll.multiplier) + " to \(Self.duration(poll.maxInterval))"
        + "; deadline \(Self.duration(deadline)) (\(deadlineSource))\n"
    }
    output +=
      "  budget: \(Counted.rate(requestsPerSecond, "request", per: "s")), "
      + (triggersPerMinute.map { Counted.rate($0, "trigger", per: "min") } ?? "no trigger limit")
      + ", "
      + (maxConcurrentScans.map { Counted.phrase($0, "scan") + " at once" }
        ?? "no limit on scans at once") + "\n"
    if explainingSettings, !settings.isEmpty {
      output += "  settings:\n"
      for setting in settings {
        output +=
          "    \(setting.path): \(JSONWriter.compact(setting.value))"
          + (setting.name.map { " (\($0))" } ?? "")
          + "  (set by \(setting.setBy), at \(setting.setAt))\n"
      }
    }
    return output
  }

  /// The JSON `run` object of a scan.
  func json() -> JSONObject {
    var gate = JSONObject()
    for threshold in failOn { gate[threshold.severity] = .int(threshold.count) }
    var pollObject: JSONObject = [
      "initial_interval_seconds": .int(poll.initialInterval),
      "max_interval_seconds": .int(poll.maxInterval),
      "multiplier": .double(poll.multiplier),
    ]
    if let timeout = poll.timeout { pollObject["timeout_seconds"] = .int(timeout) }
    var budget: JSONObject = ["requests_per_second": .double(requestsPerSecond)]
    budget["triggers_per_minute"] = triggersPerMinute.map(JSONValue.double) ?? .null
    budget["max_concurrent_scans"] = maxConcurrentScans.map(JSONValue.int) ?? .null
    return [
      "fail_on": .object(gate), "wait": .bool(wait), "poll": .object(pollObject),
      "deadline_seconds": .int(deadline), "deadline_source": .string(deadlineSource),
      "budget": .object(budget),
      "settings": .array(
        settings.map {
          var object: JSONObject = [
            "path": .string($0.path), "value": $0.value, "set_at": .string($0.setAt),
            "set_by": .string($0.setBy),
          ]
          if let name = $0.name { object["value_name"] = .string(name) }
          return .object(object)
        }),
    ]
  }

  private static func duration(_ seconds: Int) -> String { PlanDuration.format(seconds: seconds) }
}
