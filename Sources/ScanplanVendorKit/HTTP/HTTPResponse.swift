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
