/// Percent-encoding for URL paths and references.
public enum PercentEncoding {
  /// `text` with every byte but ASCII letters, digits, `-._~` and the characters in
  /// `keeping` written as `%XX`.
  public static func encode(_ text: String, keeping: String = "") -> String {
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
}
