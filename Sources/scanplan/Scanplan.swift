import ArgumentParser
import ScanplanPlan

/// The `scanplan` command: wiring only; the work happens in the libraries.
@main
struct Scanplan: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scanplan",
    abstract: "Run security scans from plan files checked into git.",
    discussion: """
      Exit codes: 0 success; 1 a scan failed or a gate failed; 2 the plan is invalid \
      (nothing was sent); 3 a provider refused the run, or it was interrupted; 64 wrong usage.
      """,
    version: ScanplanVersion.current,
    subcommands: [
      Validate.self, Plan.self, Diff.self, Run.self, Report.self, State.self, Init.self,
      Emulate.self,
      Schema.self,
      Docs.self,
      Explain.self,
    ]
  )
}
