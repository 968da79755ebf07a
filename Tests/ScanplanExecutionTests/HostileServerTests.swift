import ScanplanEmulator
import ScanplanExecution
import ScanplanVendorKit
import Testing

/// A server behaving badly for one asset's scan: the run must end, that scan with a
/// clear message, and every other scan intact.
@Suite(.serialized) struct HostileServerTests {
  static let hostileAsset = uuid(1)

  static func run(
    _ behavior: EmulatorConfiguration.HostileBehavior, requestTimeout: Double = 2
  ) async throws -> EmulatorRun {
    try await EmulatorRun.run(
      configure: {
        $0.hostile[hostileAsset] = behavior
        $0.runSeconds = 1...1.5
      },
      requestTimeout: requestTimeout,
      scheduler: {
        // Retries quickly, so that a scan the server never answers properly errors fast.
        $0.retryBase = 0.05
        $0.retryCap = 0.2
      })
  }

  static func expectOthersIntact(
    _ run: EmulatorRun, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for record in run.report.records where record.id != "web-1/quick" {
      #expect(
        record.outcome == .completed, "\(record.id): \(String(describing: record.outcome))",
        sourceLocation: sourceLocation)
    }
    run.expectNoSecrets(sourceLocation: sourceLocation)
  }

  static func erroredReason(_ run: EmulatorRun) -> String? {
    if case .errored(let reason)? = run.outcome("web-1/quick") { return reason }
    return nil
  }

  @Test func malformedJSONErrorsTheScanAfterItsRetries() async throws {
    let run = try await Self.run(.malformedJSON)
    #expect(Self.erroredReason(run) == "the status answer is not a JSON object, 6 times in a row")
    Self.expectOthersIntact(run)
  }

  @Test func aBodyPastTheCapIsNotRead() async throws {
    let run = try await Self.run(.oversizedBody(bytes: 2 << 20))
    #expect(Self.erroredReason(run) == "the answer is larger than 1024 KiB, 6 times in a row")
    Self.expectOthersIntact(run)
  }

  @Test func htmlInsteadOfJSONSaysSo() async throws {
    let run = try await Self.run(.htmlInsteadOfJSON)
    #expect(
      Self.erroredReason(run) == "the status answer is `text/html`, not JSON, 6 times in a row")
    Self.expectOthersIntact(run)
  }

  @Test func aMissingContentTypeIsForgiven() async throws {
    let run = try await Self.run(.missingContentType)
    #expect(run.outcome("web-1/quick") == .completed)
    Self.expectOthersIntact(run)
  }

  @Test func aRedirectIsNotFollowedAndTheTokenStaysHome() async throws {
    let elsewhere = try await Emulator.start()
    let run = try await Self.run(.redirect(to: elsewhere.baseURL))
    #expect(
      run.outcome("web-1/quick")
        == .failed(
          "the trigger was answered with a redirect to \(elsewhere.baseURL)/api/scan/create, which is not followed"
        ))
    #expect(elsewhere.requests.isEmpty)
    await elsewhere.stop()
    Self.expectOthersIntact(run)
  }

  @Test func anAnswerThatNeverComesTimesOut() async throws {
    let run = try await Self.run(.neverAnswers, requestTimeout: 0.5)
    #expect(Self.erroredReason(run) == "no answer within 0.5 s, 6 times in a row")
    Self.expectOthersIntact(run)
  }

  @Test func aStatusThatGoesBackwardsIsWarnedOf() async throws {
    let run = try await Self.run(.statusGoesBackwards)
    #expect(run.outcome("web-1/quick") == .completed)
    #expect(
      run.output.contains(
        "web-1/quick  warning: the status went back from `running` to `queued`; still polling"))
    Self.expectOthersIntact(run)
  }
}
