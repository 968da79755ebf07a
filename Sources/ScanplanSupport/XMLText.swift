/// Text made safe for XML 1.0 content and attribute values.
package enum XMLText {
  /// `text` with `&`, `<`, `>` and quotes escaped, and the control characters XML 1.0
  /// cannot hold written as `?`.
  package static func escaped(_ text: String) -> String {
    var output = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "'": output += "&apos;"
      default:
        // XML 1.0 has no place for most control characters.
        if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" {
          output += "?"
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    return output
  }
}
