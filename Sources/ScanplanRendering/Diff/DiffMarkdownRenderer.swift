package import ScanplanPlan

/// `scanplan diff --format markdown`, for a pull-request comment: a line of counts, a
/// table of added and removed scans, and a table of the changed fields. Long diffs are
/// cut to `maxRows` rows per table, with the number left out, so that the comment stays
/// inside GitHub's 65,536 characters.
package struct DiffMarkdownRenderer: Sendable {
  /// Rows per table before the rest is counted instead of shown.
  package var maxRows = 250

  package init() {}

  /// The diff as Markdown.
  package func render(_ diff: PlanDiff) -> String {
    var output = "### scanplan diff\n\n"
    guard !diff.isEmpty else {
      return output + "No scan changes: \(diff.unchanged) unchanged.\n"
    }
    output += diff.summary + ".\n"
    if diff.weakened {
      output += "\n⚠ **This change weakens scans**: rows marked ⚠ need a security review.\n"
    }
    let sides =
      diff.added.map { ("+", $0) } + diff.removed.map { ("-", $0) }
      + diff.renamed.map { ("renamed from \(Markdown.code($0.from.id))", $0.to) }
    if !sides.isEmpty {
      output += "\n| ⚠ | | scan | provider | defined at |\n| --- | --- | --- | --- | --- |\n"
      for (mark, scan) in sides.prefix(maxRows) {
        output +=
          "| \(mark == "-" ? "⚠" : "") | \(mark) | \(Markdown.code(scan.id)) | \(Markdown.code(scan.provider)) | \(Markdown.code(scan.location)) |\n"
      }
      output += Self.more(sides.count - maxRows, "scans")
    }
    if !diff.changed.isEmpty {
      output += "\n| ⚠ | scan | field | before | after |\n| --- | --- | --- | --- | --- |\n"
      let rows = diff.changed.flatMap { entry in entry.changes.map { (entry.scan, $0) } }
      for (scan, change) in rows.prefix(maxRows) {
        output +=
          "| \(change.weakens ? "⚠" : "") | \(Markdown.code(scan.id)) | \(Markdown.code(change.field)) | "
          + "\(Markdown.code(PlanDiff.shown(change.before)))\(PlanDiff.named(change.beforeName)) | "
          + "\(Markdown.code(PlanDiff.shown(change.after)))\(PlanDiff.named(change.afterName)) |\n"
      }
      output += Self.more(rows.count - maxRows, "changed fields")
    }
    return output
  }

  private static func more(_ count: Int, _ what: String) -> String {
    count > 0 ? "\n… and \(count) more \(what); run `scanplan diff` to see them all.\n" : ""
  }

}
