/// An answer from a provider.
package struct HTTPResponse: Equatable, Sendable {
  package var status: Int
  /// Header names and values, in order.
  package var headers: [HTTPHeader]
  /// The body, at most the transport's limit.
  package var body: [UInt8]

  package init(status: Int, headers: [HTTPHeader] = [], body: [UInt8] = []) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  /// A response whose body is this text.
  package init(status: Int, headers: [HTTPHeader] = [], text: String) {
    self.init(status: status, headers: headers, body: Array(text.utf8))
  }

  /// The first value of a header, matched without regard to case.
  package func header(_ name: String) -> String? { headers.first(named: name) }
}
