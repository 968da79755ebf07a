/// Removes secrets from text before it is printed or written anywhere: a run knows its
/// tokens, and no log line, error, report or crash message may carry one.
public struct Redactor: Sendable {
  private let secrets: [String]

  /// A redactor for these secret values (empty ones are ignored).
  public init(secrets: [String]) {
    // Longest first, so a secret containing another is removed whole.
    self.secrets = secrets.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
  }

  /// The text with every secret replaced by `***`.
  public func redact(_ text: String) -> String {
    var output = text
    for secret in secrets where output.contains(secret) {
      output = output.replacing(secret, with: "***")
    }
    return output
  }
}
