package import ScanplanPlan
import ScanplanSupport
import ScanplanYAML

/// Diagnostics as JUnit XML, as conftest and kubeconform write it: one test case per
/// file, one failure per error (its code, `path:line:column: message`, and the help);
/// warnings are the case's output, and fail it only under `--strict`, where they are
/// errors.
package enum JUnitDiagnosticsRenderer {
  /// The whole document, ending with a newline.
  package static func render(_ validations: [PlanValidation]) -> String {
    // Failures count the files that fail, each a test case, whatever its errors.
    let failed = validations.filter(\.hasErrors).count
    var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    text +=
      "<testsuites name=\"scanplan validate\" tests=\"\(validations.count)\" "
      + "failures=\"\(failed)\">\n"
    text +=
      "  <testsuite name=\"scanplan validate\" tests=\"\(validations.count)\" "
      + "failures=\"\(failed)\" errors=\"0\">\n"
    for validation in validations {
      let path = XMLText.escaped(validation.source.path)
      text += "    <testcase classname=\"scanplan.validate\" name=\"\(path)\""
      guard !validation.diagnostics.isEmpty else {
        text += "/>\n"
        continue
      }
      text += ">\n"
      var output = ""
      for diagnostic in validation.diagnostics {
        let place =
          "\(diagnostic.file):\(diagnostic.range.start.line):\(diagnostic.range.start.column)"
        let line = "\(place): \(diagnostic.message)"
        guard diagnostic.severity == .error else {
          output += "warning[\(diagnostic.code.id)]: \(line)\n"
          continue
        }
        text +=
          "      <failure type=\"\(diagnostic.code.id)\" message=\"\(XMLText.escaped(line))\">"
          + XMLText.escaped(
            (["error[\(diagnostic.code.id)]: \(line)"] + diagnostic.help.map { "help: \($0)" })
              .joined(separator: "\n"))
          + "</failure>\n"
      }
      if !output.isEmpty {
        text += "      <system-out>\(XMLText.escaped(output))</system-out>\n"
      }
      text += "    </testcase>\n"
    }
    return text + "  </testsuite>\n</testsuites>\n"
  }
}
