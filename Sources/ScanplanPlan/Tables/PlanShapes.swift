import ScanplanJSON
import ScanplanVendorKit
import ScanplanVendors

/// The shape of a version-1 plan, built from the vendor tables.
public enum PlanShapes {
  /// Names of providers, profiles, assets, scans and tags.
  public static let namePattern = "^[A-Za-z0-9][A-Za-z0-9._-]*$"

  /// Scan settings: every vendor's settings side by side. Which of them an asset may use
  /// depends on its provider's type, checked once the type is known.
  public static let scanSettings: ObjectShape = {
    var fields: [Field] = []
    var seen: Set<String> = []
    for table in Vendors.tables {
      for field in table.settings where seen.insert(field.key).inserted {
        // Shared keys carry every vendor that declares them.
        let vendors = Vendors.tables.filter { $0.settings.contains { $0.key == field.key } }
        fields.append(
          Field(
            field.key, field.kind, default: field.defaultValue, vendors: Set(vendors.map(\.type)),
            environment: field.allowsEnvironment, requiredAfterMerge: field.isRequiredAfterMerge,
            wire: field.wire, unusedWhen: field.unusedWhen, summary: field.summary))
      }
    }
    // Each vendor's own keys first, then the keys they share.
    let shared = fields.filter { $0.vendors.count > 1 }
    return ObjectShape(
      title: "Scan settings", place: "scan settings (a scan, a profile or a provider's `defaults`)",
      fields: fields.filter { $0.vendors.count == 1 } + shared)
  }()

  /// Every leaf scan setting, in table order: `scan_type`, `options.max_depth`, ... Each
  /// has a slot, its index here, so merging and lookups work on numbers, not key paths.
  public static let settingLeaves: [SettingLeaf] = {
    var leaves: [SettingLeaf] = []
    for field in scanSettings.fields {
      if case .object(let nested) = field.kind {
        leaves += nested.fields.map { SettingLeaf(path: [field.key, $0.key], field: $0) }
      } else {
        leaves.append(SettingLeaf(path: [field.key], field: field))
      }
    }
    return leaves
  }()

  /// One leaf scan setting: its key path and its table entry.
  public struct SettingLeaf: Sendable {
    /// `["options", "max_depth"]`.
    public let path: [String]
    /// The table entry.
    public let field: Field
  }

  /// The slot of a leaf setting's path.
  static func slot(_ path: String...) -> Int {
    settingLeaves.firstIndex { $0.path == path }!
  }

  /// How scans are polled.
  public static let poll = ObjectShape(
    title: "Poll settings", place: "a provider's `poll`",
    fields: [
      Field(
        "initial_interval", .duration, defaultText: pollDefaultText(\.initialInterval),
        summary: "delay before the first poll"),
      Field(
        "max_interval", .duration, defaultText: pollDefaultText(\.maxInterval),
        summary: "cap of the growing interval"),
      Field(
        "multiplier", .number(.atLeast(1)), default: .int(2),
        summary: "growth of the interval after each poll that finds the scan still running"),
      Field(
        "timeout", .duration,
        defaultText: Vendors.tables.map {
          "\($0.type.rawValue): \($0.deadline.text { PlanDuration.format(seconds: $0) })"
        }.joined(separator: "; "),
        summary: "stop waiting after this long, counted from the trigger; the scan is reported "
          + "`timed_out`, not cancelled. Every scan has a deadline, so every run ends"),
    ])

  /// A scanning service and how to talk to it.
  public static let provider = ObjectShape(
    title: "Provider", place: "a provider",
    fields: [
      Field(
        "type", .choice(Vendors.types.map(\.rawValue)), required: true,
        summary: "which API the provider speaks"),
      Field(
        "base_url", .url,
        defaultText: Vendors.tables.map { "\($0.type.rawValue): `\($0.defaultBaseURL)`" }
          .joined(separator: "; "),
        environment: true,
        summary: "`https` only, except loopback hosts (127.0.0.0/8, `localhost`, `[::1]`); "
          + "without the API's own path ("
          + Vendors.tables.map { "`\($0.apiPrefix)` on \($0.type.rawValue)" }.joined(
            separator: ", ")
          + "), which requests add"),
      Field(
        "token", .token, required: true, environment: true,
        summary: "an environment reference such as `${S4E_API_TOKEN}`; never the token itself"),
      Field(
        "ca_file", .path, environment: true,
        summary: "a PEM file of the certificate authorities trusted for this provider's "
          + "`https`, instead of the system's (an on-premises server's own CA); relative to the plan"
      ),
      Field(
        "requests_per_second", .number(.greaterThan(0)), default: .int(1),
        summary: "client-side budget for every request to this provider, triggers and polls"),
      Field(
        "triggers_per_minute", .number(.greaterThan(0)),
        defaultText: Vendors.tables.map {
          "\($0.type.rawValue): "
            + ($0.triggersPerMinute.map { "`\(ValueKind.format($0))`" } ?? "unlimited")
        }.joined(separator: "; "),
        summary: "scans this provider may be asked to create per minute, spaced evenly; "
          + "within `requests_per_second`"),
      Field(
        "max_concurrent_scans", .integer(minimum: 1),
        summary: "scans of this provider running at once; unlimited when unset"),
      Field("poll", .object(poll), summary: "how scans are polled"),
      Field(
        "on_conflict", .choice(["adopt", "wait", "fail"]), default: .string("adopt"),
        summary: "what to do when a trigger answers 409 because a scan of the asset is running"),
      Field(
        "read_findings", .boolean, default: true,
        summary: "read the findings of every scan that completes, within the budget, for "
          + "gates, baselines and reports; `false` keeps to the counts a poll reports"),
      Field(
        "defaults", .object(scanSettings),
        summary: "scan settings for every scan of this provider, under profiles and scans"),
    ])

  /// Named, reusable scan settings.
  public static let profile = scanSettings.adding(
    [Field("extends", .profileReference, summary: "a profile whose settings this one builds on")],
    title: "Profile", place: "a profile")

  /// One scan of an asset.
  public static let scan = scanSettings.adding(
    [
      Field("name", .name, summary: "the scan's name; its id is `ASSET/NAME`"),
      Field("profile", .profileReference, summary: "a profile whose settings the scan uses"),
    ],
    title: "Scan", place: "a scan")

  /// What is scanned, and how.
  public static let asset: ObjectShape = {
    var fields = [
      Field("name", .name, required: true, summary: "the asset's name, unique in the plan"),
      Field("provider", .providerReference, required: true, summary: "the provider that scans it"),
    ]
    for table in Vendors.tables {
      fields += table.assetFields.map { field in
        Field(
          field.key, field.kind, vendors: field.vendors, environment: field.allowsEnvironment,
          wire: field.wire, summary: field.summary + " (required on \(table.displayName) assets)")
      }
    }
    fields += [
      Field("tags", .list(.name, minCount: 0), summary: "names for selecting subsets with `--tag`"),
      Field(
        "scans", .list(.object(scan), minCount: 1), required: true,
        summary: "the scans to run, at least one"),
    ]
    return ObjectShape(title: "Asset", place: "an asset", fields: fields)
  }()

  /// The whole file.
  public static let plan = ObjectShape(
    title: "Plan", place: "the top level of a plan",
    fields: [
      Field("version", .version, required: true, summary: "the plan format version: `1`"),
      Field(
        "providers", .map(.object(provider), minCount: 1), required: true,
        summary: "the scanning services the plan talks to"),
      Field(
        "profiles", .map(.object(profile), minCount: 0), summary: "named, reusable scan settings"),
      Field(
        "assets", .list(.object(asset), minCount: 1), required: true,
        summary: "what is scanned, at least one asset"),
    ],
    allowsExtensions: true)

  /// The keys whose values may hold environment references, in the order the format
  /// lists them, for messages.
  public static let environmentKeys: [String] = {
    var keys: [String] = []
    for shape in [provider, asset, scanSettings] {
      for field in shape.fields where field.allowsEnvironment && !keys.contains(field.key) {
        keys.append(field.key)
      }
    }
    return keys
  }()

  /// Every mapping of the format, for hints about keys written in the wrong place.
  public static var all: [ObjectShape] {
    var shapes = [plan, provider, poll, profile, asset, scan]
    for field in scanSettings.fields {
      if case .object(let nested) = field.kind { shapes.append(nested) }
    }
    return shapes
  }

  private static func pollDefaultText(_ key: KeyPath<VendorTable.PollDefaults, Int>) -> String {
    Vendors.tables.map {
      "\($0.type.rawValue): \(PlanDuration.format(seconds: $0.pollDefaults[keyPath: key]))"
    }
    .joined(separator: "; ")
  }
}
