import ArgumentParser
import ScanplanExecution
import ScanplanPlan
import ScanplanRendering
import ScanplanReport
import ScanplanYAML

/// The files a run's report is drawn as, shared by `run` (from the report in memory) and
/// `report` (from a report written earlier).
struct ReportFiles: ParsableArguments {
  @Option(help: ArgumentHelp("Write the run report as JSON.", valueName: "file.json"))
  var report: String?

  @Option(
    help: ArgumentHelp("Write the run as JUnit XML, one test case per scan.", valueName: "file.xml")
  )
  var junit: String?

  @Option(
    help: ArgumentHelp(
      "Write the run as one self-contained HTML page: a timeline, budgets, gates, findings.",
      valueName: "file.html"))
  var html: String?

  @Option(
    help: ArgumentHelp(
      "Write the findings as SARIF 2.1.0 for code scanning, each at its scan's line of the plan.",
      valueName: "file.sarif"))
  var sarif: String?

  @Option(
    help: ArgumentHelp(
      "The most results the SARIF file keeps, new findings first (GitHub shows 5,000, takes 25,000).",
      valueName: "n"))
  var sarifLimit = FindingsSARIF.defaultLimit

  @Option(
    help: ArgumentHelp(
      "An earlier run's report: findings are new, unchanged or absent against it, and gates count new ones.",
      valueName: "report.json"))
  var baseline: String?

  func validate() throws {
    guard (1...FindingsSARIF.maximumLimit).contains(sarifLimit) else {
      throw ValidationError(
        "--sarif-limit takes 1 to \(FindingsSARIF.maximumLimit), the most GitHub takes in a run")
    }
  }

  /// Whether any file is asked for.
  var any: Bool { report != nil || junit != nil || html != nil || sarif != nil }

  /// The baseline, read before anything is sent: a file that cannot be read or is not a
  /// report is wrong usage.
  func readBaseline() throws -> Baseline? {
    guard let baseline else { return nil }
    return Baseline(try Self.readReport(baseline, as: "--baseline"), source: baseline)
  }

  /// A report file (or `-`) read and decoded; wrong usage when it cannot be.
  static func readReport(_ file: String, as what: String) throws -> RunReport {
    let input: PlanInputs.Input = file == "-" ? .standardInput : .file(file)
    let bytes: [UInt8]
    switch PlanInputs.readWithin(input, limit: 512 << 20) {
    case .success(let text): bytes = text.bytes
    case .failure(let error): throw ValidationError("\(what): cannot read \(file): \(error.reason)")
    }
    switch RunReport.read(bytes) {
    case .success(let report): return report
    case .failure(let error): throw ValidationError("\(what): \(file) is \(error.message)")
    }
  }

  /// The JSON report, written as it is made: a report of many findings is never whole
  /// in memory.
  private static func writeInPieces(_ report: RunReport, to path: String) -> AtomicFile.WriteError?
  {
    do throws(AtomicFile.WriteError) {
      let file = try AtomicFile.Writer(path: path)
      var failure: AtomicFile.WriteError?
      _ = report.json { text in
        if failure == nil {
          do throws(AtomicFile.WriteError) { try file.write(text) } catch { failure = error }
        }
        text.removeAll(keepingCapacity: true)
      }
      if let failure { return failure }
      try file.commit()
      return nil
    } catch {
      return error
    }
  }

  /// Writes every file asked for, and `summary` to the job summary when the environment
  /// names one; returns false when a file could not be written. The SARIF file's left-out
  /// results are said on standard error.
  func write(_ report: RunReport, jobSummary: Bool) -> Bool {
    var written = true
    var files: [(String, () -> String)] = []
    if let path = self.report, let problem = Self.writeInPieces(report, to: path) {
      Environment.printError("error: \(problem.message)\n")
      written = false
    }
    if let junit { files.append((junit, report.junit)) }
    if let html { files.append((html, { RunPage().render(report) })) }
    if let sarif {
      files.append(
        (
          sarif,
          {
            let (text, omitted) = FindingsSARIF(
              limit: sarifLimit, toolVersion: ScanplanVersion.current
            ).render(report)
            if omitted > 0 {
              Environment.printError(
                "note: the SARIF file keeps \(sarifLimit) results, new findings first; "
                  + "\(omitted) more are in the report (--sarif-limit raises the cap to "
                  + "\(FindingsSARIF.maximumLimit))\n")
            }
            return text
          }
        ))
    }
    for (path, text) in files {
      do throws(AtomicFile.WriteError) {
        let file = try AtomicFile.Writer(path: path)
        try file.write(text())
        try file.commit()
      } catch {
        Environment.printError("error: \(error.message)\n")
        written = false
      }
    }
    if jobSummary, let path = StepSummaryFile.path(in: Environment.current),
      let problem = StepSummaryFile.append(RunStepSummary().render(report), to: path)
    {
      Environment.printError("warning: the job summary was not written: \(problem)\n")
    }
    return written
  }
}
