import ScanplanJSON

/// Settings the runner itself honours, which a vendor's table lists when it supports
/// them: they mean the same on every vendor.
public enum CommonSettings {
  /// The severities a `fail_on` gate can name, most severe first.
  public static let severities = ["critical", "high", "medium", "low", "info"]

  /// `wait`: poll until the scan ends, or trigger it and move on.
  public static func wait(_ type: ProviderType) -> Field {
    Field(
      "wait", .boolean, default: true, vendors: [type],
      summary: "poll until the scan ends; `false` triggers it and moves on")
  }

  /// `fail_on`: for vendors that report findings by severity.
  public static func failOn(_ type: ProviderType) -> Field {
    Field(
      "fail_on",
      .object(
        ObjectShape(
          title: "Severity gate", place: "a scan's `fail_on`",
          fields: severities.map { severity in
            Field(
              severity, .integer(minimum: 1), vendors: [type],
              summary:
                "fail the run when a completed scan reports at least this many \(severity) findings"
            )
          })),
      vendors: [type],
      summary:
        "fail the run when a completed scan reports at least this many findings of a severity; "
        + "a gated severity the provider does not report fails the gate")
  }
}
