package import ScanplanJSON

/// What the emulator answers, as a value: status, headers and body, or no answer at all.
package struct EmulatedAnswer: Sendable {
  package var status: Int
  /// Header names and values.
  package var headers: [HTTPHeader]
  package var body: [UInt8]
  /// Seconds to wait before answering; infinity never answers.
  package var delay = 0.0
  /// Close the connection without answering (a lost answer).
  package var drop = false

  package init(status: Int, headers: [HTTPHeader] = [], body: [UInt8] = []) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  package static func json(_ status: Int, _ value: JSONValue, headers: [HTTPHeader] = [])
    -> EmulatedAnswer
  {
    EmulatedAnswer(
      status: status, headers: [HTTPHeader("Content-Type", "application/json")] + headers,
      body: Array(JSONWriter.compact(value).utf8))
  }
}
