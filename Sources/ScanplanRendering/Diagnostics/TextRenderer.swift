package import ScanplanPlan
import ScanplanSupport
import ScanplanYAML

/// Renders diagnostics for people: `path:line:col: error[CODE]: message`, the source line
/// with a caret under the range, notes at their own locations, and `help:` lines.
///
/// ```
/// plan.yaml:9:26: error[P103]: `requests_per_second` must be a number, found the string `fast`
///   |
/// 9 |     requests_per_second: fast
///   |                          ^^^^
///   = help: ...
/// ```
package struct TextRenderer: Sendable {
  /// Whether to colour the output with ANSI escapes.
  package let color: Bool

  package init(color: Bool) {
    self.color = color
  }

  /// Every diagnostic of every file, then a summary line.
  package func render(_ validations: [PlanValidation]) -> String {
    var output = ""
    for validation in validations where !validation.diagnostics.isEmpty {
      let excerpts = Excerpts(source: validation.source, secrets: validation.secretRanges)
      for diagnostic in validation.diagnostics {
        output += render(diagnostic, excerpts: excerpts)
        output += "\n"
      }
    }
    output += summary(validations) + "\n"
    return output
  }

  /// One diagnostic with its excerpt, notes and help.
  func render(_ diagnostic: Diagnostic, excerpts: Excerpts) -> String {
    let lines = [diagnostic.range.start.line] + diagnostic.notes.compactMap { $0.range?.start.line }
    let gutter = String(lines.max() ?? 1).count
    let severityStyle = diagnostic.severity == .error ? Style.error : Style.warning
    var output =
      paint("\(diagnostic.file):\(diagnostic.range.start):", .bold) + " "
      + paint("\(diagnostic.severity.rawValue)[\(diagnostic.code.id)]", severityStyle)
      + paint(": ", .bold)
      + paint(diagnostic.message, .bold) + "\n"
    output += excerpt(
      diagnostic.range, excerpts: excerpts, gutter: gutter, marker: "^", style: severityStyle)
    for note in diagnostic.notes {
      if let range = note.range {
        output +=
          paint("\(diagnostic.file):\(range.start):", .bold) + " " + paint("note", .note) + ": "
          + note.message + "\n"
        output += excerpt(range, excerpts: excerpts, gutter: gutter, marker: "-", style: .note)
      } else {
        output +=
          pad(gutter) + paint(" = ", .gutter) + paint("note", .bold) + ": " + note.message + "\n"
      }
    }
    for help in diagnostic.help {
      output += pad(gutter) + paint(" = ", .gutter) + paint("help", .help) + ": " + help + "\n"
    }
    return output
  }

  private func excerpt(
    _ range: SourceRange, excerpts: Excerpts, gutter: Int, marker: Character, style: Style
  ) -> String {
    guard let line = excerpts.line(for: range) else { return "" }
    let number = String(range.start.line)
    let bar = paint(" |", .gutter)
    var output = pad(gutter) + bar + "\n"
    output += paint(String(repeating: " ", count: gutter - number.count) + number, .gutter) + bar
    output += line.text.isEmpty ? "\n" : " " + line.text + "\n"
    output +=
      pad(gutter) + bar + " " + line.indent
      + paint(String(repeating: marker, count: line.markerWidth), style) + "\n"
    return output
  }

  /// "2 errors and 1 warning in 1 of 3 files", or "3 files valid".
  package func summary(_ validations: [PlanValidation]) -> String {
    let all = validations.flatMap(\.diagnostics)
    let errors = all.filter { $0.severity == .error }.count
    let warnings = all.count - errors
    let files = validations.count
    let filesWord = files == 1 ? "file" : "files"
    if errors == 0 {
      let valid = "\(files) \(filesWord) valid"
      return warnings == 0
        ? paint(valid, .bold) : paint(valid, .bold) + " (\(count(warnings, "warning")))"
    }
    let failing = validations.filter(\.hasErrors).count
    var text = count(errors, "error")
    if warnings > 0 { text += " and " + count(warnings, "warning") }
    return paint("found \(text) in \(failing) of \(files) \(filesWord)", .bold)
  }

  private func count(_ number: Int, _ word: String) -> String {
    Counted.phrase(number, word)
  }

  private func pad(_ width: Int) -> String { String(repeating: " ", count: width) }

  // MARK: Colour

  enum Style: String {
    case bold = "1"
    case error = "1;31"
    case warning = "1;33"
    case note = "1;36"
    case help = "1;32"
    case gutter = "1;34"
  }

  func paint(_ text: String, _ style: Style) -> String {
    color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
  }
}

/// Source lines prepared for excerpts: secrets masked, control characters made
/// visible, long lines cut to a window around the range.
struct Excerpts {
  let source: SourceText
  let secrets: [SourceRange]
  let lineStarts: [Int]

  init(source: SourceText, secrets: [SourceRange]) {
    self.source = source
    self.secrets = secrets
    self.lineStarts = source.bytes.isEmpty ? [0] : source.lineStarts()
  }

  struct Line {
    /// The line as shown.
    let text: String
    /// What goes before the marker: the shown text up to the range, tabs kept so the
    /// marker lines up under a tab-indented line, everything else as spaces.
    let indent: String
    let markerWidth: Int
  }

  /// The widest line shown; longer ones are cut around the range.
  static let window = 120

  func line(for range: SourceRange) -> Line? {
    guard let bytes = source.line(range.start.line, lineStarts: lineStarts) else { return nil }
    var scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
    // Mask secrets on this line, character for character.
    for secret in secrets
    where secret.start.line <= range.start.line && secret.end.line >= range.start.line {
      let from = secret.start.line == range.start.line ? secret.start.column - 1 : 0
      let to = secret.end.line == range.start.line ? secret.end.column - 1 : scalars.count
      for index in max(0, from)..<min(scalars.count, max(from, to)) where scalars[index] != " " {
        scalars[index] = "*"
      }
    }
    for index in scalars.indices where scalars[index].value < 0x20 && scalars[index] != "\t" {
      scalars[index] = "\u{FFFD}"
    }
    var start = max(0, min(range.start.column - 1, scalars.count))
    let end =
      range.end.line == range.start.line ? max(start + 1, range.end.column - 1) : scalars.count
    var width = max(1, min(end, max(scalars.count, start + 1)) - start)
    var prefix = ""
    var suffix = ""
    var shown = scalars[...]
    if scalars.count > Self.window {
      let from = max(0, start - 40)
      let to = min(scalars.count, from + Self.window)
      shown = scalars[from..<to]
      if from > 0 { prefix = "..." }
      if to < scalars.count { suffix = "..." }
      start = start - from + prefix.count
      width = min(width, max(1, to - (from + start - prefix.count)))
    }
    var text = prefix
    text.unicodeScalars.append(contentsOf: shown)
    text += suffix
    let textScalars = Array(text.unicodeScalars)
    var indent = ""
    for index in 0..<min(start, textScalars.count) {
      indent += textScalars[index] == "\t" ? "\t" : " "
    }
    if start > textScalars.count {
      indent += String(repeating: " ", count: start - textScalars.count)
    }
    return Line(text: text, indent: indent, markerWidth: width)
  }
}
