import ArgumentParser
import ScanplanPlan
import ScanplanRendering

/// `scanplan schema`
struct Schema: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the plan format's JSON Schema (draft 2020-12), for editors.",
    discussion: "The output is what schemas/scanplan.schema.json holds.")

  func run() {
    print(JSONSchemaGenerator(format: Program.format).render(), terminator: "")
  }
}

/// `scanplan docs NAME`
struct Docs: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print a reference document generated from the option tables.",
    discussion: "The output is what docs/NAME.md holds.")

  @Argument(
    help: ArgumentHelp("plan-reference or diagnostics.", valueName: "name"),
    completion: .list(ReferenceDocument.files.map { String($0.dropLast(".md".count)) }))
  var name: String

  func validate() throws {
    guard ReferenceDocument.files.contains(name + ".md") else {
      throw ValidationError("unknown document `\(name)`; choose plan-reference or diagnostics")
    }
  }

  func run() {
    let document = ReferenceDocument(format: Program.format).render(name + ".md")!
    print(document, terminator: "")
  }
}

/// `scanplan explain CODE`
struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Explain a diagnostic code.")

  @Argument(
    help: ArgumentHelp("A code such as P101.", valueName: "code"),
    completion: .list(DiagnosticCode.all.map(\.id)))
  var code: String

  func validate() throws {
    guard DiagnosticCode.named(code) != nil else {
      throw ValidationError(
        "unknown diagnostic code `\(code)`; `scanplan docs diagnostics` lists them")
    }
  }

  func run() {
    let found = DiagnosticCode.named(code)!
    var text = "\(found.id) \(found.name) (\(found.severity.rawValue)): \(found.summary)\n"
    if let example = DiagnosticExample.all[found.id] {
      text += "\nWrong (\(example.fixture), line \(example.line)):\n\n\(example.wrong)\n\n"
      text += "\(found.severity.rawValue)[\(found.id)]: \(example.message)\n"
      for help in example.help { text += "help: \(help)\n" }
      if let right = example.right { text += "\nRight:\n\n\(right)\n" }
    }
    text += "\nEvery code: `scanplan docs diagnostics`.\n"
    print(text, terminator: "")
  }
}
