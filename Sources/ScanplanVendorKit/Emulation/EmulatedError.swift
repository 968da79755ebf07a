/// An error the emulator answers, before a vendor puts it in its own shape.
public struct EmulatedError: Error, Sendable {
  /// The status code.
  public let status: Int
  /// A short machine-readable code (`not_found`, `rate_limited`).
  public let code: String
  /// The message, lowercase.
  public let message: String
  /// Seconds to come back after, for a 429.
  public let retryAfter: Int?

  /// Creates an error.
  public init(_ status: Int, code: String, _ message: String, retryAfter: Int? = nil) {
    self.status = status
    self.code = code
    self.message = message
    self.retryAfter = retryAfter
  }
}
