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

/// Loading plans for the commands that act on them: invalid plans print their
/// diagnostics and exit 2, as `validate` would.
enum PlanLoading {
  static func validPlans(_ paths: [String]) throws -> [ResolvedPlan] {
    try validSides([paths])[0]
  }

  /// Each side's valid plans. Every side's diagnostics are printed before an invalid
  /// side exits 2, so one attempt shows every problem.
  static func validSides(_ sides: [[String]]) throws -> [[ResolvedPlan]] {
    var sets: [PlanSet] = []
    for paths in sides {
      switch PlanSet.load(paths, format: Program.format) {
      case .success(let loaded): sets.append(loaded)
      case .failure(let error): throw ValidationError(error.message)
      }
    }
    let colored = ColorChoice.auto.resolve(
      isTerminal: isatty(2) == 1, environment: Environment.current)
    let diagnostics = sets.flatMap(\.validations).filter { !$0.diagnostics.isEmpty }
    if !diagnostics.isEmpty {
      Environment.printError(TextRenderer(color: colored).render(diagnostics))
    }
    if sets.contains(where: \.hasErrors) { throw ExitCode(.invalid) }
    return sets.map(\.plans)
  }
}

/// `--only`, `--tag` and `--shard`, shared by `plan` and `run`.
struct SelectionOptions: ParsableArguments {
  @Option(
    name: .customLong("only"),
    help: ArgumentHelp("Run only this scan id (repeatable).", valueName: "scan-id"))
  var only: [String] = []

  @Option(
    name: .customLong("tag"),
    help: ArgumentHelp("Run only scans of assets with this tag (repeatable).", valueName: "tag"))
  var tags: [String] = []

  @Option(
    help: ArgumentHelp(
      "Run shard K of N (1 <= K <= N): a stable split of scan ids, with 1/N of every "
        + "provider's budget.",
      valueName: "K/N"))
  var shard: ShardArgument?

  func selection() throws -> RunSelection {
    var selection = RunSelection()
    selection.only = only
    selection.tags = tags
    selection.shard = shard?.shard
    return selection
  }
}
