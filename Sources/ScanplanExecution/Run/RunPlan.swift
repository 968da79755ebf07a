import ScanplanJSON
package import ScanplanPlan
package import ScanplanVendorKit

/// Valid plans made ready to run: environment references resolved, `ca_file`s read,
/// scans selected, and providers grouped into request budgets. `prepare` builds it.
package struct RunPlan: Sendable {
  /// A request budget: one per service, shared by every request to it.
  package struct Budget: Sendable {
    /// The provider's name, as output shows it.
    package let name: String
    package let type: ProviderType
    /// Requests per second for this run (a shard's share of the provider's budget).
    package let requestsPerSecond: Double
    /// Triggers per minute for this run, spaced evenly; nil for no limit but the budget.
    package let triggersPerMinute: Double?
    /// Scans of this budget running at once, if limited.
    package let maxConcurrentScans: Int?
    /// Seconds between two triggers, from `triggersPerMinute`; nil for no limit. The
    /// scheduler spaces triggers by it where it dispatches them, the pacer where they leave.
    package var triggerSpacing: Double? { triggersPerMinute.map { 60 / $0 } }

    package init(
      name: String, type: ProviderType, requestsPerSecond: Double, triggersPerMinute: Double? = nil,
      maxConcurrentScans: Int? = nil
    ) {
      self.name = name
      self.type = type
      self.requestsPerSecond = requestsPerSecond
      self.triggersPerMinute = triggersPerMinute
      self.maxConcurrentScans = maxConcurrentScans
    }
  }

  /// One scan to run.
  package struct Job: Sendable {
    /// Its position in the run, in plan order.
    package let index: JobID
    /// `ASSET/NAME`.
    package let id: String
    /// The resolved scan, its `${NAME}` settings resolved.
    package let scan: ResolvedScan
    /// `file:line:column` of the scan in its plan.
    package let location: String
    /// The budget its requests count against.
    package let budget: BudgetID
    /// The provider's name in the plan.
    package let provider: String
    package let api: any ProviderAPI
    /// The provider's base URL, resolved.
    package let baseURL: String
    /// The token, resolved. Never printed.
    package let token: String
    /// The certificate authorities trusted for the provider, from its `ca_file`.
    package let trust: TrustedCA?
    /// How it is polled.
    package let poll: PollPolicy
    /// Seconds after the trigger when waiting for the scan ends (`timed_out`).
    package let deadline: Int
    /// Where the deadline comes from, for the reason of a scan that reaches it.
    package let deadlineSource: String
    /// What a 409 on trigger means.
    package let onConflict: ConflictPolicy
    /// Scans with the same key run one after another (the scans of one S4E asset).
    package let sequenceKey: String?
    /// What a state file's entry for this scan must have been written for.
    package let fingerprint: RequestFingerprint
    /// Whether its findings are read when it completes (`read_findings`).
    package let readsFindings: Bool
    /// How messages name the credential: its key and the variable that holds it.
    package var credentialName = "token"
    /// The request that readies the target before the first trigger, resolved, when the
    /// vendor asks for one (`ProviderAPI.preparation`); worked out once, here.
    package var preparation: Preparation?
    /// The vendor's listing of an asset's scans, when it has one and this trigger names
    /// what to list by: lost triggers are then looked for, and a census taken.
    package var lister: (any ListsScans)?
    /// The vendor's findings, when it lists them and the provider reads them.
    package var findingsLister: (any ListsFindings)?
    /// The vendor's later stages, when its scans have any.
    package var stages: (any RunsInStages)?

    /// The asset's keys as sent, resolved.
    package var assetKeys: [AssetKey] { scan.assetKeys }

    /// What its trigger is built from.
    package var triggerInput: TriggerInput { scan.triggerInput }
  }

  /// The budgets, in order of first use.
  package let budgets: RunTable<BudgetID, Budget>
  /// The selected scans, in plan order.
  package let jobs: RunTable<JobID, Job>
  /// Every secret value of the run, for redaction.
  package let secrets: [String]
  /// Every value the plan read from an environment reference (tokens, asset ids, URLs),
  /// redacted from logs (`run -v`), which may show any of them; reports keep the ids.
  package var environmentValues: [String] = []
}

/// Which scans a run takes.
package struct RunSelection: Sendable {
  /// Scan ids given with `--only`; empty for all.
  package var only: [String] = []
  /// Tags given with `--tag`; empty for all.
  package var tags: [String] = []
  /// `--shard K/N`: this run takes the scans whose id hashes to K - 1 modulo N, and 1/N of
  /// every budget.
  package var shard: Shard?

  /// One of N shards of a run.
  package struct Shard: Sendable, Equatable {
    /// K, from 1.
    package let index: Int
    package let count: Int

    /// Shard `index` of `count`, `1 <= index <= count`.
    package init(index: Int, count: Int) {
      self.index = index
      self.count = count
    }
  }

  /// Selects every scan.
  package init() {}
}

/// Overrides for `run --sandbox`: every provider points at the emulator with its tokens.
package struct SandboxOverride: Sendable {
  /// The emulator's base URL.
  package let baseURL: String
  /// The token for each provider type.
  package let tokens: [ProviderType: String]
  /// The longest poll interval, so a sandbox run finishes in seconds.
  package let maxPollInterval: Int

  /// Creates an override. The sandbox's emulator enforces no published trigger limit,
  /// so none is kept: a sandbox run is for trying a plan in seconds.
  package init(baseURL: String, tokens: [ProviderType: String], maxPollInterval: Int) {
    self.baseURL = baseURL
    self.tokens = tokens
    self.maxPollInterval = maxPollInterval
  }
}

/// Why plans cannot be run as asked. Nothing has been sent.
package struct RunPlanError: Error, Sendable, CustomStringConvertible {
  /// Whether the command line was wrong (exit 64) rather than the plan or its environment (2).
  package let isUsage: Bool
  /// Each problem, one line.
  package let problems: [String]
  /// The problems, one per line.
  package var description: String { problems.joined(separator: "\n") }
}
