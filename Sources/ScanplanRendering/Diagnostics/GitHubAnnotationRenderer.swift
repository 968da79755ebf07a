package import ScanplanPlan
import ScanplanYAML

/// Renders diagnostics as GitHub Actions workflow commands, which the runner turns into
/// annotations on the pull request's changed lines.
///
/// Escaping follows the Actions toolkit (`packages/core/src/command.ts`): in the message,
/// `%`, CR and LF; in properties, also `:` and `,`.
package enum GitHubAnnotationRenderer {
  /// One `::error` or `::warning` line per diagnostic.
  package static func render(_ validations: [PlanValidation]) -> String {
    var output = ""
    for diagnostic in validations.flatMap(\.diagnostics) {
      var message = diagnostic.message
      for note in diagnostic.notes {
        message += "\nnote: " + note.message
        if let range = note.range {
          message += " (line \(range.start.line), column \(range.start.column))"
        }
      }
      for help in diagnostic.help { message += "\nhelp: " + help }
      let properties = [
        ("file", diagnostic.file),
        ("line", String(diagnostic.range.start.line)),
        ("col", String(diagnostic.range.start.column)),
        ("endLine", String(diagnostic.range.end.line)),
        ("endColumn", String(diagnostic.range.end.column)),
        ("title", "\(diagnostic.code.id) \(diagnostic.code.name)"),
      ]
      output += "::\(diagnostic.severity.rawValue) "
      output += properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
      output += "::" + escapeData(message) + "\n"
    }
    return output
  }

  /// Escapes a command's message.
  package static func escapeData(_ text: String) -> String {
    var output = ""
    for character in text.unicodeScalars {
      switch character {
      case "%": output += "%25"
      case "\r": output += "%0D"
      case "\n": output += "%0A"
      default: output.unicodeScalars.append(character)
      }
    }
    return output
  }

  /// Escapes a command's property value: the message's escapes, then `:` and `,`, as
  /// the toolkit's `toCommandProperties` does.
  package static func escapeProperty(_ text: String) -> String {
    escapeData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
  }
}
