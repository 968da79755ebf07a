import ScanplanJSON
package import ScanplanPlan

/// How `scanplan diff` prints: text for a terminal, Markdown for a pull-request comment,
/// JSON for tools.
package enum DiffFormat: String, Sendable, CaseIterable {
  /// `+`, `-` and `~` lines, then the count of unchanged scans.
  case text
  /// Tables, ready to post as a pull-request comment.
  case markdown
  /// The documented JSON document.
  case json

  /// The diff in this format, ending with a newline.
  package func render(_ diff: PlanDiff) -> String {
    switch self {
    case .text: DiffTextRenderer().render(diff)
    case .markdown: DiffMarkdownRenderer().render(diff)
    case .json: DiffJSONRenderer().render(diff)
    }
  }
}

extension PlanDiff {
  /// "2 added, 1 removed, 3 changed, 12 unchanged".
  var summary: String {
    "\(added.count) added, \(removed.count) removed, \(changed.count) changed, "
      + (renamed.isEmpty ? "" : "\(renamed.count) renamed, ") + "\(unchanged) unchanged"
  }

  /// A value as the outputs show it: compact JSON, or `(unset)`.
  static func shown(_ value: JSONValue?) -> String {
    value.map(JSONWriter.compact) ?? "(unset)"
  }

  /// The vendor's name for a value, as the outputs add it: ` (Full Scan)`, or nothing.
  static func named(_ name: String?) -> String {
    name.map { " (\($0))" } ?? ""
  }
}
