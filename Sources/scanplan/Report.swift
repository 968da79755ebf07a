import ArgumentParser
import ScanplanReport
import ScanplanSupport

/// `scanplan report REPORT.json --html FILE --sarif FILE --junit FILE [--baseline OLD.json]`
struct Report: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Draw a run report (run --report FILE.json) again: as a page, SARIF, JUnit, JSON.",
    discussion: """
      Writes what run writes, from a report written earlier: the self-contained HTML page \
      (a timeline of every scan, each provider's budget use and 429 pauses, totals, gates \
      and findings), the findings as SARIF for code scanning, the JUnit file, and the \
      report itself. With --baseline, every finding is new, unchanged or absent against an \
      earlier report, and each gate is judged again on new findings only. Exits 0, or 64 \
      when a file is not a run report.
      """)

  @Argument(help: "The run report, or - for standard input.")
  var file: String

  @OptionGroup var files: ReportFiles

  func validate() throws {
    guard files.any else {
      throw ValidationError("nothing to write: give --html, --sarif, --junit or --report")
    }
  }

  func run() throws {
    var report = try ReportFiles.readReport(file, as: "the report")
    if let baseline = try files.readBaseline() { report = report.applying(baseline) }
    if !files.write(report, jobSummary: false) { throw ExitCode(.failed) }
  }
}
