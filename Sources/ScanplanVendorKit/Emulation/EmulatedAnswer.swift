import ScanplanJSON

/// What the emulator answers, as a value: status, headers and body, or no answer at all.
public struct EmulatedAnswer: Sendable {
  /// The status code.
  public var status: Int
  /// Header names and values.
  public var headers: [HTTPHeader]
  /// The body.
  public var body: [UInt8]
  /// Seconds to wait before answering; infinity never answers.
  public var delay = 0.0
  /// Close the connection without answering (a lost answer).
  public var drop = false

  /// An answer.
  public init(status: Int, headers: [HTTPHeader] = [], body: [UInt8] = []) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  /// A JSON answer.
  public static func json(_ status: Int, _ value: JSONValue, headers: [HTTPHeader] = [])
    -> EmulatedAnswer
  {
    EmulatedAnswer(
      status: status, headers: [HTTPHeader("Content-Type", "application/json")] + headers,
      body: Array(JSONWriter.compact(value).utf8))
  }
}
