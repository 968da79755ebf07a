import ArgumentParser
import Logging
import ScanplanEmulator
import ScanplanExecution
import ScanplanPlan
import ScanplanRendering
import ScanplanReport
import ScanplanSupport
import ScanplanVendorKit
import UnixSignals

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `scanplan run PATH...`
struct Run: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Trigger every selected scan once and poll each until it ends.",
    discussion: """
      Requests to each provider stay inside its requests_per_second budget. Tokens come from \
      the environment; a missing variable stops the run before anything is sent. With \
      --state, every trigger is recorded before the run moves on, and a run started again \
      with the same file re-attaches to its scans instead of triggering them twice. Ctrl-C \
      stops new triggers, saves the state and exits \(ExitStatus.refused.code). Exit codes: \
      \(ExitStatus.list(ExitStatus.common)).
      """)

  @Argument(help: "Plan files, directories, or - for standard input.")
  var paths: [String]

  @OptionGroup var selection: SelectionOptions

  @Flag(help: "Run against the built-in emulator with sandbox tokens and short scans.")
  var sandbox = false

  @Option(help: ArgumentHelp("Scans running at once across the run.", valueName: "n"))
  var concurrency: Int?

  @Option(
    help: ArgumentHelp(
      "Record triggers here and re-attach to them on a later run.", valueName: "file"))
  var state: String?

  @OptionGroup var files: ReportFiles

  @Option(help: ArgumentHelp("Seconds to wait for each answer.", valueName: "seconds"))
  var requestTimeout: Double = 30

  @Option(help: .hidden)
  var seed: UInt64?

  @Flag(
    name: .shortAndLong,
    help: "Log each request to standard error: method, URL, status and time; -vv adds answers.")
  var verbose: Int

  @Flag(name: .shortAndLong, help: "Print only the closing summary and errors.")
  var quiet = false

  func validate() throws {
    if quiet, verbose > 0 { throw ValidationError("--quiet and --verbose do not go together") }
    if let concurrency, concurrency < 1 {
      throw ValidationError("--concurrency must be at least 1")
    }
    guard requestTimeout > 0 else {
      throw ValidationError("--request-timeout must be greater than 0")
    }
  }

  func run() async throws {
    let plans = try PlanLoading.validPlans(paths)
    let selection = try selection.selection()
    let baseline = try files.readBaseline()
    let check = SelectionCheck(selection, plans: plans)
    guard check.problems.isEmpty else {
      throw ValidationError(check.problems.joined(separator: "\n"))
    }
    if let emptyShard = check.emptyShard {
      // Not an error: the other jobs of a CI matrix run this plan's scans.
      print(emptyShard + "; nothing to run")
      let now = UTCDate.now()
      let empty = RunReport(
        records: [], startedAt: now, endedAt: now, interrupted: false, unreachableProviders: [],
        baseline: baseline?.source)
      if !files.write(empty, jobSummary: true) { throw ExitCode(.failed) }
      return
    }
    var emulator: Emulator?
    var override: SandboxOverride?
    if sandbox {
      var configuration = EmulatorConfiguration(registry: Program.registry)
      configuration.idSeries = UInt16.random(in: 1...UInt16.max)
      let started = try await Emulator.start(configuration: configuration)
      emulator = started
      override = SandboxOverride(
        baseURL: started.baseURL,
        tokens: Dictionary(
          uniqueKeysWithValues: Program.registry.types.map { ($0, configuration.token(for: $0)) }),
        maxPollInterval: 2)
      print(
        "sandbox: every vendor API emulated at \(started.baseURL); nothing leaves this machine")
    }
    let plan: RunPlan
    switch RunPlan.prepare(
      plans, environment: Environment.current, selection: selection, sandbox: override)
    {
    case .success(let prepared):
      plan = prepared
    case .failure(let error):
      await emulator?.stop()
      if error.isUsage { throw ValidationError(error.problems.joined(separator: "\n")) }
      Environment.printError(
        error.problems.map { "error: \($0)\n" }.joined() + "nothing was sent\n")
      throw ExitCode(.invalid)
    }
    var journal: StateJournal?
    if let state {
      do {
        journal = try StateJournal(path: state)
      } catch {
        await emulator?.stop()
        Environment.printError("error: \(error.message)\n")
        throw ExitCode(.invalid)
      }
    }
    let redactor = Redactor(secrets: plan.secrets)
    let live = isatty(1) == 1 && Environment.current["TERM"] != "dumb"
    let console = RunConsole(
      plan: plan, live: live, redactor: redactor, baseline: baseline != nil
    ) { text in
      print(text, terminator: "")
      fflush(nil)
    }
    console.quiet = quiet
    let interrupt = InterruptSignal()
    // Ctrl-C: the first stops new triggers, a second quits at once.
    let signals = await Signals.watch(.sigint) { count in
      if count == 1 {
        Environment.printError(
          "\ninterrupted: no new triggers; saving state (Ctrl-C again to quit at once)\n")
        interrupt.fire()
      } else {
        Environment.exitNow(130)
      }
    }
    // Logs go to standard error, through the same redaction as every output.
    let level: Logger.Level = verbose > 1 ? .debug : .info
    // Values as written and as a URL's query carries them; a value of a few characters
    // would hide every place its characters appear, and is no secret.
    let logRedactor = Redactor(
      secrets: plan.secrets
        + plan.environmentValues.filter { $0.count >= 4 }.flatMap {
          [$0, PercentEncoding.encode($0)]
        })
    let logger = Logger(label: "scanplan") { label in
      RedactingLogHandler(label: label, level: level, redactor: logRedactor) {
        Environment.printError($0)
      }
    }
    let client = AsyncHTTPClientTransport(
      requestTimeout: requestTimeout, logger: verbose > 1 ? logger : nil)
    let transport: any HTTPTransport =
      verbose > 0 ? LoggingTransport(client, logger: logger) : client
    var configuration = SchedulerCore.Configuration(
      epochAtStart: UTCDate.now(), concurrency: concurrency)
    configuration.baseline = baseline
    let driver = RunDriver(
      plan: plan, transport: transport, configuration: configuration,
      random: seed.map { SeededRandom(seed: $0) } ?? .system())
    let outcome = await driver.run(journal: journal, console: console, interrupt: interrupt)
    // Every output is drawn from one report in memory, its secrets redacted first.
    let (result, stateError) = (outcome.report.redacted(redactor.redact), outcome.stateError)
    signals.cancel()
    await client.shutdown()
    await emulator?.stop()
    var code = result.exitCode
    if !files.write(result, jobSummary: true) { code = max(code, ExitStatus.failed.code) }
    print(
      console.summary(result, resume: state == nil ? nil : Self.commandLine()), terminator: "")
    if let stateError {
      Environment.printError(
        "error: \(stateError.message); the run stopped so that no trigger goes unrecorded\n")
      code = ExitStatus.refused.code
    }
    ProcessLifetime.keep(outcome)
    if code != 0 { throw ExitCode(code) }
  }

  /// This process's command line as a shell reads it, with the program named `scanplan`:
  /// the command that resumes an interrupted run with the same state file.
  static func commandLine() -> String {
    let words = ["scanplan"] + CommandLine.arguments.dropFirst()
    return words.map { word in
      let safe =
        !word.isEmpty
        && word.unicodeScalars.allSatisfy {
          $0.isASCII
            && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
              || "_./:=@%+,-".unicodeScalars.contains($0))
        }
      return safe
        ? word
        : "'"
          + word.split(separator: "'", omittingEmptySubsequences: false)
          .joined(separator: "'\\''") + "'"
    }.joined(separator: " ")
  }
}
