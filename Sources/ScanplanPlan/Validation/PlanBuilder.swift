import ScanplanJSON
import ScanplanVendorKit
import ScanplanVendors
import ScanplanYAML

/// Turns a loaded document into a `ResolvedPlan`, checking every rule of plan format
/// version 1 on the way: references, `extends` cycles, duplicate names, vendor fit,
/// required settings after merging, and the warnings the format names.
struct PlanBuilder {
  private(set) var reader: NodeReader
  /// The document checked: while it loads, a snapshot of what has loaded (see
  /// `beginAssets`).
  private var document: YAMLDocument

  /// Classes, not structs: every asset refers to its provider and every scan to its
  /// profiles, and a reference is one retain where a copy would be many.
  private final class ProviderDecl: Sendable {
    let name: String
    let range: SourceRange
    let type: ProviderType?
    let defaults: SettingsLayer
    let resolved: ResolvedProvider?

    init(
      name: String, range: SourceRange, type: ProviderType?, defaults: SettingsLayer,
      resolved: ResolvedProvider?
    ) {
      self.name = name
      self.range = range
      self.type = type
      self.defaults = defaults
      self.resolved = resolved
    }
  }

  private final class ProfileDecl: Sendable {
    let name: String
    let range: SourceRange
    let extends: (name: String, range: SourceRange)?
    let layer: SettingsLayer
    /// Set when the profile has keys of both types; its uses are then not checked again.
    let isMixed: Bool

    init(
      name: String, range: SourceRange, extends: (name: String, range: SourceRange)?,
      layer: SettingsLayer, isMixed: Bool
    ) {
      self.isMixed = isMixed
      self.name = name
      self.range = range
      self.extends = extends
      self.layer = layer
    }
  }

  /// A profile's chain, base first, and whether every link of it could be followed.
  private struct Chain {
    let profiles: [ProfileDecl]
    let isComplete: Bool
  }

  private var providers: [String: ProviderDecl] = [:]
  private var providerOrder: [String] = []
  private var profiles: [String: ProfileDecl] = [:]
  private var profileOrder: [String] = []
  private var usedProfiles: Set<String> = []
  /// Profiles in an `extends` cycle; their chains are not followed.
  private var cyclic: Set<String> = []
  private var scans: [ResolvedScan] = []
  private var chains: [String: Chain] = [:]
  private var merger = SettingsMerger()
  /// Asset names so far, to find repeats.
  private var assetNames = TextIndex(capacity: 0)
  /// Assets read so far.
  private var assetsRead = 0
  /// Set while checking as the file loads.
  private var streamed: Streamed?
  private static let scanTypeSlot = PlanShapes.slot("scan_type")
  private static let waitSlot = PlanShapes.slot("wait")

  /// Per provider type, one bit per top-level settings key it accepts.
  private static let acceptedMasks: [ProviderType: UInt64] = Dictionary(
    uniqueKeysWithValues: Vendors.types.map { type in
      var mask: UInt64 = 0
      for (position, field) in PlanShapes.scanSettings.fields.enumerated()
      where field.accepts(type) {
        mask |= 1 << position
      }
      return (type, mask)
    })

  private static func acceptedKeys(_ type: ProviderType) -> UInt64 { acceptedMasks[type]! }
  private static let failOnSlots: ClosedRange<Int> = {
    let slots = PlanShapes.settingLeaves.indices.filter {
      PlanShapes.settingLeaves[$0].path.first == "fail_on"
    }
    return slots.first!...slots.last!
  }()
  /// Settings a vendor ignores under a condition: their slot, and the slot of the
  /// setting the condition reads. Checked by slot, as merged settings are.
  private static let conditionalSettings: [(slot: Int, on: Int, condition: Field.Condition)] =
    PlanShapes.settingLeaves.indices.compactMap { slot in
      guard let condition = PlanShapes.settingLeaves[slot].field.unusedWhen else { return nil }
      return (slot, PlanShapes.slot(condition.setting), condition)
    }

  /// The vendors whose scans may have a `fail_on` gate, for help texts.
  private static let gatingVendors = Vendors.tables.filter { table in
    table.settings.contains { $0.key == "fail_on" }
  }.map(\.displayName).joined(separator: ", ")

  /// Whether scans are resolved; when not, every check still runs.
  private let resolving: Bool

  init(document: YAMLDocument, file: String, resolving: Bool = true) {
    self.document = document
    self.resolving = resolving
    reader = NodeReader(document: document, file: file)
  }

  /// Checks the whole document; the plan comes back even when there are errors, with
  /// what could be resolved.
  mutating func build() -> ResolvedPlan {
    guard let top = readRoot() else {
      return ResolvedPlan(file: reader.file, providers: [], scans: [])
    }
    if let entry = top["providers"] { readProviders(entry) }
    if let entry = top["profiles"] { readProfiles(entry) }
    if let entry = top["assets"] { readAssets(entry) }
    return finish()
  }

  /// Checks the root mapping's own keys; nil when nothing more is to be checked.
  private mutating func readRoot() -> NodeReader.Fields? {
    let root = document.root
    let rootNode = document[root]
    guard rootNode.kind == .mapping else {
      if rootNode.kind == .scalar, rootNode.scalar == .null {
        reader.report(
          .rootNotMapping, "the file is empty", at: .fileStart,
          help: [
            "a plan is a mapping with `version`, `providers` and `assets`; see `scanplan init`"
          ])
      } else {
        reader.report(
          .rootNotMapping,
          "the top level of a plan must be a mapping, found \(reader.describe(root))",
          at: rootNode.range, help: ["a plan is a mapping with `version`, `providers` and `assets`"]
        )
      }
      return nil
    }
    let top = reader.object(
      root, shape: PlanShapes.plan, key: "plan", subject: "the plan", owner: reader.headRange(root))!
    if let entry = top["version"], reader.value(entry) == nil,
      case .int = document[document.resolve(entry.value)].scalar
    {
      // A version this scanplan does not read: its other rules would only add noise.
      return nil
    }
    return top
  }

  // MARK: Checking while the file loads

  /// Starts checking assets while the file is still loading, in `snapshot`: reads
  /// `providers` and `profiles` from the root pairs written before `assets`.
  mutating func beginAssets(
    key: YAMLNodeID, pairs: [(key: YAMLNodeID, value: YAMLNodeID)], in snapshot: YAMLDocument
  ) {
    document = snapshot
    reader.document = snapshot
    streamed = Streamed(assets: key)
    var providers: NodeReader.Entry?
    var profiles: NodeReader.Entry?
    for pair in pairs {
      guard let index = PlanShapes.plan.position(ofKey: snapshot.resolve(pair.key), in: snapshot)
      else { continue }
      let field = PlanShapes.plan.fields[index]
      // The first of repeated keys, as the loader keeps.
      if field.key == "providers", providers == nil {
        providers = NodeReader.Entry(field: field, pair: pair, in: snapshot)
      }
      if field.key == "profiles", profiles == nil {
        profiles = NodeReader.Entry(field: field, pair: pair, in: snapshot)
      }
    }
    streamed?.providers = providers?.key
    streamed?.profiles = profiles?.key
    assetNames = TextIndex(capacity: 1024)
    if let providers { readProviders(providers) }
    if let profiles { readProfiles(profiles) }
  }

  /// Checks the next asset while the file is still loading, in `snapshot`, which is not
  /// kept.
  mutating func checkAsset(_ item: YAMLNodeID, in snapshot: YAMLDocument) {
    let kept = document
    document = snapshot
    reader.document = snapshot
    readAsset(item)
    document = kept
    reader.document = kept
  }

  /// Finishes a check begun while the file loaded, on the whole document. Nil when what
  /// was read while loading is not what the whole file says (`providers` or `profiles`
  /// written after `assets` or merged in, an unsupported version): then the file is to
  /// be checked from the start with `build()`.
  mutating func finishAssets(_ whole: YAMLDocument) -> ResolvedPlan? {
    guard let streamed else { return nil }
    document = whole
    reader.document = whole
    guard let top = readRoot(), top["providers"]?.key == streamed.providers,
      top["profiles"]?.key == streamed.profiles, let assets = top["assets"],
      assets.key == streamed.assets, let items = reader.list(assets, minCount: 1),
      items.count == assetsRead
    else { return nil }
    return finish()
  }

  /// The root keys read while the file loaded.
  private struct Streamed {
    let assets: YAMLNodeID
    var providers: YAMLNodeID?
    var profiles: YAMLNodeID?
  }

  /// The checks that need every asset read, and the plan.
  private mutating func finish() -> ResolvedPlan {
    for name in profileOrder where !usedProfiles.contains(name) {
      reader.report(
        .unusedProfile, "profile `\(name)` is not used by any scan or profile",
        at: profiles[name]!.range, help: ["remove it, or use it with `profile: \(name)`"])
    }
    return ResolvedPlan(
      file: reader.file, providers: providerOrder.compactMap { providers[$0]?.resolved },
      scans: scans)
  }

  // MARK: Providers

  private mutating func readProviders(_ entry: NodeReader.Entry) {
    guard let named = reader.namedEntries(entry, minCount: 1) else { return }
    for (name, key, value) in named {
      let range = document[key].range
      let subject = "provider `\(name)`"
      guard
        let fields = reader.object(
          value, shape: PlanShapes.provider, key: name, subject: subject, owner: range,
          nullIsEmpty: true)
      else {
        providers[name] = ProviderDecl(
          name: name, range: range, type: nil, defaults: .init(), resolved: nil)
        providerOrder.append(name)
        continue
      }
      let type = fields["type"].flatMap { reader.value($0)?.stringValue }.flatMap(
        Vendors.type(named:))
      let baseURL = fields["base_url"].map { reader.value($0)?.stringValue }
      if let type, let entry = fields["base_url"], let url = baseURL ?? nil {
        checkAPIPrefix(url, type: type, at: entry.valueRange)
      }
      let token = fields["token"].flatMap { reader.value($0)?.stringValue }
      let caFile = fields["ca_file"].map { reader.value($0)?.stringValue }
      let rate = fields["requests_per_second"].map { reader.value($0)?.doubleValue }
      let triggers = fields["triggers_per_minute"].map { reader.value($0)?.doubleValue }
      let maxConcurrent = fields["max_concurrent_scans"].map { reader.value($0)?.intValue }
      let onConflict = fields["on_conflict"].map { reader.value($0)?.stringValue }
      let poll = fields["poll"].map { readPoll($0, type: type) }
      var defaults = SettingsLayer()
      if let entry = fields["defaults"],
        let settings = reader.object(
          entry.value, shape: PlanShapes.scanSettings, key: "defaults",
          subject: "the defaults of \(subject)", owner: entry.keyRange, nullIsEmpty: true)
      {
        defaults = readSettings(settings)
        if let type { checkFit(defaults, type: type, owner: "provider `\(name)`") }
      }
      var resolved: ResolvedProvider?
      // Every read that failed was reported; resolve only a provider read cleanly.
      if let type, let token, baseURL != .some(nil), rate != .some(nil),
        maxConcurrent != .some(nil), onConflict != .some(nil), poll != .some(nil),
        caFile != .some(nil), triggers != .some(nil)
      {
        resolved = ResolvedProvider(
          name: name, type: type, baseURL: (baseURL ?? nil) ?? type.table.defaultBaseURL,
          tokenVariable: token, caFile: caFile ?? nil, requestsPerSecond: (rate ?? nil) ?? 1,
          triggersPerMinute: (triggers ?? nil) ?? type.table.triggersPerMinute,
          maxConcurrentScans: maxConcurrent ?? nil, poll: (poll ?? nil) ?? defaultPoll(type),
          onConflict: ConflictPolicy(rawValue: (onConflict ?? nil) ?? "adopt") ?? .adopt,
          range: range)
      }
      providers[name] = ProviderDecl(
        name: name, range: range, type: type, defaults: defaults, resolved: resolved)
      providerOrder.append(name)
    }
  }

  /// A base URL copied from the vendor's docs ends with the API's path, which every
  /// request adds: the requests would go to `/api/v1/api/v1/scans` and fail.
  private mutating func checkAPIPrefix(_ url: String, type: ProviderType, at range: SourceRange) {
    guard !url.contains("${"), let fixed = PlanValues.withoutAPIPrefix(url, type.table) else {
      return
    }
    reader.report(
      .apiPrefixInBaseURL,
      "`base_url` ends with `\(type.table.apiPrefix)`, which scanplan adds to every \(type.table.displayName) request",
      at: range, help: ["write `base_url: \(fixed)`"])
  }

  private func defaultPoll(_ type: ProviderType) -> PollPolicy {
    let defaults = type.table.pollDefaults
    return PollPolicy(
      initialInterval: defaults.initialInterval, maxInterval: defaults.maxInterval,
      multiplier: defaults.multiplier, timeout: nil)
  }

  private mutating func readPoll(_ entry: NodeReader.Entry, type: ProviderType?) -> PollPolicy? {
    guard
      let fields = reader.object(
        entry.value, shape: PlanShapes.poll, key: "poll", subject: "`poll`", owner: entry.keyRange,
        nullIsEmpty: true)
    else { return nil }
    var valid = true
    func read(_ key: String) -> (value: JSONValue, entry: NodeReader.Entry)? {
      guard let entry = fields[key] else { return nil }
      guard let value = reader.value(entry) else {
        valid = false
        return nil
      }
      return (value, entry)
    }
    let initial = read("initial_interval")
    let maximum = read("max_interval")
    let multiplier = read("multiplier")
    let timeout = read("timeout")
    for interval in [initial, maximum].compactMap({ $0 }) where interval.value.intValue == 0 {
      reader.report(
        .pollIntervalClamped,
        "`\(interval.entry.field.key)` of 0s is below the 1 second floor; it is raised to 1s",
        at: interval.entry.valueRange, help: ["S4E documents polling no more than once per second"])
    }
    if let initial, let maximum, let low = initial.value.intValue,
      let high = maximum.value.intValue,
      low > high
    {
      reader.report(
        .pollIntervalOrder,
        "`initial_interval` (\(PlanDuration.format(seconds: low))) is above `max_interval` (\(PlanDuration.format(seconds: high))); polls wait \(PlanDuration.format(seconds: high))",
        at: initial.entry.valueRange,
        notes: [.init("`max_interval` is set here", at: maximum.entry.valueRange)])
    }
    if let timeout, timeout.value.intValue == 0 {
      reader.report(
        .outOfRange, "`timeout` must be greater than 0; leave it out to wait without limit",
        at: timeout.entry.valueRange)
      valid = false
    }
    guard valid else { return nil }
    let defaults = type.map(defaultPoll)
    return PollPolicy(
      initialInterval: initial?.value.intValue ?? defaults?.initialInterval ?? 5,
      maxInterval: maximum?.value.intValue ?? defaults?.maxInterval ?? 60,
      multiplier: multiplier?.value.doubleValue ?? defaults?.multiplier ?? 2,
      timeout: timeout?.value.intValue)
  }

  // MARK: Profiles

  private mutating func readProfiles(_ entry: NodeReader.Entry) {
    guard let named = reader.namedEntries(entry, minCount: 0, nullIsEmpty: true) else { return }
    for (name, key, value) in named {
      let range = document[key].range
      guard
        let fields = reader.object(
          value, shape: PlanShapes.profile, key: name, subject: "profile `\(name)`", owner: range,
          nullIsEmpty: true)
      else { continue }
      var extends: (String, SourceRange)?
      if let entry = fields["extends"], let base = reader.value(entry)?.stringValue {
        extends = (base, entry.valueRange)
      }
      let layer = readSettings(fields)
      profiles[name] = ProfileDecl(
        name: name, range: range, extends: extends, layer: layer,
        isMixed: checkMixed(name, at: range, layer: layer))
      profileOrder.append(name)
    }
    for name in profileOrder {
      guard let (base, range) = profiles[name]!.extends else { continue }
      usedProfiles.insert(base)
      if profiles[base] == nil {
        reportUnknownProfile(base, at: range)
      }
    }
    findCycles()
  }

  /// A profile's keys must all fit one provider type, or no scan could use it.
  private mutating func checkMixed(_ name: String, at range: SourceRange, layer: SettingsLayer)
    -> Bool
  {
    var byType: [ProviderType: SettingsLayer.TopKey] = [:]
    // Keys another vendor declines with a reason (`fail_on` on S4E) are shared keys that
    // only some vendors honour; using them is reported where the profile is used.
    let declined = Set(Vendors.tables.flatMap(\.unsupported.keys))
    for key in layer.topKeys
    where key.field.vendors.count == 1 && !declined.contains(key.field.key) {
      let type = key.field.vendors.first!
      if byType[type] == nil { byType[type] = key }
    }
    guard byType.count > 1 else { return false }
    let sorted = byType.sorted { $0.key < $1.key }
    reader.report(
      .mixedProfile,
      "profile `\(name)` mixes "
        + sorted.map { "\($0.key.table.displayName) keys (`\($0.value.field.key)`)" }.joined(
          separator: " and ")
        + ", so no scan can use it",
      at: range,
      notes: sorted.map {
        .init("`\($0.value.field.key)` is a \($0.key.table.displayName) key", at: $0.value.range)
      },
      help: ["split it into one profile per provider type"])
    return true
  }

  /// Reports each cycle of `extends` once, at its first profile in plan order.
  private mutating func findCycles() {
    var reported: Set<String> = []
    for start in profileOrder where !reported.contains(start) {
      var path: [String] = []
      var current: String? = start
      while let name = current, let profile = profiles[name] {
        if let loopStart = path.firstIndex(of: name) {
          let cycle = Array(path[loopStart...])
          if !cycle.contains(where: reported.contains) {
            reported.formUnion(cycle)
            cyclic.formUnion(cycle)
            let first = cycle.min { profiles[$0]!.range < profiles[$1]!.range }!
            let rotated = Array(cycle.drop { $0 != first } + cycle.prefix { $0 != first })
            let description = (rotated + [first]).map { "`\($0)`" }.joined(separator: " -> ")
            reader.report(
              .extendsCycle, "profiles extend each other in a cycle: \(description)",
              at: profiles[first]!.extends!.range,
              notes: rotated.dropFirst().map {
                .init(
                  "`\($0)` extends `\(profiles[$0]!.extends!.name)` here",
                  at: profiles[$0]!.extends!.range)
              },
              help: ["remove one `extends` to break the cycle"])
          }
          break
        }
        path.append(name)
        current = profile.extends?.name
      }
    }
  }

  /// The profiles a scan's `profile` stands for, base first, worked out once per profile
  /// name (which also marks the profile used); nil for a profile that is not defined.
  private mutating func chain(_ name: String) -> Chain? {
    if let known = chains[name] { return known }
    usedProfiles.insert(name)
    guard profiles[name] != nil else { return nil }
    var profilesInChain: [ProfileDecl] = []
    var current: String? = name
    var isComplete = !cyclic.contains(name)
    while let next = current, let profile = profiles[next], !cyclic.contains(next) {
      profilesInChain.insert(profile, at: 0)
      current = profile.extends?.name
      if let base = current, profiles[base] == nil { isComplete = false }
    }
    let chain = Chain(profiles: profilesInChain, isComplete: isComplete)
    chains[name] = chain
    return chain
  }

  private mutating func reportUnknownProfile(_ name: String, at range: SourceRange) {
    var help: [String] = []
    if let suggestion = Suggestions.closest(to: name, among: profileOrder) {
      help.append("did you mean `\(suggestion)`?")
    } else if profileOrder.isEmpty {
      help.append("the plan defines no profiles; add one under `profiles:`")
    } else {
      help.append("the plan defines " + Suggestions.list(profileOrder))
    }
    reader.report(.unknownProfile, "profile `\(name)` is not defined", at: range, help: help)
  }

  // MARK: Settings

  /// The scan settings of a mapping read with a settings shape.
  private mutating func readSettings(_ fields: NodeReader.Fields) -> SettingsLayer {
    var layer = SettingsLayer(source: fields)
    var slot = 0
    for (position, field) in PlanShapes.scanSettings.fields.enumerated() {
      let nested: ObjectShape?
      if case .object(let shape) = field.kind { nested = shape } else { nested = nil }
      let firstSlot = slot
      slot += nested?.fields.count ?? 1
      guard let entry = fields[field.key] else { continue }
      layer.writtenKeys |= 1 << position
      guard let nested else {
        if let value = reader.value(entry) {
          layer.entries.append(
            .init(
              slot: firstSlot, value: value, keyRange: entry.keyRange,
              valueRange: entry.valueRange))
        }
        continue
      }
      guard
        let inner = reader.object(
          entry.value, shape: nested, key: field.key, subject: "`\(field.key)`",
          owner: entry.keyRange, nullIsEmpty: true)
      else { continue }
      for offset in nested.fields.indices {
        guard let leafEntry = inner.entry(at: offset), let value = reader.value(leafEntry) else {
          continue
        }
        layer.entries.append(
          .init(
            slot: firstSlot + offset, value: value,
            keyRange: leafEntry.keyRange, valueRange: leafEntry.valueRange))
      }
    }
    return layer
  }

  /// Reports keys of a layer that a provider type does not accept, at the key.
  private mutating func checkFit(
    _ layer: SettingsLayer, type: ProviderType, owner: @autoclosure () -> String
  ) {
    guard layer.writtenKeys & ~Self.acceptedKeys(type) != 0 else { return }
    for key in layer.topKeys where !key.field.accepts(type) {
      if let reason = type.table.unsupported[key.field.key] {
        reader.report(
          .unsupportedGate, "`\(key.field.key)` cannot be used with \(owner()): \(reason)",
          at: key.range,
          help: [
            "remove it; gates work with providers that report severities (\(Self.gatingVendors))"
          ])
      } else {
        reader.report(
          .wrongProviderType,
          "`\(key.field.key)` is \(vendorPhrase(key.field)) setting, but \(owner()) is of type \(type.rawValue)",
          at: key.range, help: [acceptedHelp(type)])
      }
    }
  }

  private func vendorPhrase(_ field: Field) -> String {
    let tables = field.vendors.sorted().map(\.table)
    return (tables.first?.article ?? "a") + " "
      + tables.map(\.displayName).joined(separator: " and ")
  }

  private func acceptedHelp(_ type: ProviderType) -> String {
    let keys = PlanShapes.scanSettings.fields.filter { $0.vendors.contains(type) }.map(\.key)
    return "\(type.table.displayName) scans take " + Suggestions.list(keys)
  }

  // MARK: Assets

  private mutating func readAssets(_ entry: NodeReader.Entry) {
    guard let items = reader.list(entry, minCount: 1) else { return }
    assetNames = TextIndex(capacity: items.count)
    for item in items { readAsset(item) }
  }

  /// Whether an asset reuses an earlier asset's name, which is then reported. Earlier
  /// assets only: the answer for each asset is known when it is read.
  private mutating func isDuplicateName(_ item: YAMLNodeID) -> Bool {
    guard let (text, value) = Self.nameNode(item, in: document),
      let first = assetNames.firstOrInsert(text, at: value, in: document)
    else { return false }
    let name = document.text(text)
    reader.report(
      .duplicateName, "asset name `\(name)` is used twice", at: document.range(value),
      notes: [.init("the first asset named `\(name)` is here", at: document.range(first))],
      help: ["asset names are unique in a plan; scan ids are built from them"])
    return true
  }

  /// Checks one asset, the next in plan order, and resolves its scans.
  private mutating func readAsset(_ item: YAMLNodeID) {
    let index = assetsRead
    assetsRead += 1
    let isDuplicate = isDuplicateName(item)
    let head = reader.headRange(item)
    // Built only when a message needs it: most assets have nothing to report.
    let document = self.document
    func subject() -> String {
      Self.peekName(item, in: document).map { "asset `\($0)`" } ?? "asset #\(index + 1)"
    }
    guard
      let fields = reader.object(
        item, shape: PlanShapes.asset, key: "assets", subject: subject(), owner: head)
    else { return }
    var assetName: String?
    if let entry = fields["name"], let name = reader.value(entry)?.stringValue, !isDuplicate {
      assetName = name
    }
    var provider: ProviderDecl?
    if let entry = fields["provider"], let name = reader.value(entry)?.stringValue {
      provider = providers[name]
      if provider == nil {
        var help: [String] = []
        if let suggestion = Suggestions.closest(to: name, among: providerOrder) {
          help.append("did you mean `\(suggestion)`?")
        } else if !providerOrder.isEmpty {
          help.append("the plan defines " + Suggestions.list(providerOrder))
        }
        reader.report(
          .unknownProvider, "provider `\(name)` is not defined", at: entry.valueRange, help: help)
      }
    }
    let type = provider?.type
    var assetKeys: [(key: String, value: JSONValue)] = []
    for table in Vendors.tables {
      for field in table.assetFields {
        if let entry = fields[field.key] {
          let value = reader.value(entry)
          if let type, let provider, !field.accepts(type) {
            let accepted = type.table.assetFields.map(\.key)
            reader.report(
              .wrongProviderType,
              "`\(field.key)` is \(vendorPhrase(field)) key, but provider `\(provider.name)` is of type \(type.rawValue)",
              at: entry.keyRange,
              help: ["\(type.table.displayName) assets take " + Suggestions.list(accepted)])
          } else if let value {
            assetKeys.append((field.key, value))
          }
        } else if let type, table.type == type, let provider {
          reader.report(
            .missingKey,
            "\(subject()) has no `\(field.key)`, which \(table.displayName) assets need (provider `\(provider.name)`)",
            at: head, help: ["add `\(field.key):` (\(field.summary))"])
        }
      }
    }
    var tags: [String] = []
    if let entry = fields["tags"], let items = reader.list(entry, minCount: 0, nullIsEmpty: true) {
      for item in items {
        if let tag = reader.value(item, kind: .name, key: "tags", environment: false)?.stringValue {
          tags.append(tag)
        }
      }
    }
    if let entry = fields["scans"] {
      readScans(
        entry, asset: assetName, subject: subject, provider: provider, assetKeys: assetKeys,
        tags: tags)
    }
  }

  /// An asset's name, if it has a readable one, to name it in messages before it is read.
  private static func peekName(_ item: YAMLNodeID, in document: YAMLDocument) -> String? {
    nameNode(item, in: document).map { document.text($0.text) }
  }

  private static let nameKey = Array("name".utf8)

  /// An asset's valid name, read straight from the document: the scalar holding it, and
  /// the value as written (an alias, maybe) to point at.
  private static func nameNode(
    _ item: YAMLNodeID, in document: YAMLDocument
  ) -> (text: YAMLNodeID, value: YAMLNodeID)? {
    let resolved = document.resolve(item)
    guard document.kind(resolved) == .mapping else { return nil }
    for pair in document.pairs(of: resolved)
    where document.text(document.resolve(pair.key), equals: nameKey) {
      let value = document.resolve(pair.value)
      guard document.kind(value) == .scalar,
        document.withTextBytes(value, { NodeReader.isName($0) })
      else { return nil }
      return (value, pair.value)
    }
    return nil
  }

  // MARK: Scans

  private struct PendingScan {
    let base: String
    let isExplicit: Bool
    let settings: [ScanSetting]
    let range: SourceRange
  }

  private mutating func readScans(
    _ entry: NodeReader.Entry, asset: String?, subject assetSubject: () -> String,
    provider: ProviderDecl?,
    assetKeys: [(key: String, value: JSONValue)], tags: [String]
  ) {
    guard let items = reader.list(entry, minCount: 1) else { return }
    var explicitNames = NameIndex()
    var pending: [PendingScan] = []
    for (index, item) in items.enumerated() {
      let head = reader.headRange(item)
      func subject() -> String { "scan #\(index + 1) of \(assetSubject())" }
      guard
        let fields = reader.object(
          item, shape: PlanShapes.scan, key: "scans", subject: subject(), owner: head)
      else { continue }
      var name: String?
      if let entry = fields["name"], let value = reader.value(entry)?.stringValue {
        if let first = explicitNames.first(value) {
          reader.report(
            .duplicateName, "\(assetSubject()) has two scans named `\(value)`",
            at: entry.valueRange,
            notes: [.init("the first scan named `\(value)` is here", at: first)],
            help: ["scan names are unique within an asset; they make the scan ids"])
        } else {
          explicitNames.insert(value, at: entry.valueRange)
          name = value
        }
      }
      var profileChain: [ProfileDecl] = []
      var profileUse: (name: String, range: SourceRange)?
      // Settings are incomplete when the profile could not be followed; that was reported,
      // and "missing after merging" would only repeat it.
      var settingsComplete = true
      if let entry = fields["profile"] {
        settingsComplete = false
        if let value = reader.value(entry)?.stringValue {
          profileUse = (value, entry.valueRange)
          if let found = chain(value) {
            profileChain = found.profiles
            settingsComplete = found.isComplete
          } else {
            reportUnknownProfile(value, at: entry.valueRange)
          }
        }
      }
      let own = readSettings(fields)
      guard let provider, let type = provider.type else { continue }
      checkFit(own, type: type, owner: "provider `\(provider.name)`")
      if let profileUse, !profileChain.contains(where: \.isMixed) {
        checkProfileFit(profileChain, use: profileUse, type: type, provider: provider.name)
      }
      let settings = merger.merge(provider.defaults, profileChain.lazy.map(\.layer), own)
      func scanLabel() -> String {
        asset.flatMap { a in name.map { "scan `\(a)/\($0)`" } } ?? subject()
      }
      // A key written with an invalid value was reported where it is written.
      let written = profileChain.reduce(provider.defaults.writtenKeys | own.writtenKeys) {
        $0 | $1.layer.writtenKeys
      }
      for (position, field) in PlanShapes.scanSettings.fields.enumerated()
      where settingsComplete && field.isRequiredAfterMerge && field.accepts(type)
        && written & (1 << position) == 0
      {
        reader.report(
          .missingAfterMerge, "\(scanLabel()) has no `\(field.key)`", at: head,
          help: [
            "set `\(field.key)` on the scan, in its profile, or in the `defaults` of provider `\(provider.name)`"
          ])
      }
      checkSettingWarnings(settings, scanLabel: scanLabel)
      guard resolving else { continue }
      let base =
        name ?? profileUse?.name ?? settings.first { $0.slot == Self.scanTypeSlot }?.value
        .stringValue
        ?? "scan"
      pending.append(
        PendingScan(base: base, isExplicit: name != nil, settings: settings, range: head))
    }
    guard resolving, let asset, let provider, let type = provider.type else { return }
    // Explicit names keep their exact id; other scans take their base and, where that
    // repeats or meets an explicit name, `#2`, `#3`, ... in plan order.
    var taken = explicitNames
    for scan in pending {
      var local = scan.base
      if !scan.isExplicit {
        var number = 1
        while taken.contains(local) {
          number += 1
          local = "\(scan.base)#\(number)"
        }
        taken.insert(local, at: scan.range)
      }
      var failOn: [(String, Int)] = []
      for setting in scan.settings where Self.failOnSlots.contains(setting.slot) {
        if let count = setting.value.intValue { failOn.append((setting.path[1], count)) }
      }
      scans.append(
        ResolvedScan(
          id: asset + "/" + local, asset: asset, provider: provider.name, providerType: type,
          assetKeys: assetKeys, tags: tags, settings: scan.settings,
          wait: scan.settings.first { $0.slot == Self.waitSlot }?.value.boolValue ?? true,
          failOn: failOn, range: scan.range))
    }
  }

  /// A profile used on a scan whose provider type does not accept its keys is an error
  /// at the use, with a note at each key.
  private mutating func checkProfileFit(
    _ chain: [ProfileDecl], use: (name: String, range: SourceRange), type: ProviderType,
    provider: String
  ) {
    for profile in chain where profile.layer.writtenKeys & ~Self.acceptedKeys(type) != 0 {
      for key in profile.layer.topKeys where !key.field.accepts(type) {
        let note = Diagnostic.Note(
          "`\(key.field.key)` is set here, in profile `\(profile.name)`", at: key.range)
        if let reason = type.table.unsupported[key.field.key] {
          reader.report(
            .unsupportedGate,
            "profile `\(use.name)` sets `\(key.field.key)`, which provider `\(provider)` cannot honour: \(reason)",
            at: use.range, notes: [note])
        } else {
          reader.report(
            .profileMismatch,
            "profile `\(use.name)` does not fit provider `\(provider)` (type \(type.rawValue)): `\(key.field.key)` is \(vendorPhrase(key.field)) setting",
            at: use.range, notes: [note], help: [acceptedHelp(type)])
        }
      }
    }
  }

  /// Warnings about merged settings: ones the vendor ignores, and gates never checked.
  private mutating func checkSettingWarnings(
    _ settings: [ScanSetting], scanLabel: () -> String
  ) {
    for (slot, conditionSlot, condition) in Self.conditionalSettings {
      guard let setting = settings.first(where: { $0.slot == slot }),
        let other = settings.first(where: { $0.slot == conditionSlot }),
        let value = other.value.stringValue, condition.values.contains(value)
      else { continue }
      reader.report(
        .unusedSetting,
        "`\(setting.path.last!)` has no effect on `\(value)` scans: \(condition.reason)",
        at: setting.range,
        notes: [.init("\(scanLabel()) has `\(condition.setting): \(value)` here", at: other.range)],
        help: ["remove it, or use it only with " + Suggestions.list(otherValues(condition))])
    }
    if let wait = settings.first(where: { $0.slot == Self.waitSlot }), wait.value == .bool(false),
      let gate = settings.first(where: { Self.failOnSlots.contains($0.slot) })
    {
      reader.report(
        .gateNeverChecked,
        "\(scanLabel()) has `fail_on` but `wait: false`, so the gate is never checked",
        at: wait.range, notes: [.init("the gate is set here", at: gate.range)],
        help: ["remove `wait: false`, or remove the gate"])
    }
  }

  /// The values of a condition's setting that do not trigger it.
  private func otherValues(_ condition: Field.Condition) -> [String] {
    guard case .choice(let all)? = PlanShapes.scanSettings.field(condition.setting)?.kind else {
      return []
    }
    return all.filter { !condition.values.contains($0) }
  }
}
