import ScanplanJSON
package import ScanplanPlan
import ScanplanVendorKit
import ScanplanYAML

/// Renders diagnostics as the stable JSON document described in docs/diagnostics.md.
/// Fields are only ever added; none is renamed or removed within format version 1.
package enum JSONDiagnosticsRenderer {
  /// The format version of this document.
  package static let formatVersion = 1

  /// The whole document, pretty-printed, ending with a newline.
  package static func render(_ validations: [PlanValidation]) -> String {
    let diagnostics = validations.flatMap(\.diagnostics)
    let errors = diagnostics.filter { $0.severity == .error }.count
    let document: JSONObject = [
      "version": .int(formatVersion),
      "valid": .bool(errors == 0),
      "summary": .object([
        "files": .int(validations.count),
        "errors": .int(errors),
        "warnings": .int(diagnostics.count - errors),
      ]),
      "files": .array(
        validations.map { validation in
          let fileErrors = validation.diagnostics.filter { $0.severity == .error }.count
          return .object([
            "path": .string(validation.source.path),
            "valid": .bool(fileErrors == 0),
            "errors": .int(fileErrors),
            "warnings": .int(validation.diagnostics.count - fileErrors),
          ])
        }),
      "diagnostics": .array(diagnostics.map(json)),
    ]
    return JSONWriter.pretty(.object(document))
  }

  static func json(_ diagnostic: Diagnostic) -> JSONValue {
    .object([
      "file": .string(diagnostic.file),
      "severity": .string(diagnostic.severity.rawValue),
      "code": .string(diagnostic.code.id),
      "name": .string(diagnostic.code.name),
      "message": .string(diagnostic.message),
      "range": json(diagnostic.range),
      "notes": .array(
        diagnostic.notes.map { note in
          var object: JSONObject = ["message": .string(note.message)]
          if let range = note.range { object["range"] = json(range) }
          return .object(object)
        }),
      "help": .array(diagnostic.help.map(JSONValue.string)),
    ])
  }

  static func json(_ range: SourceRange) -> JSONValue {
    .object([
      "start": .object(["line": .int(range.start.line), "column": .int(range.start.column)]),
      "end": .object(["line": .int(range.end.line), "column": .int(range.end.column)]),
    ])
  }
}
