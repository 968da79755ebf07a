import ScanplanSupport
import ScanplanYAML

/// Text inside GitHub-flavoured Markdown tables: what would break a cell is escaped.
enum Markdown {
  /// Text as an inline code span inside a table cell: pipes escaped, and fenced with
  /// more backticks than the text holds in a row.
  static func code(_ text: String) -> String {
    var longest = 0
    var run = 0
    for character in text {
      run = character == "`" ? run + 1 : 0
      longest = max(longest, run)
    }
    let fence = String(repeating: "`", count: longest + 1)
    let padded = longest > 0 ? " \(text) " : text
    return fence + padded.replacing("|", with: "\\|") + fence
  }

  /// Plain text in a table cell: pipes escaped, line breaks as spaces, and the
  /// characters Markdown would read as formatting escaped.
  static func cell(_ text: String) -> String {
    var output = ""
    for character in text {
      switch character {
      case "|", "*", "_", "`", "<", ">", "[", "]", "\\": output += "\\\(character)"
      case "\n", "\r": output += " "
      default: output.append(character)
      }
    }
    return output
  }

  /// One of scanplan's own sentences as a list item: its code spans kept, a line break
  /// as a space, and no HTML.
  static func line(_ text: String) -> String {
    var output = ""
    for character in text {
      switch character {
      case "<", ">", "\\": output += "\\\(character)"
      case "\n", "\r": output += " "
      default: output.append(character)
      }
    }
    return output
  }

  /// Seconds as a person reads them: `8.2s`, `4m 05s`, `1h 02m`.
  static func duration(_ seconds: Double) -> String {
    if seconds < 60 { return FixedPoint.format(seconds, places: 1) + "s" }
    let whole = Int(seconds.rounded())
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    if whole < 3600 { return "\(whole / 60)m \(two(whole % 60))s" }
    return "\(whole / 3600)h \(two(whole / 60 % 60))m"
  }
}
