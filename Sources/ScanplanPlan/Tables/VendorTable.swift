import ScanplanJSON

/// Everything scanplan knows about one vendor's API that a plan can touch, as data.
///
/// Adding an option the vendor documents is one `Field` here; the validator, the JSON
/// Schema, the reference docs and the dry run all follow from it.
///
/// A class so that the per-asset and per-scan lookups share one table instead of
/// copying its arrays.
public final class VendorTable: Sendable {
  /// The provider type this table describes.
  public let type: ProviderType
  /// The vendor's name as people write it.
  public let displayName: String
  /// The indefinite article before the name as it is spoken ("an S4E setting").
  public let article: String
  /// The API's address when a provider sets no `base_url`.
  public let defaultBaseURL: String
  /// Poll settings when a provider sets none, from the vendor's polling advice.
  public let pollDefaults: PollDefaults
  /// Keys of an asset of this type; each is required on such an asset.
  public let assetFields: [Field]
  /// The scan settings this vendor accepts.
  public let settings: [Field]
  /// Settings of other vendors that this one cannot honour, with the reason.
  public let unsupported: [String: String]

  /// Poll settings in seconds.
  public struct PollDefaults: Sendable {
    /// Delay before the first poll.
    public let initialInterval: Int
    /// Cap of the growing interval.
    public let maxInterval: Int
    /// Growth of the interval after each non-terminal poll.
    public let multiplier: Double
  }

  /// Every vendor's table, in declaration order.
  public static let all: [VendorTable] = ProviderType.allCases.map(\.table)

  init(
    type: ProviderType, displayName: String, article: String, defaultBaseURL: String,
    pollDefaults: PollDefaults, assetFields: [Field], settings: [Field],
    unsupported: [String: String]
  ) {
    self.type = type
    self.displayName = displayName
    self.article = article
    self.defaultBaseURL = defaultBaseURL
    self.pollDefaults = pollDefaults
    self.assetFields = assetFields
    self.settings = settings
    self.unsupported = unsupported
  }
}

/// Settings every vendor shares.
enum CommonSettings {
  static let wait = Field(
    "wait", .boolean, default: true, vendors: Set(ProviderType.allCases),
    summary: "poll until the scan ends; `false` triggers it and moves on")

  static let failOn = Field(
    "fail_on",
    .object(
      ObjectShape(
        title: "Severity gate", place: "a scan's `fail_on`",
        fields: ["critical", "high", "medium", "low"].map { severity in
          Field(
            severity, .integer(minimum: 1), vendors: [.invicti],
            summary:
              "fail the run when a completed scan reports at least this many \(severity) findings")
        })),
    vendors: [.invicti],
    summary: "fail the run when a completed scan reports at least this many findings of a severity")
}

extension VendorTable {
  /// S4E, from its REST API document: the request body and the options table.
  public static let s4e = VendorTable(
    type: .s4e,
    displayName: "S4E",
    article: "an",
    defaultBaseURL: "https://api.s4e.io",
    // "Start with a 5-second interval and increase it gradually"; the example caps at 60.
    pollDefaults: PollDefaults(initialInterval: 5, maxInterval: 60, multiplier: 2),
    assetFields: [
      Field(
        "asset_id", .uuid, vendors: [.s4e], environment: true, wire: .always,
        summary: "the S4E asset to scan")
    ],
    settings: [
      Field(
        "scan_type", .choice(["full", "quick", "web_app", "network", "api", "ssl"]),
        vendors: [.s4e], requiredAfterMerge: true, wire: .asWritten, summary: "scan category"),
      Field(
        "options",
        .object(
          ObjectShape(
            title: "S4E options", place: "an S4E scan's `options`",
            fields: [
              Field(
                "follow_redirects", .boolean, default: true, vendors: [.s4e], wire: .asWritten,
                summary: "follow HTTP redirects"),
              Field(
                "max_depth", .integer(minimum: 1), default: 5, vendors: [.s4e],
                wire: .asWritten,
                unusedWhen: Field.Condition(
                  setting: "scan_type", values: ["network", "ssl"],
                  reason: "only web application scans crawl"),
                summary: "crawl depth; only web application scans use it"),
              Field(
                "timeout", .duration, default: 3600, vendors: [.s4e], wire: .seconds,
                summary: "the service's own scan timeout, sent as whole seconds"),
              Field(
                "enable_bruteforce", .boolean, default: false, vendors: [.s4e],
                wire: .asWritten, summary: "directory and parameter brute-forcing"),
            ])),
        vendors: [.s4e], wire: .asWritten, summary: "options sent with the scan"),
      CommonSettings.wait,
    ],
    unsupported: [
      "fail_on": "S4E reports no severity counts, so a `fail_on` gate could never be checked"
    ]
  )

  /// Invicti Platform, from its DAST API document: the launch request body.
  public static let invicti = VendorTable(
    type: .invicti,
    displayName: "Invicti",
    article: "an",
    defaultBaseURL: "https://platform.invicti.com",
    // "Check status every 5-10 minutes for active scans."
    pollDefaults: PollDefaults(initialInterval: 300, maxInterval: 600, multiplier: 2),
    assetFields: [
      Field(
        "target_id", .uuid, vendors: [.invicti], environment: true, wire: .always,
        summary: "the Invicti target to scan"),
      Field(
        "user_authorized_to_scan", .affirmation, vendors: [.invicti], wire: .always,
        summary: "the plan's explicit statement that scanning this target is authorized; "
          + "the request carries `\"yes\"`"),
    ],
    settings: [
      Field(
        "profile_id", .uuid, vendors: [.invicti], environment: true, requiredAfterMerge: true,
        wire: .asWritten, summary: "the Invicti scan profile"),
      Field(
        "schedule",
        .object(
          ObjectShape(
            title: "Invicti schedule", place: "an Invicti scan's `schedule`",
            fields: [
              Field(
                "disable", .boolean, default: false, vendors: [.invicti], wire: .always,
                summary: "sent as `schedule.disable`"),
              Field(
                "time_sensitive", .boolean, default: false, vendors: [.invicti], wire: .always,
                summary: "sent as `schedule.time_sensitive`"),
            ])),
        vendors: [.invicti], wire: .always, summary: "schedule flags sent with the scan"),
      CommonSettings.failOn,
      CommonSettings.wait,
    ],
    unsupported: [:]
  )
}
