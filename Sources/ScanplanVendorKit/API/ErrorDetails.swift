/// What a vendor says in an error answer (4xx, 5xx, 429): its own words, and how long it
/// asks the client to wait, when its body says so.
public struct ErrorDetails: Equatable, Sendable {
  /// The vendor's message, printable and clipped, with its code where it gives one.
  public var message: String?
  /// Seconds to wait, from a body field such as `retry_after`.
  public var retryAfter: Double?

  /// Creates details.
  public init(message: String? = nil, retryAfter: Double? = nil) {
    self.message = message
    self.retryAfter = retryAfter
  }
}
