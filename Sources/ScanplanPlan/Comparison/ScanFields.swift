import ScanplanJSON
import ScanplanVendorKit

/// What a scan does, as named fields to compare: its provider, the trigger request it
/// would send (URL, token reference and every body field), how it is polled, its gate,
/// `wait`, and its provider's budget. Environment references stay as written.
struct ScanFields {
  /// One field and its value.
  struct Field {
    let name: String
    let value: JSONValue
  }

  let fields: [Field]

  init(_ scan: ResolvedScan, provider: ResolvedProvider) {
    var fields: [Field] = []
    func add(_ name: String, _ value: JSONValue?) {
      if let value { fields.append(Field(name: name, value: value)) }
    }
    add("provider", .string(provider.name))
    add("type", .string(provider.type.rawValue))
    let request = provider.writtenTriggerRequest(for: scan)
    add("request.method", .string(request.method))
    add("request.url", .string(request.url))
    add("request.token", .string(provider.tokenReference))
    if let body = request.body, let json = try? JSONParser().parse(body) {
      Self.flatten(json, prefix: "request.body", into: &fields)
    }
    add("request.ca_file", provider.caFile.map(JSONValue.string))
    add("poll.initial_interval", .int(provider.poll.initialInterval))
    add("poll.max_interval", .int(provider.poll.maxInterval))
    add("poll.multiplier", Self.number(provider.poll.multiplier))
    add("poll.timeout", provider.poll.timeout.map(JSONValue.int))
    add("poll.on_conflict", .string(provider.onConflict.rawValue))
    for threshold in scan.failOn {
      add("fail_on.\(threshold.severity)", .int(threshold.count))
    }
    add("wait", .bool(scan.wait))
    add("budget.requests_per_second", Self.number(provider.requestsPerSecond))
    add("budget.triggers_per_minute", provider.triggersPerMinute.map(Self.number))
    add("budget.max_concurrent_scans", provider.maxConcurrentScans.map(JSONValue.int))
    self.fields = fields
  }

  /// Objects become one field per leaf (`request.body.options.max_depth`); lists stay
  /// whole, as their order matters.
  static func flatten(_ value: JSONValue, prefix: String, into fields: inout [Field]) {
    if case .object(let object) = value, !object.isEmpty {
      for member in object.members {
        flatten(member.value, prefix: prefix + "." + member.key, into: &fields)
      }
    } else {
      fields.append(Field(name: prefix, value: value))
    }
  }

  /// Whole numbers as integers, so `5` and `5.0` compare and print alike.
  static func number(_ value: Double) -> JSONValue {
    value == value.rounded() && abs(value) < 1e15 ? .int(Int(value)) : .double(value)
  }
}
