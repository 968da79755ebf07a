import ScanplanJSON

/// What a change to plans does to their scans: `scanplan diff BASE HEAD`. Scans are
/// matched by their stable ids; a changed scan lists each field that differs
/// (`ScanFields`), old and new. Environment references are compared as written and
/// never resolved, so a diff needs no secrets.
public struct PlanDiff: Sendable {
  /// A scan on one side only.
  public struct Scan: Sendable, Equatable {
    /// `ASSET/NAME`.
    public let id: String
    /// Its provider's name.
    public let provider: String
    /// Where it is defined, as `file:line:column`.
    public let location: String

    /// A scan.
    public init(id: String, provider: String, location: String) {
      self.id = id
      self.provider = provider
      self.location = location
    }
  }

  /// One field of a scan that differs.
  public struct Change: Sendable, Equatable {
    /// The field, such as `request.body.scan_type` or `budget.requests_per_second`.
    public let field: String
    /// The base's value; nil when the base does not set it.
    public let before: JSONValue?
    /// The head's value; nil when the head does not set it.
    public let after: JSONValue?

    /// A change.
    public init(field: String, before: JSONValue?, after: JSONValue?) {
      self.field = field
      self.before = before
      self.after = after
    }
  }

  /// A scan on both sides whose fields differ.
  public struct Changed: Sendable, Equatable {
    /// The scan, as the head defines it.
    public let scan: Scan
    /// The fields that differ, in the order a plan lists them.
    public let changes: [Change]

    /// A changed scan.
    public init(scan: Scan, changes: [Change]) {
      self.scan = scan
      self.changes = changes
    }
  }

  /// Why two sides cannot be compared.
  public struct UsageError: Error, Sendable, Equatable {
    /// What is wrong, lowercase.
    public let message: String
  }

  /// Scans only the head has, in the head's order.
  public let added: [Scan]
  /// Scans only the base has, in the base's order.
  public let removed: [Scan]
  /// Scans whose fields differ, in the head's order.
  public let changed: [Changed]
  /// Scans that are the same on both sides, wherever they moved in the files.
  public let unchanged: Int

  /// A diff, as `compare` finds one.
  public init(added: [Scan], removed: [Scan], changed: [Changed], unchanged: Int) {
    self.added = added
    self.removed = removed
    self.changed = changed
    self.unchanged = unchanged
  }

  /// Whether the head does exactly what the base did.
  public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

  /// Compares two sides, each the valid plans of one command-line argument. A scan id
  /// twice on one side (in two files) cannot be matched, and is an error, as for `run`.
  public static func compare(base: [ResolvedPlan], head: [ResolvedPlan])
    -> Result<PlanDiff, UsageError>
  {
    let before: [String: Entry]
    let after: [String: Entry]
    let baseOrder: [String]
    let headOrder: [String]
    switch (entries(base, side: "base"), entries(head, side: "head")) {
    case (.failure(let error), _), (_, .failure(let error)): return .failure(error)
    case (.success(let old), .success(let new)):
      (before, baseOrder) = old
      (after, headOrder) = new
    }
    var added: [Scan] = []
    var changed: [Changed] = []
    var unchanged = 0
    for id in headOrder {
      let new = after[id]!
      guard let old = before[id] else {
        added.append(new.scan)
        continue
      }
      let changes = Self.changes(old.fields, new.fields)
      if changes.isEmpty {
        unchanged += 1
      } else {
        changed.append(Changed(scan: new.scan, changes: changes))
      }
    }
    let removed = baseOrder.filter { after[$0] == nil }.map { before[$0]!.scan }
    return .success(
      PlanDiff(added: added, removed: removed, changed: changed, unchanged: unchanged))
  }

  /// A scan with its fields.
  private struct Entry {
    let scan: Scan
    let fields: ScanFields
  }

  private static func entries(_ plans: [ResolvedPlan], side: String)
    -> Result<([String: Entry], [String]), UsageError>
  {
    var entries: [String: Entry] = [:]
    var files: [String: String] = [:]
    var order: [String] = []
    for plan in plans {
      for scan in plan.scans {
        if let other = files[scan.id] {
          return .failure(
            UsageError(
              message:
                "scan id `\(scan.id)` is in both \(other) and \(plan.file) of the \(side); compare them separately"
            ))
        }
        guard let provider = plan.provider(named: scan.provider) else { continue }
        files[scan.id] = plan.file
        order.append(scan.id)
        entries[scan.id] = Entry(
          scan: Scan(id: scan.id, provider: scan.provider, location: plan.location(of: scan)),
          fields: ScanFields(scan, provider: provider))
      }
    }
    return .success((entries, order))
  }

  /// The fields that differ: the base's order, then fields only the head has.
  private static func changes(_ old: ScanFields, _ new: ScanFields) -> [Change] {
    var newValues: [String: JSONValue] = [:]
    for field in new.fields { newValues[field.name] = field.value }
    var seen: Set<String> = []
    var changes: [Change] = []
    for field in old.fields {
      seen.insert(field.name)
      let after = newValues[field.name]
      if after != field.value {
        changes.append(Change(field: field.name, before: field.value, after: after))
      }
    }
    for field in new.fields where !seen.contains(field.name) {
      changes.append(Change(field: field.name, before: nil, after: field.value))
    }
    return changes
  }
}
