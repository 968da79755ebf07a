package import ScanplanPlan

/// `scanplan diff` for a terminal:
///
///     + web/full  (s4e, plans/web.yaml:12:9)
///     - api/old  (inv, plans/api.yaml:3:5)
///     ~ web/nightly  (s4e, plans/web.yaml:8:9)
///         request.body.scan_type: "quick" -> "full"
///         fail_on.high: 1 -> 5  ⚠ weakens
///     ~ api/full  (inv, plans/api.yaml:3:9)
///         request.body.profile_id: "1111...111" (Full Scan) -> "1111...117" (Crawl Only)  ⚠ weakens
///     1 added, 1 removed, 2 changed, 12 unchanged
package struct DiffTextRenderer: Sendable {
  package init() {}

  /// The diff as lines of text.
  package func render(_ diff: PlanDiff) -> String {
    var output = ""
    for scan in diff.added { output += "+ \(scan.id)  (\(scan.provider), \(scan.location))\n" }
    for scan in diff.removed {
      output += "- \(scan.id)  (\(scan.provider), \(scan.location))\(Self.mark)\n"
    }
    for (from, to) in diff.renamed {
      output += "> \(from.id) -> \(to.id)  (\(to.provider), \(to.location)), renamed\n"
    }
    for entry in diff.changed {
      output += "~ \(entry.scan.id)  (\(entry.scan.provider), \(entry.scan.location))\n"
      for change in entry.changes {
        output +=
          "    \(change.field): \(PlanDiff.shown(change.before))\(PlanDiff.named(change.beforeName))"
          + " -> \(PlanDiff.shown(change.after))\(PlanDiff.named(change.afterName))"
          + (change.weakens ? Self.mark : "") + "\n"
      }
    }
    return output + diff.summary
      + (diff.weakened ? "; weakens scans: a security review is due" : "") + "\n"
  }

  /// What marks a change that weakens a scan.
  static let mark = "  ⚠ weakens"
}
