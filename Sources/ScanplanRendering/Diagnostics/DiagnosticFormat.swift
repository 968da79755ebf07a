import ScanplanPlan

/// The formats `scanplan validate` writes.
package enum DiagnosticFormat: String, CaseIterable, Sendable {
  /// For people: excerpts, carets and help.
  case text
  /// The stable JSON document of docs/output-formats.md.
  case json
  /// GitHub Actions workflow annotations.
  case github
  /// SARIF 2.1.0 for code scanning.
  case sarif
  /// JUnit XML: one test case per file, one failure per error.
  case junit

  /// The format when none is given: annotations inside GitHub Actions, text elsewhere.
  package static func automatic(environment: [String: String]) -> DiagnosticFormat {
    environment["GITHUB_ACTIONS"] == "true" ? .github : .text
  }
}
