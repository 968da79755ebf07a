import ScanplanJSON

/// Settings the runner itself honours, which a vendor's table lists when it supports
/// them: they mean the same on every vendor.
package enum CommonSettings {
  /// The severities a `fail_on` gate can name, most severe first.
  package static let severities = ["critical", "high", "medium", "low", "info"]

  /// `wait`: poll until the scan ends, or trigger it and move on.
  package static func wait(_ type: ProviderType) -> Field {
    Field(
      "wait", .boolean, default: true, vendors: [type],
      summary: "poll until the scan ends; `false` triggers it and moves on")
  }

  /// `fail_on`: for vendors that list findings or report them by severity.
  package static func failOn(_ type: ProviderType) -> Field {
    Field(
      "fail_on",
      .object(
        ObjectShape(
          title: "Severity gate", place: "a scan's `fail_on`",
          fields: severities.map { severity in
            Field(
              severity, .integer(minimum: 1), vendors: [type],
              summary:
                "fail the run when a completed scan has at least this many \(severity) findings "
                + "that are not suppressed"
            )
          })),
      vendors: [type],
      summary:
        "fail the run when a completed scan has at least this many findings of a severity that "
        + "are not suppressed (with `--baseline`, new ones), counted from the findings the "
        + "provider lists and, where it also reports counts, the larger of the two; a scan "
        + "whose findings cannot be read fails its gate")
  }
}
