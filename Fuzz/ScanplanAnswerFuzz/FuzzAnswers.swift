import ScanplanExecution
import ScanplanVendorKit

/// The answers one fuzz input scripts. The input is chunks split by `\n#\n`; each chunk is
/// one answer: a byte choosing the status (or a transport failure), a byte of header
/// flags, a header text up to a NUL, and the body.
struct FuzzAnswers {
  /// Statuses worth telling apart: successes, redirects, every 4xx the runner treats
  /// apart, 429, 5xx, and a few no server should send.
  static let statuses = [
    200, 201, 202, 204, 301, 307, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 599, 100,
    0, 999,
  ]
  static let separator: [UInt8] = Array("\n#\n".utf8)

  /// Bit 7 of the flags: a transport failure instead of an answer.
  private static let failures: [TransportError] = [
    TransportError(.timeout, "no answer within 30 s"),
    TransportError(.network, "the connection was closed before an answer"),
    TransportError(.tooLarge, "the answer is larger than 1024 KiB"),
    TransportError(.untrusted, "certificate not trusted: set ca_file"),
  ]

  let answers: [Result<HTTPResponse, TransportError>]

  init(_ bytes: [UInt8]) {
    var answers: [Result<HTTPResponse, TransportError>] = []
    for chunk in Self.split(bytes) where !chunk.isEmpty {
      answers.append(Self.answer(chunk))
    }
    self.answers = answers
  }

  private static func answer(_ chunk: ArraySlice<UInt8>) -> Result<HTTPResponse, TransportError> {
    let statusByte = chunk.first ?? 0
    let flags = chunk.dropFirst().first ?? 0
    if flags & 0x80 != 0 { return .failure(failures[Int(statusByte) % failures.count]) }
    var rest = chunk.dropFirst(2)
    var text: ArraySlice<UInt8> = []
    if let end = rest.firstIndex(of: 0) {
      text = rest[..<end]
      rest = rest[rest.index(after: end)...]
    }
    let header = String(decoding: text, as: UTF8.self)
    var headers: [HTTPHeader] = []
    if flags & 0x01 != 0 {
      headers.append(HTTPHeader("Content-Type", "application/json; charset=utf-8"))
    }
    if flags & 0x02 != 0 { headers.append(HTTPHeader("Content-Type", "text/html")) }
    if flags & 0x04 != 0 { headers.append(HTTPHeader("Location", header)) }
    if flags & 0x08 != 0 {
      headers.append(HTTPHeader("location", "https://h:3443/api/v1/scans/fz-" + header))
    }
    if flags & 0x10 != 0 { headers.append(HTTPHeader("Retry-After", header)) }
    if flags & 0x20 != 0 {
      headers.append(HTTPHeader("Retry-After", "Fri, 15 Jan 2027 08:00:42 GMT"))
    }
    if flags & 0x40 != 0 { headers.append(HTTPHeader("Retry-After", String(Int(statusByte) % 7))) }
    return .success(
      HTTPResponse(
        status: statuses[Int(statusByte) % statuses.count], headers: headers, body: Array(rest)))
  }

  /// An answer as a script holds it: its status (200 for one the table lacks), JSON, and
  /// its body.
  static func encode(_ answer: EmulatedAnswer) -> [UInt8] {
    let status = statuses.firstIndex(of: answer.status) ?? 0
    return [UInt8(status), 0x01, 0] + answer.body
  }

  private static func split(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var chunks: [ArraySlice<UInt8>] = []
    var start = 0
    var index = 0
    while index + separator.count <= bytes.count {
      if bytes[index..<index + separator.count].elementsEqual(separator) {
        chunks.append(bytes[start..<index])
        index += separator.count
        start = index
      } else {
        index += 1
      }
    }
    chunks.append(bytes[start...])
    return chunks
  }
}
