import ScanplanJSON
import ScanplanVendorKit
import ScanplanYAML

extension PlanBuilder {
  // MARK: Providers

  mutating func readProviders(_ entry: NodeReader.Entry) {
    guard let named = reader.namedEntries(entry, minCount: 1) else { return }
    for (name, key, value) in named {
      let range = document[key].range
      let subject = "provider `\(name)`"
      guard
        let fields = reader.object(
          value, shape: format.provider, key: name, subject: subject, owner: range,
          nullIsEmpty: true)
      else {
        providers[name] = ProviderDecl(
          name: name, range: range, type: nil, fit: nil, defaults: .init(), resolved: nil)
        providerOrder.append(name)
        continue
      }
      let type = fields["type"].flatMap { reader.value($0)?.stringValue }.flatMap(
        format.registry.type(named:))
      let fit = type.map(format.fit)
      reader.allowsPlainHTTP = fit?.table.allowsPlainHTTP ?? false
      let baseURL = fields["base_url"].map { reader.value($0)?.stringValue }
      reader.allowsPlainHTTP = false
      if let type, let entry = fields["base_url"], let url = baseURL ?? nil {
        checkAPIPrefix(url, type: type, at: entry.valueRange)
      }
      reader.credentialVariable = fit?.table.credentialVariable
      let token = credential(fields, fit: fit, provider: name, subject: subject, at: range)
      reader.credentialVariable = nil
      let caFile = fields["ca_file"].map { reader.value($0)?.stringValue }
      let rate = fields["requests_per_second"].map { reader.value($0)?.doubleValue }
      let triggers = fields["triggers_per_minute"].map { reader.value($0)?.doubleValue }
      let maxConcurrent = fields["max_concurrent_scans"].map { reader.value($0)?.intValue }
      let onConflict = fields["on_conflict"].map { reader.value($0)?.stringValue }
      let readsFindings = fields["read_findings"].map { reader.value($0)?.boolValue }
      let poll = fields["poll"].map { readPoll($0, type: type) }
      var defaults = SettingsLayer()
      reader.choiceVendor = type
      if let entry = fields["defaults"],
        let settings = reader.object(
          entry.value, shape: format.scanSettings, key: "defaults",
          subject: "the defaults of \(subject)", owner: entry.keyRange, nullIsEmpty: true)
      {
        defaults = reader.settings(settings)
        if let fit { checkFit(defaults, fit: fit, owner: "provider `\(name)`") }
      }
      reader.choiceVendor = nil
      var resolved: ResolvedProvider?
      // Every read that failed was reported; resolve only a provider read cleanly.
      if let type, let fit, let token, baseURL != .some(nil), rate != .some(nil),
        maxConcurrent != .some(nil), onConflict != .some(nil), poll != .some(nil),
        caFile != .some(nil), triggers != .some(nil), readsFindings != .some(nil)
      {
        resolved = ResolvedProvider(
          name: name, vendor: format.vendor(type),
          baseURL: (baseURL ?? nil) ?? fit.table.defaultBaseURL,
          tokenVariable: token, caFile: caFile ?? nil,
          requestsPerSecond: (rate ?? nil) ?? fit.table.defaultRequestsPerSecond,
          triggersPerMinute: (triggers ?? nil) ?? fit.table.triggersPerMinute,
          maxConcurrentScans: (maxConcurrent ?? nil) ?? fit.table.defaultMaxConcurrentScans,
          poll: (poll ?? nil) ?? defaultPoll(type),
          onConflict: ConflictPolicy(rawValue: (onConflict ?? nil) ?? "adopt") ?? .adopt,
          readsFindings: (readsFindings ?? nil) ?? true, range: range)
      }
      providers[name] = ProviderDecl(
        name: name, range: range, type: type, fit: fit, defaults: defaults, resolved: resolved)
      providerOrder.append(name)
    }
  }

  /// The variable the vendor's credential key names; another vendor's credential key, or
  /// the vendor's missing, is reported. Without a known type, any credential key written.
  mutating func credential(
    _ fields: NodeReader.Fields, fit: VendorFit?, provider: String, subject: String,
    at range: SourceRange
  ) -> String? {
    var found: String?
    for (position, field) in format.provider.fields.enumerated()
    where field.kind.isToken && fields.has(position) {
      let entry = fields.entry(at: position)!
      if let fit, !field.accepts(fit.table.type) {
        let owners = format.registry.ordered(field.vendors).compactMap {
          format.registry.vendor($0)?.table
        }
        reader.report(
          VendorFitMessage.providerKeyOfOtherVendor(
            key: field.key, owners: owners, provider: provider, table: fit.table),
          at: entry.keyRange)
        continue
      }
      if let value = reader.value(entry)?.stringValue, found == nil { found = value }
    }
    if let fit, let own = format.provider.field(fit.table.credentialKey),
      fields[own.key] == nil
    {
      reader.report(ShapeMessage.missingKey(subject: subject, field: own), at: range)
    }
    return found
  }

  /// A base URL copied from the vendor's docs ends with the API's path, which every
  /// request adds: the requests would go to `/api/v1/api/v1/scans` and fail.
  mutating func checkAPIPrefix(_ url: String, type: ProviderType, at range: SourceRange) {
    guard !url.contains("${"),
      let fixed = PlanValues.withoutAPIPrefix(url, format.vendor(type).table)
    else {
      return
    }
    reader.report(
      VendorFitMessage.apiPrefixInBaseURL(table: format.vendor(type).table, fixed: fixed), at: range
    )
  }

  func defaultPoll(_ type: ProviderType) -> PollPolicy {
    let defaults = format.vendor(type).table.pollDefaults
    return PollPolicy(
      initialInterval: defaults.initialInterval, maxInterval: defaults.maxInterval,
      multiplier: defaults.multiplier, timeout: nil)
  }

  mutating func readPoll(_ entry: NodeReader.Entry, type: ProviderType?) -> PollPolicy? {
    guard
      let fields = reader.object(
        entry.value, shape: format.poll, key: "poll", subject: "`poll`", owner: entry.keyRange,
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
        VendorFitMessage.pollIntervalClamped(
          key: interval.entry.field.key,
          reason: type.flatMap { format.vendor($0).table.pollFloorNote }),
        at: interval.entry.valueRange)
    }
    if let initial, let maximum, let low = initial.value.intValue,
      let high = maximum.value.intValue,
      low > high
    {
      reader.report(
        VendorFitMessage.pollIntervalOrder(initial: low, maximum: high),
        at: initial.entry.valueRange,
        notes: [.init(.maxIntervalSetHere, at: maximum.entry.valueRange)])
    }
    if let timeout, timeout.value.intValue == 0 {
      reader.report(ValueMessage.zeroTimeout, at: timeout.entry.valueRange)
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
}
