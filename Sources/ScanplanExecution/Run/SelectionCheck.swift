package import ScanplanPlan

/// What a selection (`--only`, `--tag`, `--shard`) means for a set of plans, checked the
/// same way by `plan` and `run`: an id or a tag that names nothing is wrong usage, with
/// the one that was likely meant; a shard that holds no scan is not.
package struct SelectionCheck: Sendable {
  /// Wrong usage (exit 64), one line each: a scan id in two files, an `--only` id or a
  /// `--tag` that names nothing, or ids and tags that no scan has both of.
  package let problems: [String]
  /// Set when the selection is usable but this shard holds none of its scans: not an
  /// error, since the other shards of a CI matrix hold them.
  package let emptyShard: String?

  /// Checks `selection` against `plans`.
  package init(_ selection: RunSelection, plans: [ResolvedPlan]) {
    var problems: [String] = []
    var seen: [String: String] = [:]
    var tags: Set<String> = []
    for plan in plans {
      for scan in plan.scans {
        if let other = seen[scan.id] {
          problems.append(
            "scan id `\(scan.id)` is in both \(other) and \(plan.file); run them separately")
        }
        seen[scan.id] = plan.file
        tags.formUnion(scan.tags)
      }
    }
    let ids = plans.flatMap(\.scans).map(\.id)
    for id in selection.only where seen[id] == nil {
      problems.append("--only `\(id)` names no scan of the plan" + Self.suggestion(id, ids))
    }
    let knownTags = tags.sorted()
    for tag in selection.tags where !tags.contains(tag) {
      let listed = knownTags.count <= 10 ? "; its tags are " + Suggestions.list(knownTags) : ""
      let hint =
        knownTags.isEmpty
        ? "; no asset of the plan has tags" : Self.suggestion(tag, knownTags, else: listed)
      problems.append("--tag `\(tag)` names no tag of the plan" + hint)
    }
    var selected = 0
    var inShard = 0
    if problems.isEmpty {
      var unsharded = selection
      unsharded.shard = nil
      for plan in plans {
        for scan in plan.scans where RunPlan.isSelected(scan, unsharded) {
          selected += 1
          if RunPlan.isSelected(scan, selection) { inShard += 1 }
        }
      }
      if selected == 0 {
        problems.append("no scan is both named by --only and tagged as --tag asks")
      }
    }
    self.problems = problems
    if problems.isEmpty, inShard == 0, let shard = selection.shard {
      let of = selection.only.isEmpty && selection.tags.isEmpty ? "this plan" : "this selection"
      emptyShard = "shard \(shard.index)/\(shard.count) holds no scan of \(of)"
    } else {
      emptyShard = nil
    }
  }

  private static func suggestion(_ word: String, _ among: [String], else other: String = "")
    -> String
  {
    Suggestions.closest(to: word, among: among).map { "; did you mean `\($0)`?" } ?? other
  }
}
