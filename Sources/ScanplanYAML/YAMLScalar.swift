/// A scalar resolved by the YAML 1.2 core schema.
package enum YAMLScalar: Equatable, Sendable {
  /// `null`, `Null`, `NULL`, `~` or nothing.
  case null
  /// `true` or `false`, in the core schema's three spellings.
  case bool(Bool)
  /// An integer in decimal, `0o` octal or `0x` hexadecimal.
  case int(Int)
  /// An integer the core schema accepts but that does not fit in 64 bits.
  case integerOverflow
  /// A floating-point number, `.inf` and `.nan` included.
  case float(Double)
  /// Anything else, and every quoted or block scalar.
  case string(String)
}

extension YAMLScalar {
  /// What `text` would mean written as a plain scalar, for hints such as "remove the
  /// quotes" on `"5"`.
  package static func resolvingPlain(_ text: String) -> YAMLScalar {
    CoreSchema.resolve(text)
  }
}

extension YAMLNode {
  /// This scalar resolved by the YAML 1.2 core schema, honouring an explicit tag.
  /// Collections and aliases resolve to `.null`; resolve aliases first.
  package var scalar: YAMLScalar {
    guard kind == .scalar else { return .null }
    switch tag {
    case .string, .collection: return .string(text)
    case .implicit:
      return style == .plain ? CoreSchema.resolve(text) : .string(text)
    case .int, .float, .bool, .null:
      // An explicit tag asks for that type; a value that does not fit stays a string
      // and the validator reports it by type.
      let resolved = CoreSchema.resolve(text)
      switch (tag, resolved) {
      case (.int, .int), (.int, .integerOverflow), (.float, .float), (.bool, .bool),
        (.null, .null):
        return resolved
      case (.float, .int(let value)): return .float(Double(value))
      default: return .string(text)
      }
    }
  }
}

/// The YAML 1.2.2 core schema's resolution of plain scalars (section 10.3.2).
enum CoreSchema {
  static func resolve(_ text: String) -> YAMLScalar {
    // Most plain scalars in a plan are names and UUIDs, which start with a letter that
    // cannot begin a number, null or boolean: they are returned as they are.
    guard let first = text.utf8.first else { return .null }
    switch first {
    case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "~"), UInt8(ascii: "t"),
      UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
      UInt8(ascii: "0")...UInt8(ascii: "9"),
      UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
      break
    default:
      return .string(text)
    }
    var copy = text
    let resolved: YAMLScalar? = copy.withUTF8 { bytes in
      switch first {
      case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "~"):
        return isNull(bytes) ? .null : nil
      case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
        return bool(bytes).map(YAMLScalar.bool)
      default:
        return number(bytes)
      }
    }
    return resolved ?? .string(text)
  }

  private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ words: [StaticString]) -> Bool
  {
    for word in words where word.utf8CodeUnitCount == bytes.count {
      if memcmpEqual(word.utf8Start, bytes.baseAddress, bytes.count) { return true }
    }
    return false
  }

  private static func memcmpEqual(
    _ lhs: UnsafePointer<UInt8>, _ rhs: UnsafePointer<UInt8>?, _ count: Int
  ) -> Bool {
    guard let rhs else { return count == 0 }
    for index in 0..<count where lhs[index] != rhs[index] { return false }
    return true
  }

  private static func isNull(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    matches(bytes, ["null", "Null", "NULL", "~"])
  }

  private static func bool(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    if matches(bytes, ["true", "True", "TRUE"]) { return true }
    if matches(bytes, ["false", "False", "FALSE"]) { return false }
    return nil
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  private static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLScalar? {
    let count = bytes.count
    // 0o octal and 0x hexadecimal (unsigned in the core schema).
    if count > 2, bytes[0] == UInt8(ascii: "0"),
      bytes[1] == UInt8(ascii: "o") || bytes[1] == UInt8(ascii: "x")
    {
      let radix = bytes[1] == UInt8(ascii: "o") ? 8 : 16
      var value = 0
      for byte in bytes[2...] {
        guard let digit = digitValue(byte), digit < radix else { return nil }
        let (times, overflow1) = value.multipliedReportingOverflow(by: radix)
        let (sum, overflow2) = times.addingReportingOverflow(digit)
        if overflow1 || overflow2 { return allDigits(bytes[2...], radix) ? .integerOverflow : nil }
        value = sum
      }
      return .int(value)
    }
    var index = 0
    var negative = false
    if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
      negative = bytes[0] == UInt8(ascii: "-")
      index = 1
    }
    let rest = UnsafeBufferPointer(rebasing: bytes[index...])
    if matches(rest, [".inf", ".Inf", ".INF"]) {
      return .float(negative ? -.infinity : .infinity)
    }
    if index == 0, matches(rest, [".nan", ".NaN", ".NAN"]) { return .float(.nan) }
    // [-+]? [0-9]+ is an integer.
    if !rest.isEmpty, rest.allSatisfy(isDigit) {
      var value = 0
      for byte in rest {
        let digit = Int(byte - UInt8(ascii: "0"))
        let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
        let (sum, overflow2) =
          negative
          ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
        if overflow1 || overflow2 { return .integerOverflow }
        value = sum
      }
      return .int(value)
    }
    // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
    var position = index
    var mantissaDigits = 0
    while position < count, isDigit(bytes[position]) {
      position += 1
      mantissaDigits += 1
    }
    if position < count, bytes[position] == UInt8(ascii: ".") {
      position += 1
      var fraction = 0
      while position < count, isDigit(bytes[position]) {
        position += 1
        fraction += 1
      }
      // `.` alone, or `.e5`, is not a number; `1.` is.
      if mantissaDigits == 0 && fraction == 0 { return nil }
      mantissaDigits += fraction
    }
    guard mantissaDigits > 0 else { return nil }
    if position < count,
      bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E")
    {
      position += 1
      if position < count,
        bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+")
      {
        position += 1
      }
      let exponentStart = position
      while position < count, isDigit(bytes[position]) { position += 1 }
      if position == exponentStart { return nil }
    }
    guard position == count else { return nil }
    guard let value = Double(String(decoding: bytes, as: UTF8.self)) else { return nil }
    return .float(value)
  }

  private static func digitValue(_ byte: UInt8) -> Int? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a")) + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A")) + 10
    default: return nil
    }
  }

  private static func allDigits(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ radix: Int) -> Bool {
    bytes.allSatisfy { digitValue($0).map { $0 < radix } ?? false }
  }
}
