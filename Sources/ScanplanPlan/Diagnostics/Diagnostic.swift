package import ScanplanYAML

/// How serious a diagnostic is.
package enum Severity: String, Comparable, Sendable {
  /// The plan is invalid; nothing will be sent.
  case error
  /// The plan is valid, but says something that is probably not meant. `--strict`
  /// turns warnings into errors.
  case warning

  /// Errors sort before warnings.
  package static func < (lhs: Severity, rhs: Severity) -> Bool {
    lhs == .error && rhs == .warning
  }
}

/// One problem in one plan file, at a source range.
package struct Diagnostic: Hashable, Sendable {
  /// A secondary location that explains the problem, or a remark without one.
  package struct Note: Hashable, Sendable {
    /// What the location shows, lowercase, no trailing period.
    package let message: String
    /// Where it is, in the same file as the diagnostic; nil for a remark.
    package let range: SourceRange?

    package init(_ message: String, at range: SourceRange?) {
      self.message = message
      self.range = range
    }
  }

  /// Error or warning; `--strict` raises warnings to errors.
  package var severity: Severity
  package let code: DiagnosticCode
  /// What is wrong, lowercase, without a trailing period.
  package let message: String
  /// The file, as given on the command line.
  package let file: String
  /// Where in the file.
  package let range: SourceRange
  package let notes: [Note]
  /// How to fix it, one suggestion per line.
  package let help: [String]

  /// Creates a diagnostic with the code's default severity.
  package init(
    _ code: DiagnosticCode, _ message: String, file: String, at range: SourceRange,
    notes: [Note] = [], help: [String] = []
  ) {
    self.severity = code.severity
    self.code = code
    self.message = message
    self.file = file
    self.range = range
    self.notes = notes
    self.help = help
  }

  /// Orders diagnostics of one file by position, then code and message, so output is
  /// stable whatever order the checks ran in.
  package static func positionOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
    if lhs.range.start != rhs.range.start { return lhs.range.start < rhs.range.start }
    if lhs.code.id != rhs.code.id { return lhs.code.id < rhs.code.id }
    return lhs.message < rhs.message
  }
}
