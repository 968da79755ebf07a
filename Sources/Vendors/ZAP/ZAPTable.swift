import ScanplanJSON
package import ScanplanVendorKit

extension ZAP {
  /// A scan is a crawl (`spider`), or an attack (`active`) that crawls first unless told
  /// not to. The options are the parameters of `spiderActionScan` and `ascanActionScan`.
  package static let table = VendorTable(
    type: type,
    displayName: "ZAP",
    article: "a",
    // ZAP's daemon listens on 8080 unless told otherwise.
    defaultBaseURL: "http://localhost:8080",
    apiPrefix: "/JSON",
    // The guides poll every second or two; a crawl or an attack takes minutes.
    pollDefaults: .init(initialInterval: 2, maxInterval: 15, multiplier: 1.5),
    // ZAP has no per-scan timeout to read; a crawl and an attack of one site end within it.
    deadline: .fixed(seconds: 4 * 3600),
    credentialKey: "api_key",
    // A daemon in a CI service container is reached as `http://zap:8080`.
    allowsPlainHTTP: true,
    // The daemon is local: requests cost little, but it runs every scan itself.
    defaultRequestsPerSecond: 20,
    defaultMaxConcurrentScans: 2,
    assetFields: [
      Field(
        "url", .webURL, vendors: [type], environment: true, wire: .always,
        summary: "the address ZAP crawls and attacks, and whose alerts are its findings")
    ],
    settings: [
      Field(
        "scan_type", .choice(["spider", "active"]), default: "active", vendors: [type],
        wire: .always,
        // The attack is run after the crawl (or, told not to crawl, `crawl_first` weakens).
        strength: .covers(["spider": ["crawl"], "active": ["crawl", "attack"]]),
        summary: "`spider` crawls; `active` attacks, after a crawl unless `crawl_first` is false"),
      Field(
        "options",
        .object(
          ObjectShape(
            title: "ZAP options", place: "a ZAP scan's `options`",
            fields: spiderOptions + activeOptions)),
        vendors: [type], wire: .asWritten, summary: "parameters of the crawl and the attack"),
      CommonSettings.failOn(type),
      CommonSettings.wait(type),
    ],
    starter: starter
  )

  /// The crawl's parameters (`spiderActionScan`); an active scan's crawl takes them too.
  static let spiderOptions: [Field] = [
    Field(
      "max_children", .integer(minimum: 0), vendors: [type], wire: .asWritten,
      summary: "children of a node the crawl visits at most; 0 for no limit"),
    Field(
      "recurse", .boolean, default: true, vendors: [type], wire: .asWritten, strength: .enabled,
      summary: "crawl and attack below the URL, not the URL alone"),
    Field(
      "subtree_only", .boolean, default: false, vendors: [type], wire: .asWritten,
      strength: .disabled, summary: "keep the crawl under the URL's path"),
    Field(
      "context_name", .text, vendors: [type], wire: .asWritten,
      summary: "the ZAP context the crawl keeps to"),
  ]

  /// The attack's parameters (`ascanActionScan`), unused by a crawl alone.
  static let activeOptions: [Field] = [
    Field(
      "crawl_first", .boolean, default: true, vendors: [type], wire: .asWritten,
      unusedWhen: onlyActive, strength: .enabled,
      summary: "crawl the URL before the attack, so ZAP knows its pages"),
    Field(
      "in_scope_only", .boolean, default: false, vendors: [type], wire: .asWritten,
      unusedWhen: onlyActive, strength: .disabled, summary: "attack only what is in scope"),
    Field(
      "scan_policy_name", .text, vendors: [type], wire: .asWritten, unusedWhen: onlyActive,
      summary: "the scan policy the attack uses"),
    Field(
      "method", .choice(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]),
      vendors: [type], wire: .asWritten, unusedWhen: onlyActive,
      summary: "the HTTP method of the attacked request"),
    Field(
      "post_data", .text, vendors: [type], wire: .asWritten, unusedWhen: onlyActive,
      summary: "the body of the attacked request"),
    Field(
      "context_id", .integer(minimum: 1), vendors: [type], wire: .asWritten,
      unusedWhen: onlyActive, summary: "the ZAP context the attack keeps to"),
  ]

  private static let onlyActive = Field.Condition(
    setting: "scan_type", values: ["spider"], reason: "only an active scan attacks")
}
