import ArgumentParser
import ScanplanExecution
import ScanplanPlan
import ScanplanSupport

/// `scanplan plan PATH...`
struct Plan: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the requests a run would send, without sending anything.",
    discussion: """
      For each selected scan: method, URL, headers (tokens shown as their ${NAME} \
      reference, never their value) and the JSON body after merging, then the environment \
      variables a run needs and which of them are unset. Exits \(ExitStatus.invalid.code) on \
      an invalid plan. With --detailed-exitcode, as terraform plan's: \
      \(ExitStatus.list([.noChanges, .changes, .invalidPlan])).
      """)

  @Argument(help: "Plan files, directories, or - for standard input.")
  var paths: [String]

  @OptionGroup var selection: SelectionOptions

  @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"))
  var format: TextOrJSON = .text

  @Flag(
    help: "List each merged setting with the place it was written (its profile, defaults or scan).")
  var explainSettings = false

  @Flag(
    name: .customLong("detailed-exitcode"),
    help: """
      Exit \(ExitStatus.changes.code) when scans would be triggered, \
      \(ExitStatus.noChanges.code) when none would, \(ExitStatus.invalidPlan.code) on an \
      invalid plan.
      """)
  var detailedExitCode = false

  func run() throws {
    let plans: [ResolvedPlan]
    do {
      plans = try PlanLoading.validPlans(paths)
    } catch let code as ExitCode where detailedExitCode && code == ExitCode(.invalid) {
      // The invalid plan's code means "scans would be triggered" here: an invalid plan is
      // an error, as in terraform.
      throw ExitCode(.invalidPlan)
    }
    let selection = try selection.selection()
    let check = SelectionCheck(selection, plans: plans)
    guard check.problems.isEmpty else {
      throw ValidationError(check.problems.joined(separator: "\n"))
    }
    var dryRun = DryRun(plans, selection: selection, environment: Environment.current)
    dryRun.notice = check.emptyShard
    print(
      format == .json ? dryRun.json() : dryRun.text(explainingSettings: explainSettings),
      terminator: "")
    if detailedExitCode, !dryRun.entries.isEmpty { throw ExitCode(.changes) }
  }
}

/// `--format` of `plan` and `state show`.
enum TextOrJSON: String, ExpressibleByArgument, CaseIterable {
  case text
  case json
}
