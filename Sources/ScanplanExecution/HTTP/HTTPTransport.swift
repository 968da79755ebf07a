package import ScanplanVendorKit

/// Why a request got no usable answer.
package struct TransportError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The kind of failure.
  package enum Kind: Equatable, Sendable {
    /// No answer within the timeout.
    case timeout
    /// The connection failed or was closed before an answer.
    case network
    /// The answer was larger than the transport reads.
    case tooLarge
    /// The server's TLS certificate is not trusted, or not for its host: no retry can
    /// change that, so every scan of the provider ends at once.
    case untrusted
  }

  /// The kind of failure.
  package let kind: Kind
  /// What happened, lowercase, without secrets.
  package let message: String

  package init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  package var description: String { message }
}

/// Sends requests. The scheduler gets one as a parameter: the real one talks to the
/// network, tests give it one that answers from a script.
package protocol HTTPTransport: Sendable {
  /// Sends a request and waits for its whole answer.
  func send(_ request: HTTPRequest) async -> Result<HTTPResponse, TransportError>
}
