import ArgumentParser
import ScanplanExecution

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `scanplan state`: what a `--state` file holds.
struct State: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Read a run's state file (run --state FILE).",
    subcommands: [Show.self])

  /// `scanplan state show FILE`
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List what a state file holds: per scan, its outcome, verdict and vendor id.",
      discussion: """
        A scan that ended shows its outcome and its gate's verdict (or why it failed); one \
        still running shows `running` and its id at the vendor; `attempted` is a trigger \
        sent whose answer was not recorded; `not_sent` is a scan whose asset's scans were \
        listed before its trigger, which was never sent. A run with this file reports ended \
        scans as listed, polls running ones, looks for an attempted trigger's scan before \
        triggering again, and triggers a scan not sent. Exits 0, or 64 when the file is missing or not a state file.
        """)

    @Argument(help: "The state file.")
    var file: String

    @Option(help: ArgumentHelp("Output format: text or json.", valueName: "format"))
    var format: TextOrJSON = .text

    func run() throws {
      guard access(file, F_OK) == 0 else { throw ValidationError("no state file at \(file)") }
      let journal: StateJournal
      do {
        journal = try StateJournal(path: file)
      } catch {
        throw ValidationError(error.message)
      }
      let listing = StateListing(journal)
      print(format == .json ? listing.json() : listing.text(), terminator: "")
    }
  }
}
