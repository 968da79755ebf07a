import ScanplanJSON
package import ScanplanVendorKit

extension Invicti {
  /// The launch request body of Invicti's DAST API document.
  package static let table = VendorTable(
    type: type,
    displayName: "Invicti",
    article: "an",
    defaultBaseURL: "https://platform.invicti.com",
    apiPrefix: "/api/v1",
    // "Check status every 5-10 minutes for active scans."
    pollDefaults: .init(initialInterval: 300, maxInterval: 600, multiplier: 2),
    // "Some scans can take hours or days"; a scan left paused must not hold a run for ever.
    deadline: .fixed(seconds: 72 * 3600),
    credentialVariable: "INVICTI_API_TOKEN",
    assetFields: [
      Field(
        "target_id", .uuid, vendors: [type], environment: true, wire: .always,
        summary: "the Invicti target to scan"),
      Field(
        "user_authorized_to_scan", .affirmation, vendors: [type], wire: .always,
        summary: "the plan's explicit statement that scanning this target is authorized; "
          + "the request carries `\"yes\"`"),
    ],
    settings: [
      Field(
        "profile_id", .uuid, vendors: [type], environment: true, requiredAfterMerge: true,
        wire: .asWritten, strength: profileCoverage,
        valueNames: profileNames,
        summary: "the Invicti scan profile: a custom one's id, or a built-in one's: "
          + builtInProfiles.map { "\($0.name) `\($0.id)`" }.joined(separator: ", ")),
      Field(
        "schedule",
        .object(
          ObjectShape(
            title: "Invicti schedule", place: "an Invicti scan's `schedule`",
            fields: [
              Field(
                "disable", .boolean, default: false, vendors: [type], wire: .always,
                summary: "sent as `schedule.disable`"),
              Field(
                "time_sensitive", .boolean, default: false, vendors: [type], wire: .always,
                summary: "sent as `schedule.time_sensitive`"),
            ])),
        vendors: [type], wire: .always, summary: "schedule flags sent with the scan"),
      CommonSettings.failOn(type),
      CommonSettings.wait(type),
    ],
    starter: starter
  )
}
