import ScanplanJSON
package import ScanplanPlan

/// `scanplan diff --format json`: `{"version": 1, "added": [...], "removed": [...],
/// "changed": [{..., "changes": [{"field", "before", "after", "weakens"}]}], "unchanged":
/// N, "weakened": BOOL}`; a removed scan has `"weakens": true`; a change adds
/// `before_name` and `after_name` where the vendor names the value (Invicti's profiles). A
/// value a side does not set is `null`; plans never write `null` as a value.
package struct DiffJSONRenderer: Sendable {
  package init() {}

  /// The diff as a JSON document.
  package func render(_ diff: PlanDiff) -> String {
    func scan(_ scan: PlanDiff.Scan) -> JSONObject {
      [
        "id": .string(scan.id), "provider": .string(scan.provider),
        "location": .string(scan.location),
      ]
    }
    let changed: [JSONValue] = diff.changed.map { entry in
      var object = scan(entry.scan)
      object["changes"] = .array(
        entry.changes.map { change in
          var object: JSONObject = [
            "field": .string(change.field), "before": change.before ?? .null,
            "after": change.after ?? .null, "weakens": .bool(change.weakens),
          ]
          if let name = change.beforeName { object["before_name"] = .string(name) }
          if let name = change.afterName { object["after_name"] = .string(name) }
          return .object(object)
        })
      return .object(object)
    }
    return JSONWriter.pretty(
      .object([
        "version": 1,
        "added": .array(diff.added.map { .object(scan($0)) }),
        "removed": .array(
          diff.removed.map {
            var object = scan($0)
            object["weakens"] = true
            return .object(object)
          }),
        "changed": .array(changed),
        "unchanged": .int(diff.unchanged),
        "renamed": .array(
          diff.renamed.map {
            var object = scan($0.to)
            object["from"] = .string($0.from.id)
            return .object(object)
          }),
        "weakened": .bool(diff.weakened),
      ])) + "\n"
  }
}
