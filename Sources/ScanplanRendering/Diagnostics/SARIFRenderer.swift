import ScanplanJSON
package import ScanplanPlan
import ScanplanSupport
import ScanplanYAML

/// Renders diagnostics as SARIF 2.1.0 for code scanning: one run, every diagnostic code
/// as a rule with a stable id, and regions in Unicode code points as libyaml counts them.
package enum SARIFRenderer {
  /// The SARIF log, pretty-printed.
  package static func render(_ validations: [PlanValidation], toolVersion: String) -> String {
    let rules = DiagnosticCode.all
    var ruleIndex: [String: Int] = [:]
    for (index, rule) in rules.enumerated() { ruleIndex[rule.id] = index }
    let results: [JSONValue] = validations.flatMap(\.diagnostics).map { diagnostic in
      var result: JSONObject = [
        "ruleId": .string(diagnostic.code.id),
        "ruleIndex": .int(ruleIndex[diagnostic.code.id] ?? 0),
        "level": .string(diagnostic.severity == .error ? "error" : "warning"),
        "message": .object(["text": .string(message(diagnostic))]),
        "locations": .array([location(diagnostic.file, diagnostic.range)]),
      ]
      let related = diagnostic.notes.enumerated().compactMap { index, note -> JSONValue? in
        guard let range = note.range, case .object(var object) = location(diagnostic.file, range)
        else {
          return nil
        }
        object["id"] = .int(index)
        object["message"] = .object(["text": .string(note.message)])
        return .object(object)
      }
      if !related.isEmpty { result["relatedLocations"] = .array(related) }
      return .object(result)
    }
    let driver: JSONObject = [
      "name": "scanplan",
      "version": .string(toolVersion),
      "informationUri": "https://github.com/scanplan/scanplan",
      "rules": .array(
        rules.map { rule in
          .object([
            "id": .string(rule.id),
            "name": .string(rule.name),
            "shortDescription": .object(["text": .string(rule.summary)]),
            "defaultConfiguration": .object([
              "level": .string(rule.severity == .error ? "error" : "warning")
            ]),
            "helpUri": .string(
              "https://github.com/scanplan/scanplan/blob/main/docs/diagnostics.md#\(rule.id.lowercased())"
            ),
          ])
        }),
    ]
    let log: JSONObject = [
      "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
      "version": "2.1.0",
      "runs": .array([
        .object([
          "tool": .object(["driver": .object(driver)]),
          "columnKind": "unicodeCodePoints",
          "results": .array(results),
        ])
      ]),
    ]
    return JSONWriter.pretty(.object(log))
  }

  private static func message(_ diagnostic: Diagnostic) -> String {
    ([diagnostic.message] + diagnostic.help.map { "help: " + $0 }).joined(separator: "\n")
  }

  private static func location(_ file: String, _ range: SourceRange) -> JSONValue {
    .object([
      "physicalLocation": .object([
        "artifactLocation": .object(["uri": .string(uri(file))]),
        "region": .object([
          "startLine": .int(range.start.line),
          "startColumn": .int(range.start.column),
          "endLine": .int(range.end.line),
          // SARIF's endColumn is the column after the region, as ours is.
          "endColumn": .int(
            max(range.end.column, range.start.line == range.end.line ? range.start.column + 1 : 1)),
        ]),
      ])
    ])
  }

  /// A relative path as a URI reference: forward slashes, reserved characters escaped.
  static func uri(_ path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
    return PercentEncoding.encode(String(trimmed), keeping: "/")
  }

}
