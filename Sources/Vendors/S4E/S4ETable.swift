import ScanplanJSON
package import ScanplanVendorKit

extension S4E {
  /// The request body and the options table of S4E's document.
  package static let table = VendorTable(
    type: type,
    displayName: "S4E",
    article: "an",
    defaultBaseURL: "https://api.s4e.io",
    apiPrefix: "/api",
    // "Start with a 5-second interval and increase it gradually"; the example caps at 60.
    pollDefaults: .init(initialInterval: 5, maxInterval: 60, multiplier: 2),
    // The service ends a scan at its own `options.timeout`; the margin covers the queue.
    deadline: .setting(path: ["options", "timeout"], defaultSeconds: 3600, marginSeconds: 1800),
    // The API reference: `POST /api/scan/create` is limited to 10 a minute.
    triggersPerMinute: 10,
    // "409 Conflict: a scan is already running for this asset."
    oneScanAtATimePer: "asset_id",
    pollFloorNote: "S4E documents polling no more than once per second",
    credentialVariable: "S4E_API_TOKEN",
    assetFields: [
      Field(
        "asset_id", .uuid, vendors: [type], environment: true, wire: .always,
        summary: "the S4E asset to scan")
    ],
    settings: [
      Field(
        "scan_type", .choice(["full", "quick", "web_app", "network", "api", "ssl"]),
        vendors: [type], requiredAfterMerge: true, wire: .asWritten, strength: scanTypeCoverage,
        summary: "scan category"),
      Field(
        "options",
        .object(
          ObjectShape(
            title: "S4E options", place: "an S4E scan's `options`",
            fields: [
              Field(
                "follow_redirects", .boolean, default: true, vendors: [type], wire: .asWritten,
                summary: "follow HTTP redirects"),
              Field(
                "max_depth", .integer(minimum: 1), default: 5, vendors: [type],
                wire: .asWritten,
                unusedWhen: Field.Condition(
                  setting: "scan_type", values: ["network", "ssl"],
                  reason: "only web application scans crawl"),
                strength: .higher,
                summary: "crawl depth; only web application scans use it"),
              Field(
                "timeout", .duration, default: 3600, vendors: [type], wire: .seconds,
                strength: .higher,
                summary: "the service's own scan timeout, sent as whole seconds"),
              Field(
                "enable_bruteforce", .boolean, default: false, vendors: [type],
                wire: .asWritten, strength: .enabled,
                summary: "directory and parameter brute-forcing"),
            ])),
        vendors: [type], wire: .asWritten, summary: "options sent with the scan"),
      CommonSettings.failOn(type),
      CommonSettings.wait(type),
    ],
    starter: starter
  )

  /// What each scan type checks, for `diff`'s security review: `full` runs every other
  /// type's checks; `quick` is the lightest, and every type runs at least its checks; the
  /// four targeted types cover different ground, so a move between them drops coverage.
  static let scanTypeCoverage: Field.Strength = {
    let targeted = ["web_app", "network", "api", "ssl"]
    var checks = Dictionary(uniqueKeysWithValues: targeted.map { ($0, Set(["quick", $0])) })
    checks["quick"] = ["quick"]
    checks["full"] = Set(targeted + ["quick"])
    return .covers(checks)
  }()
}
