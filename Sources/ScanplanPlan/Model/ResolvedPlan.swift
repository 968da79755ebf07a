package import ScanplanJSON
package import ScanplanVendorKit
package import ScanplanYAML

/// A valid plan with every setting merged and every scan given its id: what `plan` prints
/// and `run` executes. Environment references are still unresolved.
package struct ResolvedPlan: Sendable {
  /// The file the plan came from.
  package let file: String
  /// The providers, in the order the plan defines them.
  package let providers: [ResolvedProvider]
  /// The scans, in plan order.
  package let scans: [ResolvedScan]

  /// Where a scan is defined, as `file:line:column`.
  package func location(of scan: ResolvedScan) -> String {
    "\(file):\(scan.range.start.line):\(scan.range.start.column)"
  }

  /// The provider with this name.
  package func provider(named name: String) -> ResolvedProvider? {
    providers.first { $0.name == name }
  }
}

/// What to do when a trigger answers 409 because a scan of the asset already runs.
package enum ConflictPolicy: String, Sendable {
  /// Poll the running scan as this one.
  case adopt
  /// Poll the running scan until it ends, then trigger this one.
  case wait
  /// Fail this scan, naming the running one.
  case fail
}

/// How one provider's scans are polled, in whole seconds.
package struct PollPolicy: Equatable, Sendable {
  /// Delay before the first poll; at least 1.
  package let initialInterval: Int
  /// Cap of the growing interval; at least 1.
  package let maxInterval: Int
  /// Growth after each non-terminal poll; at least 1.
  package let multiplier: Double
  /// When to stop waiting, if ever.
  package let timeout: Int?

  /// Creates a policy; intervals below one second are raised to one second, the floor
  /// of every provider's polls.
  package init(initialInterval: Int, maxInterval: Int, multiplier: Double, timeout: Int?) {
    self.initialInterval = max(1, initialInterval)
    self.maxInterval = max(1, maxInterval)
    self.multiplier = max(1, multiplier)
    self.timeout = timeout
  }
}

/// A provider with defaults applied.
package struct ResolvedProvider: Sendable {
  /// Its name in the plan.
  package let name: String
  /// The vendor whose API it speaks.
  package let vendor: Vendor
  /// Which API it speaks.
  package var type: ProviderType { vendor.type }
  /// The base URL without a trailing slash; may hold environment references.
  package let baseURL: String
  /// The environment variable holding the token.
  package let tokenVariable: String
  /// The `ca_file` as written, relative to the plan; may hold environment references.
  package let caFile: String?
  package let requestsPerSecond: Double
  /// Triggers per minute, spaced evenly; nil for no limit but the request budget.
  package let triggersPerMinute: Double?
  /// Scans running at once, if limited.
  package let maxConcurrentScans: Int?
  /// How scans are polled.
  package let poll: PollPolicy
  /// What a 409 on trigger means.
  package let onConflict: ConflictPolicy
  /// Whether the findings of its completed scans are read (`read_findings`).
  package let readsFindings: Bool
  /// Where the provider is defined (its name).
  package let range: SourceRange

  /// The token as the plan writes it, `${NAME}`: what a run resolves, and what `plan`
  /// and `diff` show in its place.
  package var tokenReference: String { "${\(tokenVariable)}" }

  /// The trigger request for one of its scans as written: references unresolved, the
  /// token as `${NAME}`. Nothing in it is secret.
  package func writtenTriggerRequest(for scan: ResolvedScan) -> HTTPRequest {
    vendor.api.triggerRequest(scan.triggerInput, baseURL: baseURL, token: tokenReference)
  }

  /// Where a scan's deadline comes from, in words: `poll.timeout`, or the vendor's rule.
  package var deadlineSource: String {
    poll.timeout != nil
      ? "`poll.timeout`"
      : "\(vendor.table.displayName)'s default deadline, "
        + vendor.table.deadline.text { PlanDuration.format(seconds: $0) }
        + "; set `poll.timeout` to wait longer"
  }

  /// The vendor's name for a setting's value, when its table names it (Invicti's
  /// built-in profiles, whose ids say nothing to a reader).
  package func valueName(of setting: ScanSetting) -> String? {
    Field.valueKey(setting.value).flatMap {
      VendorFit.ownLeaf(setting.path, in: vendor.table)?.valueNames[$0]
    }
  }

  /// The request that readies a scan's target before its trigger, as written, as
  /// `writtenTriggerRequest`; nil when the trigger needs none.
  package func writtenPreparation(for scan: ResolvedScan) -> Preparation? {
    vendor.api.preparation(scan.triggerInput, baseURL: baseURL, token: tokenReference)
  }

  /// The requests of a scan's later stages as written, as `writtenTriggerRequest`.
  package func writtenLaterStages(for scan: ResolvedScan) -> [HTTPRequest] {
    (vendor.api as? any RunsInStages)?.laterStages(
      scan.triggerInput, baseURL: baseURL, token: tokenReference) ?? []
  }
}

/// The layer of a plan a merged setting was written in.
package enum SettingOrigin: Sendable, Equatable {
  /// The provider's `defaults`.
  case defaults
  /// A profile: the one the scan names, or one it extends.
  case profile(String)
  /// The scan itself.
  case scan
}

/// One setting of a scan after merging, with the place its value came from.
package struct ScanSetting: Sendable {
  /// The leaf of `PlanFormat.settingLeaves`; the key path and the table entry follow
  /// from it, so a setting costs no copies of either.
  let leaf: SettingLeaf
  /// The value as sent (durations already in seconds).
  package let value: JSONValue
  /// Where the value was written.
  package let range: SourceRange
  /// Which layer wrote it: the provider's defaults, a profile, or the scan.
  package let origin: SettingOrigin

  /// The slot of the leaf.
  var slot: Int { leaf.slot }
  /// The key path, such as `["options", "max_depth"]`.
  package var path: [String] { leaf.path }
  /// The union's entry of the leaf key; its vendor's own is in the vendor's table.
  package var field: Field { leaf.field }
}

/// One scan, ready to run.
package struct ResolvedScan: Sendable {
  /// `ASSET/NAME`, stable across runs.
  package let id: String
  package let asset: String
  package let provider: String
  package let vendor: Vendor
  package var providerType: ProviderType { vendor.type }
  /// The asset's keys sent with every scan (`asset_id`, or `target_id` and
  /// `user_authorized_to_scan`), with their values as sent.
  package let assetKeys: [AssetKey]
  package let tags: [String]
  /// Merged settings, in table order.
  package let settings: [ScanSetting]
  /// Whether to poll until the scan ends.
  package let wait: Bool
  /// Severity thresholds: the run fails when a completed scan reports at least this many.
  package let failOn: [GateThreshold]
  /// Where the scan is defined.
  package let range: SourceRange

  /// The merged value at a key path, if set.
  package func setting(_ path: String...) -> JSONValue? {
    setting(path: path)
  }

  /// The merged value at a key path, if set.
  package func setting(path: [String]) -> JSONValue? {
    settings.first { $0.path == path }?.value
  }

  /// The trigger's body fields from the merged settings, as the vendor's table sends
  /// them, and the asset's keys.
  package var triggerInput: TriggerInput {
    TriggerInput(
      assetKeys: assetKeys, settings: vendor.table.settingsBody { setting(path: $0) })
  }

  /// Seconds the runner waits for the scan to end after triggering it: `timeout` (a
  /// provider's `poll.timeout`), or else the vendor's default deadline.
  package func deadline(timeout: Int?) -> Int {
    timeout ?? vendor.table.deadline.seconds { setting(path: $0) }
  }

}
