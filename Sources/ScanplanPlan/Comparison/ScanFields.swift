import ScanplanJSON
import ScanplanSupport
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
  /// The vendor's table field of each setting the scan sends, by request field name: its
  /// weak direction (`Field.strength`), its default (what an unset value means) and its
  /// values' names (`Field.valueNames`).
  let settingFields: [String: ScanplanVendorKit.Field]
  /// The fields of settings this scan's vendor ignores (`Field.unusedWhen`): a change to
  /// one does nothing, so it weakens nothing.
  let unusedSettings: Set<String>

  init(_ scan: ResolvedScan, provider: ResolvedProvider) {
    var fields: [Field] = []
    func add(_ name: String, _ value: JSONValue?) {
      if let value { fields.append(Field(name: name, value: value)) }
    }
    add("provider", .string(provider.name))
    add("type", .string(provider.type.rawValue))
    let trigger = provider.writtenTriggerRequest(for: scan)
    Self.request(trigger, prefix: "request", into: &fields)
    // A setting that ranks (`Field.strength`) is compared where the request carries it:
    // in the body; for a vendor that sends no body (ZAP, whose scan type is the URL's
    // component) as written, as `setting.PATH`. `Weakening` reads an unset one as its
    // default.
    var settingFields: [String: ScanplanVendorKit.Field] = [:]
    var unusedSettings: Set<String> = []
    for (path, field) in provider.vendor.table.rankedLeaves {
      let unused = field.unusedWhen.map { $0.holds(for: scan.setting(path: [$0.setting])) } ?? false
      let name: String
      if trigger.body != nil {
        name = "request.body." + path.joined(separator: ".")
      } else {
        name = "setting." + path.joined(separator: ".")
        // An unused setting is no part of what the scan does.
        if !unused { add(name, scan.setting(path: path)) }
      }
      settingFields[name] = field
      if unused { unusedSettings.insert(name) }
    }
    add("request.token", .string(provider.tokenReference))
    // A later stage (ZAP's attack after its crawl) is part of what the scan does.
    for (index, stage) in provider.writtenLaterStages(for: scan).enumerated() {
      Self.request(stage, prefix: "stage\(index + 2)", into: &fields)
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
    for setting in scan.settings {
      let name = "request.body." + setting.path.joined(separator: ".")
      guard settingFields[name] == nil,
        let field = VendorFit.ownLeaf(setting.path, in: provider.vendor.table)
      else { continue }
      settingFields[name] = field
    }
    self.settingFields = settingFields
    self.unusedSettings = unusedSettings
  }

  /// Every field as one text: two scans with the same identity do the same thing.
  var identity: String {
    fields.map { $0.name + "=" + JSONWriter.compact($0.value) }.joined(separator: "\n")
  }

  /// A request's method, its URL without the query, each query parameter, and each
  /// body leaf: a changed option reads as itself, not as a whole new URL.
  static func request(_ request: HTTPRequest, prefix: String, into fields: inout [Field]) {
    fields.append(Field(name: prefix + ".method", value: .string(request.method)))
    let parts = request.url.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    fields.append(Field(name: prefix + ".url", value: .string(String(parts[0]))))
    if parts.count == 2 {
      for pair in parts[1].split(separator: "&") {
        let nameValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        fields.append(
          Field(
            name: prefix + ".query." + PercentEncoding.decode(nameValue[0]),
            value: .string(nameValue.count == 2 ? PercentEncoding.decode(nameValue[1]) : "")))
      }
    }
    if let body = request.body, let json = try? JSONParser().parse(body) {
      flatten(json, prefix: prefix + ".body", into: &fields)
    }
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
