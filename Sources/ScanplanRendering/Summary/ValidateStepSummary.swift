package import ScanplanPlan
import ScanplanSupport
import ScanplanYAML

/// `validate`'s job summary (`$GITHUB_STEP_SUMMARY`): the files checked, the files with
/// problems, and the problems by code.
package enum ValidateStepSummary {
  package static func render(_ validations: [PlanValidation]) -> String {
    let diagnostics = validations.flatMap(\.diagnostics)
    let invalid = validations.filter(\.hasErrors).count
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    var output = "### scanplan validate\n\n"
    output += "\(count(validations.count, "file")) checked: "
    output += invalid == 0 ? "all valid" : "\(invalid) invalid"
    output += "; \(count(errors, "error")), \(count(warnings, "warning")).\n"
    guard !diagnostics.isEmpty else { return output }
    output += "\n| file | errors | warnings |\n| --- | --- | --- |\n"
    for validation in validations where !validation.diagnostics.isEmpty {
      let fileErrors = validation.diagnostics.filter { $0.severity == .error }.count
      output +=
        "| \(Markdown.code(validation.source.path)) | \(fileErrors) "
        + "| \(validation.diagnostics.count - fileErrors) |\n"
    }
    var byCode: [DiagnosticCode: (severity: Severity, count: Int)] = [:]
    for diagnostic in diagnostics {
      let seen = byCode[diagnostic.code]
      byCode[diagnostic.code] = (
        min(seen?.severity ?? diagnostic.severity, diagnostic.severity), (seen?.count ?? 0) + 1
      )
    }
    output += "\n| code | problems | meaning |\n| --- | --- | --- |\n"
    for code in byCode.keys.sorted(by: { $0.id < $1.id }) {
      let entry = byCode[code]!
      output +=
        "| \(code.id) \(entry.severity.rawValue) | \(entry.count) "
        + "| \(code.name): \(Markdown.cell(code.summary)) |\n"
    }
    return output
  }

  private static func count(_ number: Int, _ noun: String) -> String {
    Counted.phrase(number, noun, grouped: true)
  }
}
