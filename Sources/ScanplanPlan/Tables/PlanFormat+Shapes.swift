import ScanplanJSON
import ScanplanVendorKit

extension PlanFormat {
  static func pollShape(_ tables: [VendorTable]) -> ObjectShape {
    func defaultText(_ key: KeyPath<VendorTable.PollDefaults, Int>) -> String {
      tables.map {
        "\($0.type.rawValue): \(PlanDuration.format(seconds: $0.pollDefaults[keyPath: key]))"
      }
      .joined(separator: "; ")
    }
    return ObjectShape(
      title: "Poll settings", place: "a provider's `poll`",
      fields: [
        Field(
          "initial_interval", .duration, defaultText: defaultText(\.initialInterval),
          summary: "delay before the first poll"),
        Field(
          "max_interval", .duration, defaultText: defaultText(\.maxInterval),
          summary: "cap of the growing interval"),
        Field(
          "multiplier", .number(.atLeast(1)), default: .int(2),
          summary: "growth of the interval after each poll that finds the scan still running"),
        Field(
          "timeout", .duration,
          defaultText: tables.map {
            "\($0.type.rawValue): \($0.deadline.text { PlanDuration.format(seconds: $0) })"
          }.joined(separator: "; "),
          summary: "stop waiting after this long, counted from the trigger; the scan is reported "
            + "`timed_out`, not cancelled. Every scan has a deadline, so every run ends"),
      ])
  }

  static func providerShape(
    _ tables: [VendorTable], poll: ObjectShape, settings: ObjectShape
  ) -> ObjectShape {
    ObjectShape(
      title: "Provider", place: "a provider",
      fields: [
        Field(
          "type", .choice(tables.map(\.type.rawValue)), required: true,
          summary: "which API the provider speaks"),
        Field(
          "base_url", .url,
          defaultText: tables.map { "\($0.type.rawValue): `\($0.defaultBaseURL)`" }
            .joined(separator: "; "),
          environment: true,
          summary: "`https` only, except loopback hosts (127.0.0.0/8, `localhost`, `[::1]`)"
            + plainHTTPNote(tables) + "; without the API's own path ("
            + tables.map { "`\($0.apiPrefix)` on \($0.type.rawValue)" }.joined(separator: ", ")
            + "), which requests add"),
      ] + credentialFields(tables) + [
        Field(
          "ca_file", .path, environment: true,
          summary: "a PEM file of the certificate authorities trusted for this provider's "
            + "`https`, instead of the system's (an on-premises server's own CA); relative to the "
            + "plan"),
        Field(
          "requests_per_second", .number(.greaterThan(0)),
          defaultText: tables.map {
            "\($0.type.rawValue): `\(ValueKind.format($0.defaultRequestsPerSecond))`"
          }.joined(separator: "; "),
          summary: "client-side budget for every request to this provider, triggers and polls"),
        Field(
          "triggers_per_minute", .number(.greaterThan(0)),
          defaultText: tables.map {
            "\($0.type.rawValue): "
              + ($0.triggersPerMinute.map { "`\(ValueKind.format($0))`" } ?? "unlimited")
          }.joined(separator: "; "),
          summary: "scans this provider may be asked to create per minute, spaced evenly; "
            + "within `requests_per_second`"),
        Field(
          "max_concurrent_scans", .integer(minimum: 1),
          defaultText: tables.map {
            "\($0.type.rawValue): "
              + ($0.defaultMaxConcurrentScans.map { "`\($0)`" } ?? "unlimited")
          }.joined(separator: "; "),
          summary: "scans of this provider running at once"),
        Field("poll", .object(poll), summary: "how scans are polled"),
        Field(
          "on_conflict", .choice(["adopt", "wait", "fail"]), default: .string("adopt"),
          summary:
            "what to do when a trigger answers 409 because a scan of the asset is running"),
        Field(
          "read_findings", .boolean, default: true,
          summary: "read the findings of every scan that completes, within the budget, for "
            + "gates, baselines and reports; `false` keeps to the counts a poll reports"),
        Field(
          "defaults", .object(settings),
          summary: "scan settings for every scan of this provider, under profiles and scans"),
      ])
  }

  /// Each vendor's credential key once (`token`, ZAP's `api_key`), required on its
  /// vendor's providers.
  static func credentialFields(_ tables: [VendorTable]) -> [Field] {
    var keys: [String] = []
    for table in tables where !keys.contains(table.credentialKey) {
      keys.append(table.credentialKey)
    }
    return keys.map { key in
      let users = tables.filter { $0.credentialKey == key }
      return Field(
        key, .token, vendors: Set(users.map(\.type)), environment: true,
        summary: "an environment reference such as `${" + key.uppercased() + "}`, never the "
          + "credential itself (required on "
          + users.map(\.displayName).joined(separator: " and ") + " providers)")
    }
  }

  /// Which vendors take plain `http` anywhere, for `base_url`'s summary.
  static func plainHTTPNote(_ tables: [VendorTable]) -> String {
    let names = tables.filter(\.allowsPlainHTTP).map(\.type.rawValue)
    guard !names.isEmpty else { return "" }
    return " (" + names.joined(separator: ", ") + ": any host, with a warning)"
  }

  static func assetShape(_ tables: [VendorTable], scan: ObjectShape) -> ObjectShape {
    var fields = [
      Field("name", .name, required: true, summary: "the asset's name, unique in the plan"),
      Field("provider", .providerReference, required: true, summary: "the provider that scans it"),
    ]
    // A key two vendors declare is one key of the shape, required on both's assets.
    var vendorKeys: [String] = []
    var declared: [String: [(table: VendorTable, field: Field)]] = [:]
    for table in tables {
      for field in table.assetFields {
        if declared[field.key] == nil { vendorKeys.append(field.key) }
        declared[field.key, default: []].append((table, field))
      }
    }
    for key in vendorKeys {
      let all = declared[key]!
      let first = all[0].field
      precondition(
        all.allSatisfy { SettingsUnion.sameKind($0.field.kind, first.kind) },
        "vendors declare the asset key `\(key)` with different kinds")
      fields.append(
        Field(
          key, first.kind, vendors: Set(all.map(\.table.type)),
          environment: first.allowsEnvironment, wire: first.wire,
          summary: first.summary + " (required on "
            + all.map { "\($0.table.displayName)" }.joined(separator: " and ") + " assets)"))
    }
    fields += [
      Field("tags", .list(.name, minCount: 0), summary: "names for selecting subsets with `--tag`"),
      Field(
        "scans", .list(.object(scan), minCount: 1), required: true,
        summary: "the scans to run, at least one"),
    ]
    return ObjectShape(title: "Asset", place: "an asset", fields: fields)
  }

  static func planShape(
    provider: ObjectShape, profile: ObjectShape, asset: ObjectShape
  ) -> ObjectShape {
    ObjectShape(
      title: "Plan", place: "the top level of a plan",
      fields: [
        Field("version", .version, required: true, summary: "the plan format version: `1`"),
        Field(
          "providers", .map(.object(provider), minCount: 1), required: true,
          summary: "the scanning services the plan talks to"),
        Field(
          "profiles", .map(.object(profile), minCount: 0),
          summary: "named, reusable scan settings"),
        Field(
          "assets", .list(.object(asset), minCount: 1), required: true,
          summary: "what is scanned, at least one asset"),
      ],
      allowsExtensions: true)
  }
}
