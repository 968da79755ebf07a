import ScanplanJSON
import ScanplanPlan
import ScanplanVendorKit

/// Valid plans made ready to run: environment references resolved, `ca_file`s read,
/// scans selected, and providers grouped into request budgets. `prepare` builds it.
public struct RunPlan: Sendable {
  /// A request budget: one per service, shared by every request to it.
  public struct Budget: Sendable {
    /// The provider's name, as output shows it.
    public let name: String
    /// Its type.
    public let type: ProviderType
    /// Requests per second for this run (a shard's share of the provider's budget).
    public let requestsPerSecond: Double
    /// Triggers per minute for this run, spaced evenly; nil for no limit but the budget.
    public let triggersPerMinute: Double?
    /// Scans of this budget running at once, if limited.
    public let maxConcurrentScans: Int?
    /// Seconds between two triggers, from `triggersPerMinute`; nil for no limit. The
    /// scheduler spaces triggers by it where it dispatches them, the pacer where they leave.
    public var triggerSpacing: Double? { triggersPerMinute.map { 60 / $0 } }

    /// Creates a budget.
    public init(
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
  public struct Job: Sendable {
    /// Its position in the run, in plan order.
    public let index: Int
    /// `ASSET/NAME`.
    public let id: String
    /// The resolved scan, its `${NAME}` settings resolved.
    public let scan: ResolvedScan
    /// `file:line:column` of the scan in its plan.
    public let location: String
    /// The budget its requests count against.
    public let budget: Int
    /// The provider's name in the plan.
    public let provider: String
    /// The API spoken.
    public let api: any ProviderAPI
    /// The provider's base URL, resolved.
    public let baseURL: String
    /// The token, resolved. Never printed.
    public let token: String
    /// The certificate authorities trusted for the provider, from its `ca_file`.
    public let trust: TrustedCA?
    /// How it is polled.
    public let poll: PollPolicy
    /// Seconds after the trigger when waiting for the scan ends (`timed_out`).
    public let deadline: Int
    /// Where the deadline comes from, for the reason of a scan that reaches it.
    public let deadlineSource: String
    /// What a 409 on trigger means.
    public let onConflict: ConflictPolicy
    /// Scans with the same key run one after another (the scans of one S4E asset).
    public let sequenceKey: String?
    /// What a state file's entry for this scan must have been written for.
    public let fingerprint: RequestFingerprint
    /// Whether its findings are read when it completes (`read_findings`).
    public let readsFindings: Bool
    /// How messages name the credential: its key and the variable that holds it.
    public var credentialName = "token"
    /// The request that readies the target before the first trigger, resolved, when the
    /// vendor asks for one (`ProviderAPI.preparation`); worked out once, here.
    public var preparation: Preparation?

    /// The asset's keys as sent, resolved.
    public var assetKeys: [AssetKey] { scan.assetKeys }

    /// What its trigger is built from.
    public var triggerInput: TriggerInput { scan.triggerInput }
  }

  /// The budgets, in order of first use.
  public let budgets: [Budget]
  /// The selected scans, in plan order.
  public let jobs: [Job]
  /// Every secret value of the run, for redaction.
  public let secrets: [String]
  /// Every value the plan read from an environment reference (tokens, asset ids, URLs),
  /// redacted from logs (`run -v`), which may show any of them; reports keep the ids.
  public var environmentValues: [String] = []
}

/// Which scans a run takes.
public struct RunSelection: Sendable {
  /// Scan ids given with `--only`; empty for all.
  public var only: [String] = []
  /// Tags given with `--tag`; empty for all.
  public var tags: [String] = []
  /// `--shard K/N`: this run takes the scans whose id hashes to K - 1 modulo N, and 1/N of
  /// every budget.
  public var shard: Shard?

  /// One of N shards of a run.
  public struct Shard: Sendable, Equatable {
    /// K, from 1.
    public let index: Int
    /// N.
    public let count: Int

    /// Shard `index` of `count`, `1 <= index <= count`.
    public init(index: Int, count: Int) {
      self.index = index
      self.count = count
    }
  }

  /// Selects every scan.
  public init() {}
}

/// Overrides for `run --sandbox`: every provider points at the emulator with its tokens.
public struct SandboxOverride: Sendable {
  /// The emulator's base URL.
  public let baseURL: String
  /// The token for each provider type.
  public let tokens: [ProviderType: String]
  /// The longest poll interval, so a sandbox run finishes in seconds.
  public let maxPollInterval: Int

  /// Creates an override. The sandbox's emulator enforces no published trigger limit,
  /// so none is kept: a sandbox run is for trying a plan in seconds.
  public init(baseURL: String, tokens: [ProviderType: String], maxPollInterval: Int) {
    self.baseURL = baseURL
    self.tokens = tokens
    self.maxPollInterval = maxPollInterval
  }
}

/// Why plans cannot be run as asked. Nothing has been sent.
public struct RunPlanError: Error, Sendable, CustomStringConvertible {
  /// Whether the command line was wrong (exit 64) rather than the plan or its environment (2).
  public let isUsage: Bool
  /// Each problem, one line.
  public let problems: [String]
  /// The problems, one per line.
  public var description: String { problems.joined(separator: "\n") }
}
