package import ScanplanJSON
import ScanplanVendorKit

/// What a change to plans does to their scans: `scanplan diff BASE HEAD`. Scans are
/// matched by their stable ids; a changed scan lists each field that differs
/// (`ScanFields`), old and new. Environment references are compared as written and
/// never resolved, so a diff needs no secrets.
package struct PlanDiff: Sendable {
  /// A scan on one side only.
  package struct Scan: Sendable, Equatable {
    /// `ASSET/NAME`.
    package let id: String
    package let provider: String
    /// Where it is defined, as `file:line:column`.
    package let location: String

    package init(id: String, provider: String, location: String) {
      self.id = id
      self.provider = provider
      self.location = location
    }
  }

  /// One field of a scan that differs.
  package struct Change: Sendable, Equatable {
    /// The field, such as `request.body.scan_type` or `budget.requests_per_second`.
    package let field: String
    /// The base's value; nil when the base does not set it.
    package let before: JSONValue?
    /// The head's value; nil when the head does not set it.
    package let after: JSONValue?
    /// Whether the change makes the scan weaker (`Weakening`): a reviewer's concern.
    package let weakens: Bool
    /// The vendor's name for the base's value (`Full Scan` for Invicti's profile id).
    package let beforeName: String?
    /// The vendor's name for the head's value.
    package let afterName: String?

    package init(
      field: String, before: JSONValue?, after: JSONValue?, weakens: Bool = false,
      beforeName: String? = nil, afterName: String? = nil
    ) {
      self.field = field
      self.before = before
      self.after = after
      self.weakens = weakens
      self.beforeName = beforeName
      self.afterName = afterName
    }
  }

  /// A scan on both sides whose fields differ.
  package struct Changed: Sendable, Equatable {
    /// The scan, as the head defines it.
    package let scan: Scan
    /// The fields that differ, in the order a plan lists them.
    package let changes: [Change]

    package init(scan: Scan, changes: [Change]) {
      self.scan = scan
      self.changes = changes
    }
  }

  /// Why two sides cannot be compared.
  package struct UsageError: Error, Sendable, Equatable {
    /// What is wrong, lowercase.
    package let message: String
  }

  /// Scans only the head has, in the head's order.
  package let added: [Scan]
  /// Scans only the base has, in the base's order.
  package let removed: [Scan]
  /// Scans whose fields differ, in the head's order.
  package let changed: [Changed]
  /// Scans that are the same on both sides, wherever they moved in the files.
  package let unchanged: Int
  /// Scans whose id changed and nothing else (an asset or a scan renamed): the base's
  /// scan, then the head's. Neither added nor removed.
  package let renamed: [(from: Scan, to: Scan)]

  /// A diff, as `compare` finds one.
  package init(
    added: [Scan], removed: [Scan], changed: [Changed], unchanged: Int,
    renamed: [(from: Scan, to: Scan)] = []
  ) {
    self.added = added
    self.removed = removed
    self.changed = changed
    self.unchanged = unchanged
    self.renamed = renamed
  }

  /// Whether the head does exactly what the base did.
  package var isEmpty: Bool {
    added.isEmpty && removed.isEmpty && changed.isEmpty && renamed.isEmpty
  }

  /// Whether the change weakens any scan: a scan removed, or a change that weakens one.
  package var weakened: Bool {
    !removed.isEmpty || changed.contains { $0.changes.contains(where: \.weakens) }
  }

  /// Compares two sides, each the valid plans of one command-line argument. A scan id
  /// twice on one side (in two files) cannot be matched, and is an error, as for `run`.
  package static func compare(base: [ResolvedPlan], head: [ResolvedPlan])
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
    // A removed scan that does exactly what an added one does was renamed (its asset or
    // itself): it is shown as such, not as a scan gone and a new one.
    var vanished: [String: [Int]] = [:]
    let removedIDs = baseOrder.filter { after[$0] == nil }
    for (index, id) in removedIDs.enumerated() {
      vanished[before[id]!.fields.identity, default: []].append(index)
    }
    var takenRemoved: Set<Int> = []
    var renamed: [(from: Scan, to: Scan)] = []
    var stillAdded: [Scan] = []
    for scan in added {
      let identity = after[scan.id]!.fields.identity
      if let index = vanished[identity]?.first(where: { !takenRemoved.contains($0) }) {
        takenRemoved.insert(index)
        renamed.append((before[removedIDs[index]]!.scan, scan))
      } else {
        stillAdded.append(scan)
      }
    }
    let removed = removedIDs.enumerated().filter { !takenRemoved.contains($0.offset) }.map {
      before[$0.element]!.scan
    }
    return .success(
      PlanDiff(
        added: stillAdded, removed: removed, changed: changed, unchanged: unchanged,
        renamed: renamed))
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
    func change(_ name: String, _ before: JSONValue?, _ after: JSONValue?) -> Change {
      func named(_ value: JSONValue?, _ fields: ScanFields) -> String? {
        Field.valueKey(value).flatMap { fields.settingFields[name]?.valueNames[$0] }
      }
      // A setting the head's vendor ignores (`max_depth` of a network scan) weakens nothing.
      let weakens =
        !new.unusedSettings.contains(name)
        && Weakening.weakens(
          name, before, after, setting: old.settingFields[name] ?? new.settingFields[name])
      return Change(
        field: name, before: before, after: after, weakens: weakens,
        beforeName: named(before, old), afterName: named(after, new))
    }
    var seen: Set<String> = []
    var changes: [Change] = []
    for field in old.fields {
      seen.insert(field.name)
      let after = newValues[field.name]
      if after != field.value {
        changes.append(change(field.name, field.value, after))
      }
    }
    for field in new.fields where !seen.contains(field.name) {
      changes.append(change(field.name, nil, field.value))
    }
    return changes
  }
}
