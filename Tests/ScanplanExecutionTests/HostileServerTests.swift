import ScanplanEmulator
import ScanplanExecution
import ScanplanReport
import ScanplanVendorKit
import ScanplanVendors
import Testing

/// A server behaving badly for one asset's scan: the run must end, that scan with a
/// clear message, and every other scan intact.
@Suite(.serialized) struct HostileServerTests {
  static let hostileAsset = uuid(1)

  static func run(
    _ behavior: EmulatorConfiguration.HostileBehavior, requestTimeout: Double = 2,
    asset: String = hostileAsset, dialect: EmulatorDialect = .seed
  ) async throws -> EmulatorRun {
    try await EmulatorRun.run(
      configure: {
        $0.hostile[asset] = behavior
        $0.runSeconds = 1...1.5
        $0.dialect = dialect
      },
      requestTimeout: requestTimeout,
      scheduler: {
        // Retries quickly, so that a scan the server never answers properly errors fast.
        $0.retryBase = 0.05
        $0.retryCap = 0.2
      })
  }

  static func expectOthersIntact(
    _ run: EmulatorRun, except hostile: String = "web-1/quick",
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    for record in run.records where record.id != hostile {
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

  /// One odd answer for one scan: how that scan ends, in words.
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let behavior: EmulatorConfiguration.HostileBehavior
    /// The Invicti target's scan rather than an S4E asset's.
    var invicti = false
    var dialect: EmulatorDialect = .seed
    let outcome: ScanOutcome
    /// Triggers the server received for the scan's asset.
    var triggers = 1
    /// The expected outcome, `SCAN` in its reason standing for the scan's id.
    func expected(scanID: String?) -> ScanOutcome {
      guard case .errored(let reason) = outcome, let scanID else { return outcome }
      return .errored(reason.replacing("SCAN", with: scanID))
    }
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "a trigger answered without a scan id", behavior: .triggerWithoutID,
      outcome: .errored(
        "the trigger was answered 201, but the trigger answer has no `scan_id`; "
          + "the scan may have been created, so it is not triggered again")),
    Case(
      name: "a trigger answered with an id of the wrong type", behavior: .triggerIDOfWrongType,
      dialect: .reference,
      outcome: .errored(
        "the trigger was answered 201, but the trigger answer's `scan_id` is a boolean, not a string; "
          + "the scan may have been created, so it is not triggered again")),
    Case(
      name: "an Invicti trigger answered with `Location: ?` and no id",
      behavior: .locationWithoutID,
      invicti: true,
      outcome: .errored(
        "the trigger was answered 201, but the trigger answer has no `scan_id`, and its `Location` (`?`) names no scan; "
          + "the scan may have been created, so it is not triggered again")),
    Case(
      name: "a status that is not a string", behavior: .statusNotAString,
      outcome: .errored("the status answer's `status` is a number, not a string, 6 times in a row")),
    Case(
      name: "an Invicti status that is not a string", behavior: .statusNotAString, invicti: true,
      dialect: .reference,
      outcome: .errored(
        "the scan answer's `current_session.status` is a number, not a string, 6 times in a row")),
    Case(
      name: "a status answered in plain text", behavior: .plainTextStatus,
      outcome: .errored("the status answer is `text/plain`, not JSON, 6 times in a row")),
    Case(
      name: "a status that is not UTF-8", behavior: .nonUTF8Status,
      outcome: .errored("the status answer is not UTF-8 text, 6 times in a row")),
    Case(
      name: "a 10 MB status", behavior: .oversizedBody(bytes: 10 << 20),
      outcome: .errored("the answer is larger than 1024 KiB, 6 times in a row")),
    Case(
      name: "an Invicti list without the scan", behavior: .answersForAnotherScan, invicti: true,
      outcome: .errored(
        "the scan answer lists 1 scan, none of them `SCAN`, 6 times in a row"
      )),
    Case(
      name: "an S4E error in its reference's envelope", behavior: .vendorError(status: 400),
      dialect: .reference,
      outcome: .failed(
        "the trigger was answered 400: scanning is not allowed for this target (scan_refused)")),
    Case(
      name: "an Invicti error in its reference's shape", behavior: .vendorError(status: 422),
      invicti: true, dialect: .reference,
      outcome: .failed("the trigger was answered 422: scanning is not allowed for this target")),
  ]

  @Test(arguments: cases)
  func anOddAnswerEndsOnlyItsScanWithAClearReason(_ test: Case) async throws {
    let asset = test.invicti ? uuid(100) : Self.hostileAsset
    let id = test.invicti ? "api-0/scan" : "web-1/quick"
    let run = try await Self.run(test.behavior, asset: asset, dialect: test.dialect)
    let record = try #require(run.records.first { $0.id == id })
    #expect(record.outcome == test.expected(scanID: record.scanID), "\(run.output)")
    #expect(run.emulator.triggersByAsset[asset] == test.triggers)
    Self.expectOthersIntact(run, except: id)
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
    let elsewhere = try await Emulator.start(
      configuration: EmulatorConfiguration(registry: Vendors.registry))
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
