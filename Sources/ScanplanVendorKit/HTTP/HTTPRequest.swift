/// A request as the scheduler builds it: plain values, so that dry runs can print it
/// and tests can compare it.
package struct HTTPRequest: Equatable, Sendable {
  /// `GET` or `POST`.
  package var method: String
  package var url: String
  /// Header names and values, in order.
  package var headers: [HTTPHeader]
  /// The body, if any.
  package var body: [UInt8]?
  /// The certificate authority trusted for this request's TLS connection instead of the
  /// system's (a provider's `ca_file`); nil for the system's.
  package var trust: TrustedCA?

  package init(
    method: String, url: String, headers: [HTTPHeader], body: [UInt8]? = nil,
    trust: TrustedCA? = nil
  ) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
    self.trust = trust
  }
}

/// Certificate authorities a provider's `ca_file` names, read when the run starts.
package struct TrustedCA: Equatable, Hashable, Sendable {
  /// The file as the plan resolved it, for messages.
  package let path: String
  /// The PEM text of the file.
  package let pem: [UInt8]

  /// Creates a trust anchor from a file's contents.
  package init(path: String, pem: [UInt8]) {
    self.path = path
    self.pem = pem
  }
}
