import ScanplanJSON
import ScanplanVendorKit
import ScanplanYAML

/// A valid plan with every setting merged and every scan given its id: what `plan` prints
/// and `run` executes. Environment references are still unresolved.
public struct ResolvedPlan: Sendable {
  /// The file the plan came from.
  public let file: String
  /// The providers, in the order the plan defines them.
  public let providers: [ResolvedProvider]
  /// The scans, in plan order.
  public let scans: [ResolvedScan]

  /// Where a scan is defined, as `file:line:column`.
  public func location(of scan: ResolvedScan) -> String {
    "\(file):\(scan.range.start.line):\(scan.range.start.column)"
  }

  /// The provider with this name.
  public func provider(named name: String) -> ResolvedProvider? {
    providers.first { $0.name == name }
  }
}

/// What to do when a trigger answers 409 because a scan of the asset already runs.
public enum ConflictPolicy: String, Sendable {
  /// Poll the running scan as this one.
  case adopt
  /// Poll the running scan until it ends, then trigger this one.
  case wait
  /// Fail this scan, naming the running one.
  case fail
}

/// How one provider's scans are polled, in whole seconds.
public struct PollPolicy: Equatable, Sendable {
  /// Delay before the first poll; at least 1.
  public let initialInterval: Int
  /// Cap of the growing interval; at least 1.
  public let maxInterval: Int
  /// Growth after each non-terminal poll; at least 1.
  public let multiplier: Double
  /// When to stop waiting, if ever.
  public let timeout: Int?

  /// Creates a policy; intervals below one second are raised to one second, the floor
  /// of every provider's polls.
  public init(initialInterval: Int, maxInterval: Int, multiplier: Double, timeout: Int?) {
    self.initialInterval = max(1, initialInterval)
    self.maxInterval = max(1, maxInterval)
    self.multiplier = max(1, multiplier)
    self.timeout = timeout
  }
}

/// A provider with defaults applied.
public struct ResolvedProvider: Sendable {
  /// Its name in the plan.
  public let name: String
  /// The vendor whose API it speaks.
  public let vendor: Vendor
  /// Which API it speaks.
  public var type: ProviderType { vendor.type }
  /// The base URL without a trailing slash; may hold environment references.
  public let baseURL: String
  /// The environment variable holding the token.
  public let tokenVariable: String
  /// The `ca_file` as written, relative to the plan; may hold environment references.
  public let caFile: String?
  /// The request budget.
  public let requestsPerSecond: Double
  /// Triggers per minute, spaced evenly; nil for no limit but the request budget.
  public let triggersPerMinute: Double?
  /// Scans running at once, if limited.
  public let maxConcurrentScans: Int?
  /// How scans are polled.
  public let poll: PollPolicy
  /// What a 409 on trigger means.
  public let onConflict: ConflictPolicy
  /// Whether the findings of its completed scans are read (`read_findings`).
  public let readsFindings: Bool
  /// Where the provider is defined (its name).
  public let range: SourceRange

  /// The token as the plan writes it, `${NAME}`: what a run resolves, and what `plan`
  /// and `diff` show in its place.
  public var tokenReference: String { "${\(tokenVariable)}" }

  /// The trigger request for one of its scans as written: references unresolved, the
  /// token as `${NAME}`. Nothing in it is secret.
  public func writtenTriggerRequest(for scan: ResolvedScan) -> HTTPRequest {
    vendor.api.triggerRequest(scan.triggerInput, baseURL: baseURL, token: tokenReference)
  }

  /// Where a scan's deadline comes from, in words: `poll.timeout`, or the vendor's rule.
  public var deadlineSource: String {
    poll.timeout != nil
      ? "`poll.timeout`"
      : "\(vendor.table.displayName)'s default deadline, "
        + vendor.table.deadline.text { PlanDuration.format(seconds: $0) }
        + "; set `poll.timeout` to wait longer"
  }

  /// The vendor's name for a setting's value, when its table names it (Invicti's
  /// built-in profiles, whose ids say nothing to a reader).
  public func valueName(of setting: ScanSetting) -> String? {
    Field.valueKey(setting.value).flatMap {
      VendorFit.ownLeaf(setting.path, in: vendor.table)?.valueNames[$0]
    }
  }

  /// The request that readies a scan's target before its trigger, as written, as
  /// `writtenTriggerRequest`; nil when the trigger needs none.
  public func writtenPreparation(for scan: ResolvedScan) -> Preparation? {
    vendor.api.preparation(scan.triggerInput, baseURL: baseURL, token: tokenReference)
  }

  /// The requests of a scan's later stages as written, as `writtenTriggerRequest`.
  public func writtenLaterStages(for scan: ResolvedScan) -> [HTTPRequest] {
    vendor.api.laterStages(scan.triggerInput, baseURL: baseURL, token: tokenReference)
  }
}

/// The layer of a plan a merged setting was written in.
public enum SettingOrigin: Sendable, Equatable {
  /// The provider's `defaults`.
  case defaults
  /// A profile: the one the scan names, or one it extends.
  case profile(String)
  /// The scan itself.
  case scan
}

/// One setting of a scan after merging, with the place its value came from.
public struct ScanSetting: Sendable {
  /// The leaf of `PlanFormat.settingLeaves`; the key path and the table entry follow
  /// from it, so a setting costs no copies of either.
  let leaf: SettingLeaf
  /// The value as sent (durations already in seconds).
  public let value: JSONValue
  /// Where the value was written.
  public let range: SourceRange
  /// Which layer wrote it: the provider's defaults, a profile, or the scan.
  public let origin: SettingOrigin

  /// The slot of the leaf.
  var slot: Int { leaf.slot }
  /// The key path, such as `["options", "max_depth"]`.
  public var path: [String] { leaf.path }
  /// The union's entry of the leaf key; its vendor's own is in the vendor's table.
  public var field: Field { leaf.field }
}

/// One scan, ready to run.
public struct ResolvedScan: Sendable {
  /// `ASSET/NAME`, stable across runs.
  public let id: String
  /// The asset's name.
  public let asset: String
  /// The provider's name.
  public let provider: String
  /// The provider's vendor.
  public let vendor: Vendor
  /// The provider's type.
  public var providerType: ProviderType { vendor.type }
  /// The asset's keys sent with every scan (`asset_id`, or `target_id` and
  /// `user_authorized_to_scan`), with their values as sent.
  public let assetKeys: [AssetKey]
  /// The asset's tags.
  public let tags: [String]
  /// Merged settings, in table order.
  public let settings: [ScanSetting]
  /// Whether to poll until the scan ends.
  public let wait: Bool
  /// Severity thresholds: the run fails when a completed scan reports at least this many.
  public let failOn: [GateThreshold]
  /// Where the scan is defined.
  public let range: SourceRange

  /// The merged value at a key path, if set.
  public func setting(_ path: String...) -> JSONValue? {
    setting(path: path)
  }

  /// The merged value at a key path, if set.
  public func setting(path: [String]) -> JSONValue? {
    settings.first { $0.path == path }?.value
  }

  /// The trigger's body fields from the merged settings, as the vendor's table sends
  /// them, and the asset's keys.
  public var triggerInput: TriggerInput {
    TriggerInput(
      assetKeys: assetKeys, settings: vendor.table.settingsBody { setting(path: $0) })
  }

  /// Seconds the runner waits for the scan to end after triggering it: `timeout` (a
  /// provider's `poll.timeout`), or else the vendor's default deadline.
  public func deadline(timeout: Int?) -> Int {
    timeout ?? vendor.table.deadline.seconds { setting(path: $0) }
  }

}
