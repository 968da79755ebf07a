import OrderedCollections
import ScanplanJSON
package import ScanplanPlan
import ScanplanVendorKit

extension RunPlan {
  /// Prepares valid plans for a run, reading environment variables from `environment`.
  /// Every problem is gathered, and nothing is sent when there is one. A selection that
  /// names nothing is wrong usage (`SelectionCheck`); a shard that holds none of the
  /// selected scans gives a plan without jobs.
  package static func prepare(
    _ plans: [ResolvedPlan], environment: [String: String],
    selection: RunSelection = RunSelection(),
    sandbox: SandboxOverride? = nil
  ) -> Result<RunPlan, RunPlanError> {
    let check = SelectionCheck(selection, plans: plans)
    guard check.problems.isEmpty else {
      return .failure(RunPlanError(isUsage: true, problems: check.problems))
    }
    var preparation = RunPreparation(
      environment: environment, selection: selection, sandbox: sandbox)
    for plan in plans {
      for provider in plan.providers
      where plan.scans.contains(where: { $0.provider == provider.name }) {
        preparation.add(provider, of: plan)
      }
    }
    return preparation.finish()
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
  package static func shardIndex(of id: String, count: Int) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in id.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    return Int(hash % UInt64(max(1, count)))
  }
}

/// What `RunPlan.prepare` gathers while it reads the plans' providers and scans.
struct RunPreparation {
  let selection: RunSelection
  let sandbox: SandboxOverride?
  var problems: [String] = []
  var resolver: EnvironmentResolver
  var budgets: [RunPlan.Budget] = []
  var budgetIndex: [String: Int] = [:]
  var jobs: [RunPlan.Job] = []
  var secrets: Set<String> = []
  /// `ca_file`s read, by path, so several providers share one read.
  var authorities: [String: TrustedCA] = [:]

  init(environment: [String: String], selection: RunSelection, sandbox: SandboxOverride?) {
    resolver = EnvironmentResolver(environment: environment)
    self.selection = selection
    self.sandbox = sandbox
  }

  /// A shard takes `1/N` of every budget.
  var divisor: Double { Double(selection.shard?.count ?? 1) }

  /// A provider's connection (token, base URL, trust), its budget, and its selected scans.
  mutating func add(_ provider: ResolvedProvider, of plan: ResolvedPlan) {
    let owner = "provider `\(provider.name)` of \(plan.file)"
    let token: String?
    let baseURL: String?
    var trust: TrustedCA?
    var trustUsable = true
    if let sandbox {
      token = sandbox.tokens[provider.type]
      baseURL = sandbox.baseURL
    } else {
      token = resolver.resolve(provider.tokenReference, for: owner + " (token)")
      baseURL = resolveBaseURL(provider, owner: owner)
      if let written = provider.caFile {
        let path = resolver.resolve(written, for: owner + " (ca_file)")
        trust = path.flatMap { loadCA(CAFile.path($0, planFile: plan.file), owner: owner) }
        if trust == nil { trustUsable = false }
      }
    }
    // Every selected scan's values are read even when the connection is unusable, so
    // that one attempt names every variable a run lacks.
    let scans = plan.scans.filter {
      $0.provider == provider.name && RunPlan.isSelected($0, selection)
    }.compactMap { resolved($0) }
    guard let token, let baseURL, trustUsable else { return }
    secrets.insert(token)
    let budget = budget(for: provider, baseURL: baseURL)
    var poll = provider.poll
    if let sandbox {
      poll = PollPolicy(
        initialInterval: min(poll.initialInterval, sandbox.maxPollInterval),
        maxInterval: min(poll.maxInterval, sandbox.maxPollInterval),
        multiplier: poll.multiplier, timeout: poll.timeout)
    }
    for scan in scans {
      add(
        scan, of: plan, provider: provider,
        connection: (budget, baseURL, token, trust), poll: poll)
    }
  }

  private mutating func resolveBaseURL(_ provider: ResolvedProvider, owner: String) -> String? {
    let plainHTTP = provider.vendor.table.allowsPlainHTTP
    switch resolver.resolve(provider.baseURL, for: owner + " (base_url)").map({
      PlanValues.baseURL($0, allowingPlainHTTP: plainHTTP)
    }) {
    case .success(let url)?:
      if let fixed = PlanValues.withoutAPIPrefix(url, provider.vendor.table) {
        problems.append(
          "\(owner): `base_url` resolves to \(url), which ends with `\(provider.vendor.table.apiPrefix)`; "
            + "requests add it themselves, so set it to \(fixed)")
        return nil
      }
      return url
    case .failure(let error)?:
      problems.append("\(owner): `base_url` resolves to an unusable URL: \(error.message)")
      return nil
    case nil:
      return nil
    }
  }

  private mutating func loadCA(_ path: String, owner: String) -> TrustedCA? {
    if let known = authorities[path] { return known }
    switch CAFile.load(path) {
    case .success(let authority):
      authorities[path] = authority
      return authority
    case .failure(let error):
      problems.append("\(owner): \(error.message)")
      return nil
    }
  }

  /// Providers that reach the same service with the same token share one budget, at the
  /// lowest rates any of them allows.
  private mutating func budget(for provider: ResolvedProvider, baseURL: String) -> BudgetID {
    let key = "\(provider.type.rawValue) \(baseURL) \(provider.tokenVariable)"
    // The sandbox's emulator publishes no trigger limit.
    let triggers = sandbox == nil ? provider.triggersPerMinute.map { $0 / divisor } : nil
    guard let index = budgetIndex[key] else {
      budgetIndex[key] = budgets.count
      budgets.append(
        RunPlan.Budget(
          name: provider.name, type: provider.type,
          requestsPerSecond: provider.requestsPerSecond / divisor, triggersPerMinute: triggers,
          maxConcurrentScans: provider.maxConcurrentScans))
      return BudgetID(budgets.count - 1)
    }
    let existing = budgets[index]
    budgets[index] = RunPlan.Budget(
      name: existing.name, type: existing.type,
      requestsPerSecond: min(existing.requestsPerSecond, provider.requestsPerSecond / divisor),
      triggersPerMinute: [existing.triggersPerMinute, triggers].compactMap { $0 }.min(),
      maxConcurrentScans: [existing.maxConcurrentScans, provider.maxConcurrentScans]
        .compactMap { $0 }.min())
    return BudgetID(index)
  }

  /// A scan with its `${NAME}` values (`ResolvedScan.templates`) resolved and checked, or
  /// nil after noting why not.
  private mutating func resolved(_ scan: ResolvedScan) -> ResolvedScan? {
    let what = "scan `\(scan.id)`"
    var values: [ScanTemplate.Place: String] = [:]
    var usable = true
    for value in scan.templates {
      guard let resolved = resolver.resolve(value.template, for: "\(what) (\(value.key))")
      else {
        usable = false
        continue
      }
      if let problem = value.problem(with: resolved) {
        problems.append("\(what): `\(value.key)` resolves to \(problem)")
        usable = false
      }
      values[value.place] = resolved
    }
    return usable ? scan.resolving(values) : nil
  }

  /// One resolved scan as a job.
  private mutating func add(
    _ scan: ResolvedScan, of plan: ResolvedPlan, provider: ResolvedProvider,
    connection: (budget: BudgetID, baseURL: String, token: String, trust: TrustedCA?),
    poll: PollPolicy
  ) {
    let table = provider.vendor.table
    let input = scan.triggerInput
    let sequenceKey = table.oneScanAtATimePer.map { key in
      "\(connection.budget) "
        + (scan.assetKeys.first { $0.key == key }?.value.stringValue ?? scan.asset)
    }
    var job =
      RunPlan.Job(
        index: JobID(jobs.count), id: scan.id, scan: scan, location: plan.location(of: scan),
        budget: connection.budget, provider: provider.name, api: provider.vendor.api,
        baseURL: connection.baseURL, token: connection.token, trust: connection.trust,
        poll: poll, deadline: scan.deadline(timeout: poll.timeout),
        deadlineSource: provider.deadlineSource,
        onConflict: provider.onConflict, sequenceKey: sequenceKey,
        fingerprint: RequestFingerprint(
          type: provider.type, api: provider.vendor.api, input: input,
          baseURL: sandbox == nil ? connection.baseURL : RequestFingerprint.sandboxBaseURL),
        readsFindings: provider.readsFindings)
    job.credentialName = "`\(table.credentialKey)` (`\(provider.tokenReference)`)"
    let api = provider.vendor.api
    job.preparation = api.preparation(input, baseURL: connection.baseURL, token: connection.token)
    // Each capability is looked up once, here, not at every request.
    if let lister = api as? any ListsScans,
      lister.lookupRequest(input, cursor: nil, baseURL: connection.baseURL, token: "") != nil
    {
      job.lister = lister
    }
    if provider.readsFindings { job.findingsLister = api as? any ListsFindings }
    job.stages = api as? any RunsInStages
    jobs.append(job)
  }

  /// The plan, or every problem found.
  func finish() -> Result<RunPlan, RunPlanError> {
    // Templates were read when the plan was validated: these are unexpected, but said.
    var problems = problems + resolver.problems
    for (name, users) in resolver.missing.sorted(by: { $0.key < $1.key }) {
      problems.append(
        "environment variable \(name) is not set; \(users.joined(separator: ", ")) needs it")
    }
    guard problems.isEmpty else {
      return .failure(RunPlanError(isUsage: false, problems: problems))
    }
    var plan = RunPlan(budgets: RunTable(budgets), jobs: RunTable(jobs), secrets: secrets.sorted())
    plan.environmentValues = resolver.uses.keys.compactMap { resolver.environment[$0] }
      .filter { !$0.isEmpty }.sorted()
    return .success(plan)
  }
}
