import ArgumentParser
import ScanplanPlan
import ScanplanSupport

/// The `scanplan` command: wiring only; the work happens in the libraries.
@main
struct Scanplan: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scanplan",
    abstract: "Run security scans from plan files checked into git.",
    discussion: "Exit codes: \(ExitStatus.list(ExitStatus.common)).",
    version: ScanplanVersion.current,
    subcommands: [
      Validate.self, Plan.self, Diff.self, Run.self, Report.self, State.self, Init.self,
      Emulate.self,
      Schema.self,
      Docs.self,
      Explain.self,
    ]
  )

  /// `scanplan` alone is wrong usage: it prints the help where errors go, and exits 64.
  func run() throws {
    Environment.printError(Self.helpMessage() + "\n")
    throw ExitCode(.usage)
  }

  /// Runs the command line. An error found after parsing (a selection that names nothing,
  /// a file that is no report) prints the usage of the subcommand it belongs to, not the
  /// root's.
  static func main() async {
    var parsed: (any ParsableCommand)?
    do {
      var command = try await asyncParseAsRoot(nil)
      parsed = command
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch let code as ExitCode {
      // The one way out of a command that ends other than with success.
      Environment.exitNow(code.rawValue)
    } catch let error as ValidationError {
      guard let command = parsed, !(command is Scanplan) else { exit(withError: error) }
      let subcommand = type(of: command)
      let name = subcommand._commandName
      Environment.printError(
        "Error: \(error.message)\nUsage: " + usageString(for: subcommand) + "\n"
          + "  See 'scanplan \(name) --help' for more information.\n")
      exit(withError: ExitCode.validationFailure)
    } catch {
      exit(withError: error)
    }
  }
}
