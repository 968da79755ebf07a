package import ScanplanYAML

/// A diagnostic's wording as a value, the way swift-syntax's `DiagnosticMessage` is: its
/// code, what is wrong, and how to fix it. Checks state facts, such as
/// `NameMessage.unknownProvider(name:defined:)`, and the message types word them, so every
/// sentence scanplan writes about a plan lives in `Diagnostics/Messages/`: lowercase, no
/// trailing period, values in backticks.
package protocol DiagnosticMessage: Sendable {
  /// The stable code.
  var code: DiagnosticCode { get }
  /// What is wrong.
  var message: String { get }
  /// How to fix it, one suggestion per line.
  var help: [String] { get }
}

extension Diagnostic {
  /// A diagnostic worded by its message type, with the code's default severity.
  package init(
    _ message: some DiagnosticMessage, file: String, at range: SourceRange, notes: [Note] = []
  ) {
    self.init(
      message.code, message.message, file: file, at: range, notes: notes, help: message.help)
  }
}

extension Diagnostic.Note {
  /// A note worded by its message type.
  init(_ message: NoteMessage, at range: SourceRange?) {
    self.init(message.text, at: range)
  }
}
