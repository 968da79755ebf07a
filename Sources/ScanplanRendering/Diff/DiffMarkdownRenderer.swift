import ScanplanPlan

/// `scanplan diff --format markdown`, for a pull-request comment: a line of counts, a
/// table of added and removed scans, and a table of the changed fields. Long diffs are
/// cut to `maxRows` rows per table, with the number left out, so that the comment stays
/// inside GitHub's 65,536 characters.
public struct DiffMarkdownRenderer: Sendable {
  /// Rows per table before the rest is counted instead of shown.
  public var maxRows = 250

  /// A renderer.
  public init() {}

  /// The diff as Markdown.
  public func render(_ diff: PlanDiff) -> String {
    var output = "### scanplan diff\n\n"
    guard !diff.isEmpty else {
      return output + "No scan changes: \(diff.unchanged) unchanged.\n"
    }
    output += diff.summary + ".\n"
    let sides = diff.added.map { ("+", $0) } + diff.removed.map { ("-", $0) }
    if !sides.isEmpty {
      output += "\n| | scan | provider | defined at |\n| --- | --- | --- | --- |\n"
      for (mark, scan) in sides.prefix(maxRows) {
        output +=
          "| \(mark) | \(Self.code(scan.id)) | \(Self.code(scan.provider)) | \(Self.code(scan.location)) |\n"
      }
      output += Self.more(sides.count - maxRows, "scans")
    }
    if !diff.changed.isEmpty {
      output += "\n| scan | field | before | after |\n| --- | --- | --- | --- |\n"
      let rows = diff.changed.flatMap { entry in entry.changes.map { (entry.scan, $0) } }
      for (scan, change) in rows.prefix(maxRows) {
        output +=
          "| \(Self.code(scan.id)) | \(Self.code(change.field)) | "
          + "\(Self.code(PlanDiff.shown(change.before))) | \(Self.code(PlanDiff.shown(change.after))) |\n"
      }
      output += Self.more(rows.count - maxRows, "changed fields")
    }
    return output
  }

  private static func more(_ count: Int, _ what: String) -> String {
    count > 0 ? "\n… and \(count) more \(what); run `scanplan diff` to see them all.\n" : ""
  }

  /// Text as an inline code span inside a table cell: pipes escaped, and fenced with
  /// more backticks than the text holds in a row.
  static func code(_ text: String) -> String {
    var longest = 0
    var run = 0
    for character in text {
      run = character == "`" ? run + 1 : 0
      longest = max(longest, run)
    }
    let fence = String(repeating: "`", count: longest + 1)
    let padded = longest > 0 ? " \(text) " : text
    return fence + padded.replacing("|", with: "\\|") + fence
  }
}
