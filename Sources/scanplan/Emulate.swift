import ArgumentParser
import Dispatch
import ScanplanEmulator

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `scanplan emulate --port N`
struct Emulate: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Serve both vendor APIs on loopback, in memory, for trying plans and for tests.",
    discussion: """
      S4E answers under /api/scan/ and Invicti under /api/v1/scans, with the tokens printed \
      at start. Point a provider's base_url at it: http on 127.0.0.1 is allowed. Ctrl-C stops it.
      """)

  @Option(help: "The port on 127.0.0.1; 0 picks a free one.")
  var port = 8080

  @Option(
    help: ArgumentHelp(
      "Requests per second each vendor answers before it answers 429.", valueName: "rate"))
  var rateLimit: Double?

  @Option(help: ArgumentHelp("How long scans run, in seconds.", valueName: "min:max"))
  var scanSeconds = "2:4"

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

  @Option(help: "Seed of every random choice.")
  var seed: UInt64 = 1

  func run() async throws {
    let span = scanSeconds.split(separator: ":").compactMap { Double($0) }
    guard span.count == 2, span[0] >= 0, span[0] <= span[1] else {
      throw ValidationError("--scan-seconds takes MIN:MAX, such as 2:4")
    }
    var configuration = EmulatorConfiguration()
    configuration.runSeconds = span[0]...span[1]
    configuration.rateLimit = rateLimit
    configuration.failureRate = failureRate
    configuration.faults.serverErrors = serverErrors
    configuration.faults.slowAnswers = slowAnswers
    configuration.faults.lostTriggerAnswers = lostTriggers
    configuration.faults.unknownStatuses = unknownStatuses
    configuration.seed = seed
    let emulator = try await Emulator.start(port: port, configuration: configuration)
    print(
      """
      scanplan emulator at \(emulator.baseURL)
        S4E:     Authorization: Bearer \(configuration.s4eToken)
        Invicti: X-Auth: \(configuration.invictiToken)
      Ctrl-C stops it.
      """)
    fflush(nil)
    let (stop, continuation) = AsyncStream.makeStream(of: Void.self)
    var sources: [any DispatchSourceSignal] = []
    for number in [SIGINT, SIGTERM] {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { continuation.yield() }
      source.resume()
      sources.append(source)
    }
    for await _ in stop { break }
    for source in sources { source.cancel() }
    await emulator.stop()
  }
}
