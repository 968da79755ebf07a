import ScanplanJSON
import ScanplanVendorKit
import ScanplanYAML

extension NodeReader {
  // MARK: Names and descriptions

  /// Checks a name against `[A-Za-z0-9][A-Za-z0-9._-]*`, naming the first bad character,
  /// which matters for look-alike letters from other scripts.
  @discardableResult
  mutating func checkName(_ name: String, at range: SourceRange) -> Bool {
    if Self.isName(name) { return true }
    report(NameMessage.invalidName(name), at: range)
    return false
  }

  static func isName(_ name: String) -> Bool {
    isName(name.utf8)
  }

  static func isName(_ bytes: some Sequence<UInt8>) -> Bool {
    var iterator = bytes.makeIterator()
    guard let first = iterator.next(), isAlphanumeric(first) else { return false }
    while let byte = iterator.next() {
      if !(isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
        || byte == UInt8(ascii: "-"))
      {
        return false
      }
    }
    return true
  }

  static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII && (isAlphanumeric(UInt8(scalar.value)) || "._-".unicodeScalars.contains(scalar))
  }

  static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  /// Whether a string has `${` in it: a byte scan, since most values have no `$` at all
  /// and this runs for every string in a plan.
  static func mayHoldReference(_ text: String) -> Bool {
    var previous: UInt8 = 0
    for byte in text.utf8 {
      if byte == UInt8(ascii: "{"), previous == UInt8(ascii: "$") { return true }
      previous = byte
    }
    return false
  }

  /// Whether a string is a canonical UUID: 8-4-4-4-12 hexadecimal digits, either case.
  static func isUUID(_ text: String) -> Bool {
    isUUID(text.utf8)
  }

  static func isUUID(_ bytes: some Collection<UInt8>) -> Bool {
    guard bytes.count == 36 else { return false }
    var index = -1
    for byte in bytes {
      index += 1
      if index == 8 || index == 13 || index == 18 || index == 23 {
        if byte != UInt8(ascii: "-") { return false }
      } else if !((UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
        || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte))
      {
        return false
      }
    }
    return true
  }

  /// Reports a value of the wrong type, with a hint for the usual causes.
  mutating func mismatch(_ id: YAMLNodeID, key: String, expected: String) {
    let node = document[document.resolve(id)]
    var unquoted: String?
    if node.kind == .scalar, node.style != .plain, node.tag == .implicit {
      let plain = YAMLScalar.resolvingPlain(node.text)
      if plain != .string(node.text), plain != .null { unquoted = node.text }
    }
    report(
      ShapeMessage.wrongType(key: key, expected: expected, found: describe(id), unquoted: unquoted),
      at: document[id].range)
  }

  /// A value as a message names it: "the string `fast`", "a list", "nothing".
  func describe(_ id: YAMLNodeID) -> String {
    let node = document[document.resolve(id)]
    switch node.kind {
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .scalar, .alias:
      switch node.scalar {
      case .null: return "nothing"
      case .bool(let flag): return "the boolean `\(flag)`"
      case .int(let value): return "the integer `\(value)`"
      case .integerOverflow: return "the integer `\(Self.clip(node.text))`"
      case .float: return "the number `\(Self.clip(node.text))`"
      case .string(let text):
        return node.style == .plain
          ? "the string `\(Self.clip(text))`" : "the quoted string `\"\(Self.clip(text))\"`"
      }
    }
  }

  /// A value shortened for a message, so a pasted secret or a 1 MB scalar is not echoed.
  static func clip(_ text: String) -> String {
    let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
    if firstLine.count <= 40 && firstLine.count == text.count { return text }
    return String(firstLine.prefix(37)) + "..."
  }
}
