package import Logging

/// A log handler that writes one line per message through `write` (standard error), with
/// every credential and resolved environment value redacted, whatever logged it (the
/// run's requests or the HTTP client's own).
package struct RedactingLogHandler: LogHandler {
  /// The lowest level written.
  package var logLevel: Logger.Level
  /// Metadata added to every message.
  package var metadata: Logger.Metadata = [:]
  private let label: String
  private let redactor: Redactor
  private let write: @Sendable (String) -> Void

  /// A handler for `label`, redacting with `redactor`.
  package init(
    label: String, level: Logger.Level, redactor: Redactor,
    write: @escaping @Sendable (String) -> Void
  ) {
    self.label = label
    self.logLevel = level
    self.redactor = redactor
    self.write = write
  }

  package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  package func log(event: LogEvent) {
    var text = "\(event.level) \(label): \(event.message)"
    let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
    if !all.isEmpty {
      text +=
        " "
        + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        .joined(separator: " ")
    }
    // One line: a server's newline does not start a line of its own.
    write(redactor.redact(text).replacing("\n", with: " ") + "\n")
  }
}
