/// A request as the scheduler builds it: plain values, so that dry runs can print it
/// and tests can compare it.
public struct HTTPRequest: Equatable, Sendable {
  /// `GET` or `POST`.
  public var method: String
  /// The full URL.
  public var url: String
  /// Header names and values, in order.
  public var headers: [HTTPHeader]
  /// The body, if any.
  public var body: [UInt8]?
  /// The certificate authority trusted for this request's TLS connection instead of the
  /// system's (a provider's `ca_file`); nil for the system's.
  public var trust: TrustedCA?

  /// Creates a request.
  public init(
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
public struct TrustedCA: Equatable, Hashable, Sendable {
  /// The file as the plan resolved it, for messages.
  public let path: String
  /// The PEM text of the file.
  public let pem: [UInt8]

  /// Creates a trust anchor from a file's contents.
  public init(path: String, pem: [UInt8]) {
    self.path = path
    self.pem = pem
  }
}
