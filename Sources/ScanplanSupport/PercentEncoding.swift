/// Percent-encoding for URL paths and references.
package enum PercentEncoding {
  /// `text` with every byte but ASCII letters, digits, `-._~` and the characters in
  /// `keeping` written as `%XX`.
  package static func encode(_ text: String, keeping: String = "") -> String {
    let kept = Set(("-._~" + keeping).utf8)
    var output = ""
    for byte in text.utf8 {
      if (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
        || (0x61...0x7A).contains(byte)
        || kept.contains(byte)
      {
        output.unicodeScalars.append(UnicodeScalar(byte))
      } else {
        let hex = String(byte, radix: 16, uppercase: true)
        output += "%" + (hex.count < 2 ? "0" : "") + hex
      }
    }
    return output
  }

  /// `text` with each `%XX` written as its byte; text as it was when the bytes are not
  /// UTF-8.
  package static func decode(_ text: Substring) -> String {
    guard text.contains("%") else { return String(text) }
    var bytes: [UInt8] = []
    var index = text.utf8.startIndex
    let utf8 = text.utf8
    while index < utf8.endIndex {
      let byte = utf8[index]
      if byte == UInt8(ascii: "%"),
        let high = utf8.index(index, offsetBy: 1, limitedBy: utf8.endIndex),
        high < utf8.endIndex, let low = utf8.index(high, offsetBy: 1, limitedBy: utf8.endIndex),
        low < utf8.endIndex, let value = hexValue(utf8[high], utf8[low])
      {
        bytes.append(value)
        index = utf8.index(after: low)
      } else {
        bytes.append(byte)
        index = utf8.index(after: index)
      }
    }
    return String(validating: bytes, as: UTF8.self) ?? String(text)
  }

  private static func hexValue(_ high: UInt8, _ low: UInt8) -> UInt8? {
    func digit(_ byte: UInt8) -> UInt8? {
      switch byte {
      case 0x30...0x39: return byte - 0x30
      case 0x41...0x46: return byte - 0x41 + 10
      case 0x61...0x66: return byte - 0x61 + 10
      default: return nil
      }
    }
    guard let high = digit(high), let low = digit(low) else { return nil }
    return high << 4 | low
  }
}
