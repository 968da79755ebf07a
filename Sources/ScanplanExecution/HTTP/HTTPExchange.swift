/// A request as the scheduler builds it: plain values, so that dry runs can print it
/// and tests can compare it.
public struct HTTPRequest: Equatable, Sendable {
  /// `GET` or `POST`.
  public var method: String
  /// The full URL.
  public var url: String
  /// Header names and values, in order.
  public var headers: [(name: String, value: String)]
  /// The body, if any.
  public var body: [UInt8]?

  /// Creates a request.
  public init(
    method: String, url: String, headers: [(name: String, value: String)], body: [UInt8]? = nil
  ) {
    self.method = method
    self.url = url
    self.headers = headers
    self.body = body
  }

  /// Compares method, URL, headers in order and body.
  public static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
    lhs.method == rhs.method && lhs.url == rhs.url && lhs.body == rhs.body
      && lhs.headers.map(\.name) == rhs.headers.map(\.name)
      && lhs.headers.map(\.value) == rhs.headers.map(\.value)
  }
}

/// An answer from a provider.
public struct HTTPResponse: Equatable, Sendable {
  /// The status code.
  public var status: Int
  /// Header names and values, in order.
  public var headers: [(name: String, value: String)]
  /// The body, at most the transport's limit.
  public var body: [UInt8]

  /// Creates a response.
  public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  /// A response whose body is this text.
  public init(status: Int, headers: [(name: String, value: String)] = [], text: String) {
    self.init(status: status, headers: headers, body: Array(text.utf8))
  }

  /// The first value of a header, matched without regard to case.
  public func header(_ name: String) -> String? {
    let wanted = name.lowercased()
    return headers.first { $0.name.lowercased() == wanted }?.value
  }

  /// Compares status, headers in order and body.
  public static func == (lhs: HTTPResponse, rhs: HTTPResponse) -> Bool {
    lhs.status == rhs.status && lhs.body == rhs.body
      && lhs.headers.map(\.name) == rhs.headers.map(\.name)
      && lhs.headers.map(\.value) == rhs.headers.map(\.value)
  }
}

/// Why a request got no usable answer.
public struct TransportError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The kind of failure.
  public enum Kind: Equatable, Sendable {
    /// No answer within the timeout.
    case timeout
    /// The connection failed or was closed before an answer.
    case network
    /// The answer was larger than the transport reads.
    case tooLarge
  }

  /// The kind of failure.
  public let kind: Kind
  /// What happened, lowercase, without secrets.
  public let message: String

  /// Creates an error.
  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  /// The message.
  public var description: String { message }
}

/// Sends requests. The scheduler gets one as a parameter: the real one talks to the
/// network, tests give it one that answers from a script.
public protocol HTTPTransport: Sendable {
  /// Sends a request and waits for its whole answer.
  func send(_ request: HTTPRequest) async -> Result<HTTPResponse, TransportError>
}
