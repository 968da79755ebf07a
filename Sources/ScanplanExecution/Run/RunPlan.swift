import ScanplanJSON
import ScanplanPlan
import ScanplanYAML

/// Valid plans made ready to run: environment references resolved, scans selected, and
/// providers grouped into request budgets.
public struct RunPlan: Sendable {
  /// A request budget: one per service, shared by every request to it.
  public struct Budget: Sendable {
    /// The provider's name, as output shows it.
    public let name: String
    /// Its type.
    public let type: ProviderType
    /// Requests per second for this run (a shard's share of the provider's budget).
    public let requestsPerSecond: Double
    /// Scans of this budget running at once, if limited.
    public let maxConcurrentScans: Int?
  }

  /// One scan to run.
  public struct Job: Sendable {
    /// Its position in the run, in plan order.
    public let index: Int
    /// `ASSET/NAME`.
    public let id: String
    /// The resolved scan.
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
    /// The asset's keys as sent, resolved.
    public let assetKeys: [(key: String, value: JSONValue)]
    /// How it is polled.
    public let poll: PollPolicy
    /// What a 409 on trigger means.
    public let onConflict: ConflictPolicy
    /// Scans with the same key run one after another (the scans of one S4E asset).
    public let sequenceKey: String?
  }

  /// The budgets, in order of first use.
  public let budgets: [Budget]
  /// The selected scans, in plan order.
  public let jobs: [Job]
  /// Every secret value of the run, for redaction.
  public let secrets: [String]
}

/// Which scans a run takes.
public struct RunSelection: Sendable {
  /// Scan ids given with `--only`; empty for all.
  public var only: [String] = []
  /// Tags given with `--tag`; empty for all.
  public var tags: [String] = []
  /// `--shard K/N`: this run takes the scans whose id hashes to K - 1 modulo N, and 1/N of
  /// every budget.
  public var shard: (index: Int, count: Int)?

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

  /// Creates an override.
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

extension RunPlan {
  /// Prepares valid plans for a run, reading environment variables from `environment`.
  public static func prepare(
    _ plans: [ResolvedPlan], environment: [String: String],
    selection: RunSelection = RunSelection(),
    sandbox: SandboxOverride? = nil
  ) -> Result<RunPlan, RunPlanError> {
    var seen: [String: String] = [:]
    var usage: [String] = []
    for plan in plans {
      for scan in plan.scans {
        if let other = seen[scan.id] {
          usage.append(
            "scan id `\(scan.id)` is in both \(other) and \(plan.file); run them separately")
        }
        seen[scan.id] = plan.file
      }
    }
    let allIDs = plans.flatMap(\.scans).map(\.id)
    for id in selection.only where seen[id] == nil {
      let suggestion =
        Suggestions.closest(to: id, among: allIDs).map { "; did you mean `\($0)`?" } ?? ""
      usage.append("--only `\(id)` names no scan of the plan\(suggestion)")
    }
    guard usage.isEmpty else { return .failure(RunPlanError(isUsage: true, problems: usage)) }

    var problems: [String] = []
    var missing: [String: [String]] = [:]
    var budgets: [Budget] = []
    var budgetIndex: [String: Int] = [:]
    var jobs: [Job] = []
    var secrets: Set<String> = []
    let divisor = Double(selection.shard?.count ?? 1)

    func resolve(_ template: String, _ what: String) -> String? {
      switch EnvironmentTemplate.parse(template) {
      case .failure(let error):
        problems.append("\(what): \(error.message)")
        return nil
      case .success(let parsed):
        switch parsed.resolve(environment) {
        case .success(let value): return value
        case .failure(let absent):
          for name in absent.names { missing[name, default: []].append(what) }
          return nil
        }
      }
    }

    for plan in plans {
      for provider in plan.providers {
        let needed = plan.scans.contains { $0.provider == provider.name }
        guard needed else { continue }
        let owner = "provider `\(provider.name)` of \(plan.file)"
        let token: String?
        let baseURL: String?
        if let sandbox {
          token = sandbox.tokens[provider.type]
          baseURL = sandbox.baseURL
        } else {
          token = resolve("${\(provider.tokenVariable)}", owner + " (token)")
          switch resolve(provider.baseURL, owner + " (base_url)").map(PlanValues.baseURL) {
          case .success(let url)?: baseURL = url
          case .failure(let error)?:
            problems.append("\(owner): `base_url` resolves to an unusable URL: \(error.message)")
            baseURL = nil
          case nil: baseURL = nil
          }
        }
        guard let token, let baseURL else { continue }
        secrets.insert(token)
        // Providers that reach the same service with the same token share one budget,
        // at the lowest rate any of them allows.
        let key = "\(provider.type.rawValue) \(baseURL) \(provider.tokenVariable)"
        if let index = budgetIndex[key] {
          let existing = budgets[index]
          budgets[index] = Budget(
            name: existing.name, type: existing.type,
            requestsPerSecond: min(
              existing.requestsPerSecond, provider.requestsPerSecond / divisor),
            maxConcurrentScans: [existing.maxConcurrentScans, provider.maxConcurrentScans]
              .compactMap { $0 }.min())
        } else {
          budgetIndex[key] = budgets.count
          budgets.append(
            Budget(
              name: provider.name, type: provider.type,
              requestsPerSecond: provider.requestsPerSecond / divisor,
              maxConcurrentScans: provider.maxConcurrentScans))
        }
        let budget = budgetIndex[key]!
        var poll = provider.poll
        if let sandbox {
          poll = PollPolicy(
            initialInterval: min(poll.initialInterval, sandbox.maxPollInterval),
            maxInterval: min(poll.maxInterval, sandbox.maxPollInterval),
            multiplier: poll.multiplier,
            timeout: poll.timeout)
        }
        for scan in plan.scans where scan.provider == provider.name && isSelected(scan, selection) {
          let what = "scan `\(scan.id)`"
          var keys: [(key: String, value: JSONValue)] = []
          var usable = true
          for (key, value) in scan.assetKeys {
            guard case .string(let text) = value, text.contains("${") else {
              keys.append((key, value))
              continue
            }
            guard let resolved = resolve(text, "\(what) (\(key))") else {
              usable = false
              continue
            }
            if !PlanValues.isUUID(resolved) {
              problems.append("\(what): `\(key)` resolves to something that is not a UUID")
              usable = false
            }
            keys.append((key, .string(resolved)))
          }
          var resolvedScan = scan
          if let profileID = scan.setting("profile_id")?.stringValue, profileID.contains("${") {
            if let value = resolve(profileID, "\(what) (profile_id)") {
              if !PlanValues.isUUID(value) {
                problems.append("\(what): `profile_id` resolves to something that is not a UUID")
                usable = false
              }
              resolvedScan = scan.replacingSetting(["profile_id"], with: .string(value))
            } else {
              usable = false
            }
          }
          guard usable else { continue }
          jobs.append(
            Job(
              index: jobs.count, id: scan.id, scan: resolvedScan,
              location: plan.location(of: scan),
              budget: budget, provider: provider.name, api: provider.type.api, baseURL: baseURL,
              token: token, assetKeys: keys, poll: poll, onConflict: provider.onConflict,
              sequenceKey: provider.type == .s4e
                ? "\(budget) "
                  + (keys.first { $0.key == "asset_id" }?.value.stringValue ?? scan.asset)
                : nil))
        }
      }
    }
    for (name, users) in missing.sorted(by: { $0.key < $1.key }) {
      problems.append(
        "environment variable \(name) is not set; \(users.joined(separator: ", ")) needs it")
    }
    guard problems.isEmpty else {
      return .failure(RunPlanError(isUsage: false, problems: problems))
    }
    if jobs.isEmpty {
      return .failure(RunPlanError(isUsage: true, problems: ["no scan matches the selection"]))
    }
    return .success(RunPlan(budgets: budgets, jobs: jobs, secrets: secrets.sorted()))
  }

  static func isSelected(_ scan: ResolvedScan, _ selection: RunSelection) -> Bool {
    if !selection.only.isEmpty, !selection.only.contains(scan.id) { return false }
    if !selection.tags.isEmpty, !scan.tags.contains(where: selection.tags.contains) { return false }
    if let shard = selection.shard, shardIndex(of: scan.id, count: shard.count) != shard.index - 1 {
      return false
    }
    return true
  }

  /// The shard a scan id belongs to: FNV-1a of its UTF-8 bytes, so every machine and
  /// every run splits a plan the same way.
  public static func shardIndex(of id: String, count: Int) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in id.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    return Int(hash % UInt64(max(1, count)))
  }
}
