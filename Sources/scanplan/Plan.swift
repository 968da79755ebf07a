import ArgumentParser
import ScanplanExecution
import ScanplanPlan

/// `scanplan plan PATH...`
struct Plan: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the requests a run would send, without sending anything.",
    discussion: """
      For each selected scan: method, URL, headers (tokens shown as their ${NAME} \
      reference, never their value) and the JSON body after merging, then the environment \
      variables a run needs and which of them are unset. Exits 2 on an invalid plan.
      """)

  @Argument(help: "Plan files, directories, or - for standard input.")
  var paths: [String]

  @OptionGroup var selection: SelectionOptions

  @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"))
  var format: TextOrJSON = .text

  func run() throws {
    let plans = try PlanLoading.validPlans(paths)
    let selection = try selection.selection()
    let check = SelectionCheck(selection, plans: plans)
    guard check.problems.isEmpty else {
      throw ValidationError(check.problems.joined(separator: "\n"))
    }
    var dryRun = DryRun(plans, selection: selection, environment: Environment.current)
    dryRun.notice = check.emptyShard
    print(format == .json ? dryRun.json() : dryRun.text(), terminator: "")
  }
}

/// `--format` of `plan` and `state show`.
enum TextOrJSON: String, ExpressibleByArgument, CaseIterable {
  case text
  case json
}
