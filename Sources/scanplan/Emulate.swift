import ArgumentParser
import ScanplanEmulator
import ScanplanVendorKit
import UnixSignals

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `scanplan emulate --port N`
struct Emulate: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Serve every vendor API on loopback, in memory, for trying plans and for tests.",
    discussion: """
      Each registered vendor answers under its own path prefix (S4E /api/, Invicti \
      /api/v1/, ZAP /JSON/), with the credentials printed at start. Point a provider's base_url at it: http on 127.0.0.1 is allowed. With \
      --tls-cert and --tls-key it serves https, as an on-premises server with its own CA \
      does; point the provider's ca_file at that CA. Ctrl-C stops it.
      """)

  @Option(help: "The port on 127.0.0.1; 0 picks a free one.")
  var port = 8080

  @Option(
    help: ArgumentHelp(
      "Serve https with this PEM certificate (chain), with --tls-key.", valueName: "file"))
  var tlsCert: String?

  @Option(help: ArgumentHelp("The PEM private key of --tls-cert.", valueName: "file"))
  var tlsKey: String?

  @Option(
    help: ArgumentHelp(
      "Answer in the shapes of the seed documents or of the vendors' API references.",
      valueName: "seed|reference"))
  var dialect = EmulatorDialect.seed

  @Flag(help: "Enforce the trigger limits the vendors publish (S4E: 10 scans a minute).")
  var publishedLimits = false

  @Option(help: "Seconds each scan spends paused half-way (Invicti: pausing, paused, resuming).")
  var pauseSeconds = 0.0

  @Option(help: "Share of scans stopped from outside before they end (0 to 1).")
  var cancelRate = 0.0

  @Option(
    help: ArgumentHelp(
      "Requests per second each vendor answers before it answers 429.", valueName: "rate"))
  var rateLimit: Double?

  @Flag(help: "Make --rate-limit strict: at most that many requests in any second, no burst.")
  var strictRateLimit = false

  @Flag(help: "Tell the --rate-limit in RateLimit-Policy, -Limit, -Remaining and -Reset headers.")
  var rateLimitHeaders = false

  @Option(help: ArgumentHelp("How long scans run, in seconds.", valueName: "min:max"))
  var scanSeconds = SecondsRangeArgument(argument: "2:4")!

  @Option(help: "Share of scans that end failed (0 to 1).")
  var failureRate = 0.0

  @Option(help: "Share of requests answered 500, 502 or 503.")
  var serverErrors = 0.0

  @Option(help: "Share of requests answered late.")
  var slowAnswers = 0.0

  @Option(help: "Share of triggers whose answer is lost after the scan was created.")
  var lostTriggers = 0.0

  @Option(help: "Share of status answers with a status no client knows.")
  var unknownStatuses = 0.0

  @Option(help: "Share of scans whose reported counts disagree with the findings they list.")
  var countMismatches = 0.0

  @Option(help: "Share of scans whose findings endpoints answer 500, every time.")
  var findingsErrors = 0.0

  @Option(
    help: ArgumentHelp(
      "Findings every completed scan lists (by default about 18, by severity).", valueName: "n"))
  var findingsPerScan: Int?

  @Option(help: "Seed of every random choice.")
  var seed: UInt64 = 1

  func validate() throws {
    guard (tlsCert == nil) == (tlsKey == nil) else {
      throw ValidationError("--tls-cert and --tls-key go together")
    }
    guard pauseSeconds >= 0, (0...1).contains(cancelRate) else {
      throw ValidationError("--pause-seconds is at least 0 and --cancel-rate from 0 to 1")
    }
    guard (0...1).contains(countMismatches), (0...1).contains(findingsErrors) else {
      throw ValidationError("--count-mismatches and --findings-errors take 0 to 1")
    }
    if let findingsPerScan, findingsPerScan < 0 {
      throw ValidationError("--findings-per-scan is at least 0")
    }
  }

  func run() async throws {
    var tls: EmulatorTLS?
    if let tlsCert, let tlsKey {
      do {
        tls = try EmulatorTLS(certificateFile: tlsCert, keyFile: tlsKey)
      } catch {
        throw ValidationError(error.message)
      }
    }
    var configuration = EmulatorConfiguration(registry: Program.registry)
    configuration.dialect = dialect
    configuration.publishedLimits = publishedLimits
    configuration.pauseSeconds = pauseSeconds
    configuration.cancelRate = cancelRate
    configuration.runSeconds = scanSeconds.range
    configuration.rateLimit = rateLimit
    configuration.rateLimitHeaders = rateLimitHeaders
    configuration.strictRateLimit = strictRateLimit
    configuration.failureRate = failureRate
    configuration.faults.serverErrors = serverErrors
    configuration.faults.slowAnswers = slowAnswers
    configuration.faults.lostTriggerAnswers = lostTriggers
    configuration.faults.unknownStatuses = unknownStatuses
    configuration.faults.countMismatches = countMismatches
    configuration.faults.findingsErrors = findingsErrors
    configuration.findingsPerScan = findingsPerScan
    configuration.seed = seed
    let emulator: Emulator
    do {
      emulator = try await Emulator.start(port: port, configuration: configuration, tls: tls)
    } catch let error as EmulatorTLSError {
      throw ValidationError(error.message)
    }
    // Scripts read the first line: `scanplan emulator at URL`.
    var text = "scanplan emulator at \(emulator.baseURL)\n"
    text += "  answering in the \(configuration.dialect.rawValue) documents' shapes\n"
    for vendor in Program.registry.vendors {
      let header = vendor.api.authorizationHeaders(token: configuration.token(for: vendor.type))
      text +=
        "  \(vendor.table.displayName): "
        + header.map { "\($0.name): \($0.value)" }.joined(separator: ", ") + "\n"
    }
    print(text + "Ctrl-C stops it.")
    fflush(nil)
    for await _ in await Signals.trap(.sigint, .sigterm) { break }
    await emulator.stop()
  }
}
