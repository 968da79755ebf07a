/// An error the emulator answers, before a vendor puts it in its own shape.
package struct EmulatedError: Error, Sendable {
  package let status: Int
  /// A short machine-readable code (`not_found`, `rate_limited`).
  package let code: String
  /// The message, lowercase.
  package let message: String
  /// Seconds to come back after, for a 429.
  package let retryAfter: Int?

  package init(_ status: Int, code: String, _ message: String, retryAfter: Int? = nil) {
    self.status = status
    self.code = code
    self.message = message
    self.retryAfter = retryAfter
  }
}
