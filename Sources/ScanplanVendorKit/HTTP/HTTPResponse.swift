/// An answer from a provider.
public struct HTTPResponse: Equatable, Sendable {
  /// The status code.
  public var status: Int
  /// Header names and values, in order.
  public var headers: [HTTPHeader]
  /// The body, at most the transport's limit.
  public var body: [UInt8]

  /// Creates a response.
  public init(status: Int, headers: [HTTPHeader] = [], body: [UInt8] = []) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  /// A response whose body is this text.
  public init(status: Int, headers: [HTTPHeader] = [], text: String) {
    self.init(status: status, headers: headers, body: Array(text.utf8))
  }

  /// The first value of a header, matched without regard to case.
  public func header(_ name: String) -> String? { headers.first(named: name) }
}
