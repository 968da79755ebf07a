/// What a vendor says in an error answer (4xx, 5xx, 429): its own words, and how long it
/// asks the client to wait, when its body says so.
package struct ErrorDetails: Equatable, Sendable {
  /// The vendor's message, printable and clipped, with its code where it gives one.
  package var message: String?
  /// Seconds to wait, from a body field such as `retry_after`.
  package var retryAfter: Double?

  package init(message: String? = nil, retryAfter: Double? = nil) {
    self.message = message
    self.retryAfter = retryAfter
  }
}
