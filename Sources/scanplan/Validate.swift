import ArgumentParser
import ScanplanExecution
import ScanplanPlan
import ScanplanRendering
import ScanplanSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `scanplan validate PATH...`
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check plan files without sending anything.",
    discussion: """
      Reports every problem in every file at once, sorted by position. Directories are \
      searched for *.yaml and *.yml files (hidden entries skipped); `-` reads standard input. \
      Exits 0 when every plan is valid, 2 when one is not, 64 on wrong usage.
      """)

  @Argument(help: "Plan files, directories, or - for standard input.")
  var paths: [String]

  @Option(
    help: ArgumentHelp(
      "Output format: text, json, github, sarif or junit (github by default inside GitHub Actions).",
      valueName: "format"))
  var format: DiagnosticFormat?

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  @Option(help: ArgumentHelp("Colour text output: auto, always or never.", valueName: "when"))
  var color: ColorChoice = .auto

  func run() throws {
    let environment = Environment.current
    let validations: [PlanValidation]
    switch PlanSet.load(paths, format: Program.format, strict: strict, resolving: false) {
    case .success(let set): validations = set.validations
    case .failure(let error): throw ValidationError(error.message)
    }
    let output: String
    switch format ?? .automatic(environment: environment) {
    case .text:
      let colored = color.resolve(isTerminal: isatty(1) == 1, environment: environment)
      output = TextRenderer(color: colored).render(validations)
    case .json:
      output = JSONDiagnosticsRenderer.render(validations)
    case .github:
      output = GitHubAnnotationRenderer.render(validations)
    case .sarif:
      output = SARIFRenderer.render(validations, toolVersion: ScanplanVersion.current)
    case .junit:
      output = JUnitDiagnosticsRenderer.render(validations)
    }
    print(output, terminator: "")
    if let summaryPath = StepSummaryFile.path(in: environment),
      let problem = StepSummaryFile.append(
        ValidateStepSummary.render(validations), to: summaryPath)
    {
      Environment.printError("warning: the job summary was not written: \(problem)\n")
    }
    // Kept to the process's end: freeing every node of every plan one by one on the way
    // out costs a large plan more than printing its result.
    ProcessLifetime.keep(validations)
    if validations.contains(where: \.hasErrors) { throw ExitCode(.invalid) }
  }
}

extension DiagnosticFormat: ExpressibleByArgument {}
extension ColorChoice: ExpressibleByArgument {}
