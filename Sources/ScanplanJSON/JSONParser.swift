/// Parses JSON (RFC 8259) into `JSONValue`, keeping object keys in document order.
/// Bounded: nesting deeper than `maxDepth` is an error, not a stack overflow.
package struct JSONParser {
  /// Why a document could not be parsed.
  package struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was wrong, lowercase.
    package let message: String
    /// The byte offset where it was noticed.
    package let offset: Int
    /// `message at byte offset`.
    package var description: String { "\(message) at byte \(offset)" }
  }

  /// The deepest nesting accepted.
  package var maxDepth = 128

  package init() {}

  /// Parses a whole document.
  package func parse(_ bytes: some Collection<UInt8>) throws(ParseError) -> JSONValue {
    var reader = Reader(bytes: Array(bytes), maxDepth: maxDepth)
    reader.skipWhitespace()
    let value = try reader.value(depth: 0)
    reader.skipWhitespace()
    guard reader.index == reader.bytes.count else {
      throw reader.error("unexpected text after the value")
    }
    return value
  }

  /// Parses a whole document held in a string.
  package func parse(_ text: String) throws(ParseError) -> JSONValue {
    try parse(Array(text.utf8))
  }
}

private struct Reader {
  let bytes: [UInt8]
  let maxDepth: Int
  var index = 0

  init(bytes: [UInt8], maxDepth: Int) {
    self.bytes = bytes
    self.maxDepth = maxDepth
  }

  func error(_ message: String) -> JSONParser.ParseError {
    JSONParser.ParseError(message: message, offset: index)
  }

  mutating func skipWhitespace() {
    while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
  }

  mutating func expect(_ word: String) throws(JSONParser.ParseError) {
    for byte in word.utf8 {
      guard index < bytes.count, bytes[index] == byte else { throw error("invalid literal") }
      index += 1
    }
  }

  mutating func value(depth: Int) throws(JSONParser.ParseError) -> JSONValue {
    guard depth <= maxDepth else { throw error("nesting deeper than \(maxDepth)") }
    guard index < bytes.count else { throw error("unexpected end of input") }
    switch bytes[index] {
    case UInt8(ascii: "{"):
      index += 1
      var object = JSONObject()
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
        index += 1
        return .object(object)
      }
      while true {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
          throw error("expected a key")
        }
        let key = try string()
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
          throw error("expected `:`")
        }
        index += 1
        skipWhitespace()
        object[key] = try value(depth: depth + 1)
        skipWhitespace()
        guard index < bytes.count else { throw error("unexpected end of input") }
        if bytes[index] == UInt8(ascii: ",") {
          index += 1
        } else if bytes[index] == UInt8(ascii: "}") {
          index += 1
          return .object(object)
        } else {
          throw error("expected `,` or `}`")
        }
      }
    case UInt8(ascii: "["):
      index += 1
      var items: [JSONValue] = []
      skipWhitespace()
      if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
        index += 1
        return .array(items)
      }
      while true {
        skipWhitespace()
        items.append(try value(depth: depth + 1))
        skipWhitespace()
        guard index < bytes.count else { throw error("unexpected end of input") }
        if bytes[index] == UInt8(ascii: ",") {
          index += 1
        } else if bytes[index] == UInt8(ascii: "]") {
          index += 1
          return .array(items)
        } else {
          throw error("expected `,` or `]`")
        }
      }
    case UInt8(ascii: "\""):
      return .string(try string())
    case UInt8(ascii: "t"):
      try expect("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try expect("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try expect("null")
      return .null
    default:
      return try number()
    }
  }

  mutating func number() throws(JSONParser.ParseError) -> JSONValue {
    let start = index
    var isInteger = true
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
    let digitsStart = index
    while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
    guard index > digitsStart else { throw error("invalid value") }
    if bytes[digitsStart] == 0x30, index - digitsStart > 1 { throw error("leading zero") }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      isInteger = false
      index += 1
      let fraction = index
      while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
      guard index > fraction else { throw error("invalid number") }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      isInteger = false
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
      {
        index += 1
      }
      let exponent = index
      while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
      guard index > exponent else { throw error("invalid number") }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if isInteger, let value = Int(text) { return .int(value) }
    guard let value = Double(text), value.isFinite else { throw error("number out of range") }
    return .double(value)
  }

  /// A string: most hold no escape and are decoded from the bytes at once; one with
  /// escapes is gathered as UTF-8 and decoded once at its end.
  mutating func string() throws(JSONParser.ParseError) -> String {
    index += 1  // the opening quote
    let start = index
    var utf8: [UInt8] = []
    var runStart = index
    var escaped = false
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        defer { index += 1 }
        guard escaped else { return String(decoding: bytes[start..<index], as: UTF8.self) }
        utf8.append(contentsOf: bytes[runStart..<index])
        return String(decoding: utf8, as: UTF8.self)
      }
      if byte < 0x20 { throw error("control character in a string") }
      if byte == UInt8(ascii: "\\") {
        escaped = true
        utf8.append(contentsOf: bytes[runStart..<index])
        index += 1
        guard index < bytes.count else { break }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
          var code = try hex4()
          if (0xD800...0xDBFF).contains(code), index + 1 < bytes.count,
            bytes[index] == UInt8(ascii: "\\"),
            bytes[index + 1] == UInt8(ascii: "u")
          {
            index += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid surrogate pair") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          }
          utf8.append(contentsOf: UTF8.encode(Unicode.Scalar(code) ?? "\u{FFFD}")!)
        default:
          throw error("invalid escape")
        }
        runStart = index
        continue
      }
      index += 1
    }
    throw error("unterminated string")
  }

  mutating func hex4() throws(JSONParser.ParseError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw error("invalid \\u escape") }
    var value: UInt32 = 0
    for byte in bytes[index..<index + 4] {
      let digit: UInt32
      switch byte {
      case 0x30...0x39: digit = UInt32(byte - 0x30)
      case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
      case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
      default: throw error("invalid \\u escape")
      }
      value = value * 16 + digit
    }
    index += 4
    return value
  }
}
