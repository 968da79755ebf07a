import ArgumentParser
import ScanplanExecution
import ScanplanPlan
import ScanplanRendering
import ScanplanYAML

/// `scanplan report REPORT.json --html FILE`
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Draw a run report (run --report FILE.json) as an HTML page.",
    discussion: """
      Writes the page run --html writes: one self-contained file (inline CSS and SVG, \
      nothing loaded from the network) with a timeline of every scan, each provider's \
      budget use and 429 pauses, totals by status, gates and findings. Exits 0, or 64 \
      when the file is not a run report.
      """)

  @Argument(help: "The run report, or - for standard input.")
  var file: String

  @Option(help: ArgumentHelp("Write the page here.", valueName: "file.html"))
  var html: String

  func run() throws {
    let input: PlanInputs.Input = file == "-" ? .standardInput : .file(file)
    let bytes: [UInt8]
    switch PlanInputs.readWithin(input, limit: 512 << 20) {
    case .success(let text): bytes = text.bytes
    case .failure(let error): throw ValidationError("cannot read \(file): \(error.reason)")
    }
    switch ReportDocument.read(bytes) {
    case .success(let document):
      do throws(AtomicFile.WriteError) {
        try AtomicFile.write(Array(RunPage().render(document).utf8), to: html)
      } catch {
        Environment.printError("error: \(error.message)\n")
        throw ExitCode(1)
      }
    case .failure(let error):
      throw ValidationError("\(file) is \(error.message)")
    }
  }
}
