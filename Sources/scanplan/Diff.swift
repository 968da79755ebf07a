import ArgumentParser
import ScanplanPlan
import ScanplanRendering
import ScanplanSupport

/// `scanplan diff BASE HEAD`
struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Show what a change to plans does to their scans.",
    discussion: """
      Each side is a plan file, a directory or - for standard input, read as validate \
      reads them. Prints the scans added (+), removed (-) and changed (~), by id, each \
      changed field with its old and new value, then the number of unchanged scans. \
      Environment references are compared as written, never resolved. Exits 0, \
      \(ExitStatus.invalid.code) when either side is invalid (with its diagnostics), \
      \(ExitStatus.usage.code) on wrong usage; with --exit-code, as git diff's, \
      \(ExitStatus.differs); with --fail-on-weakened, \(ExitStatus.weakened) (marked ⚠), \
      so a repository can ask for a security review.
      """)

  @Argument(help: "The plans before the change: a file, a directory, or -.")
  var base: String

  @Argument(help: "The plans after the change: a file, a directory, or -.")
  var head: String

  @Option(help: ArgumentHelp("Output format: text, markdown or json.", valueName: "format"))
  var format: DiffFormat = .text

  @Flag(help: "Exit 1 when a scan is added, removed or changed, 0 when none is.")
  var exitCode = false

  @Flag(
    help:
      "Exit 1 when a change weakens a scan (a gate removed or loosened, a scan removed, wait: false, ...)."
  )
  var failOnWeakened = false

  func validate() throws {
    if base == "-" && head == "-" {
      throw ValidationError("only one side can be read from standard input")
    }
  }

  func run() throws {
    let sides = try PlanLoading.validSides([[base], [head]])
    switch PlanDiff.compare(base: sides[0], head: sides[1]) {
    case .success(let diff):
      print(format.render(diff), terminator: "")
      if exitCode, !diff.isEmpty { throw ExitCode(.differs) }
      if failOnWeakened, diff.weakened { throw ExitCode(.weakened) }
    case .failure(let error): throw ValidationError(error.message)
    }
  }
}

extension DiffFormat: ExpressibleByArgument {}
