import NIOConcurrencyHelpers
import ScanplanEmulator
import ScanplanExecution
import ScanplanInvicti
import ScanplanJSON
import ScanplanPlan
import ScanplanReport
import ScanplanS4E
import ScanplanSupport
import ScanplanVendorKit
import ScanplanVendors
import ScanplanYAML
import Testing

/// Collects what a run prints.
final class Output: Sendable {
  private let text = NIOLockedValueBox("")
  var value: String { text.withLockedValue { $0 } }
  func append(_ more: String) { text.withLockedValue { $0 += more } }
}

/// Records each request the runner handed its transport. When they left is the
/// timeline's business (`RunTimeline.budgets`), read where the pacer lets them go.
final class RecordingTransport: HTTPTransport {
  let inner: any HTTPTransport
  private let urls = NIOLockedValueBox<[String]>([])

  init(_ inner: any HTTPTransport) { self.inner = inner }

  var sent: [String] { urls.withLockedValue { $0 } }

  func send(_ request: HTTPRequest) async -> Result<HTTPResponse, TransportError> {
    urls.withLockedValue { $0.append(request.url) }
    return await inner.send(request)
  }
}

/// One run against a fresh emulator.
struct EmulatorRun {
  let emulator: Emulator
  let report: RunReport
  let records: RunTable<JobID, ScanRecord>
  let output: String
  let sent: [String]
  let timeline: RunTimeline

  static let s4eToken = "integration-s4e-token-0123456789"
  static let invictiToken = "integration-invicti-token-abcdef"

  /// A plan of S4E and Invicti assets against `baseURL`. S4E triggers are limited by
  /// `triggersPerMinute` (nil: S4E's published 10), high by default so that runs take
  /// seconds; `caFile`, when given, is every provider's.
  static func plan(
    baseURL: String, s4eAssets: Int = 3, invictiAssets: Int = 1, rate: Double = 4,
    onConflict: String = "adopt", extraAsset: String = "", triggersPerMinute: Int? = 6000,
    caFile: String? = nil, gate: String = "{ critical: 5 }", readFindings: Bool = true
  ) -> String {
    let trust = caFile.map { "\n    ca_file: \($0)" } ?? ""
    var text = """
      version: 1
      providers:
        s4e:
          type: s4e
          base_url: \(baseURL)
          token: ${S4E_API_TOKEN}\(trust)
          requests_per_second: \(rate)\(triggersPerMinute.map { "\n    triggers_per_minute: \($0)" } ?? "")
          on_conflict: \(onConflict)
          poll: { initial_interval: 1s, max_interval: 1s }
        inv:
          type: invicti
          base_url: \(baseURL)
          token: ${INVICTI_API_TOKEN}\(trust)
          requests_per_second: \(rate)
          read_findings: \(readFindings)
          poll: { initial_interval: 1s, max_interval: 1s }
      assets:

      """
    for index in 0..<s4eAssets {
      text +=
        "  - { name: web-\(index), provider: s4e, asset_id: \(uuid(index)), scans: [{ scan_type: quick }] }\n"
    }
    for index in 0..<invictiAssets {
      text += """
          - name: api-\(index)
            provider: inv
            target_id: \(uuid(100 + index))
            user_authorized_to_scan: yes
            scans: [{ profile_id: 11111111-1111-1111-1111-111111111112, fail_on: \(gate) }]

        """
    }
    return text + extraAsset
  }

  static func run(
    configure: (inout EmulatorConfiguration) -> Void = { _ in },
    plan: (String) -> String = { plan(baseURL: $0) },
    tokens: (s4e: String, invicti: String) = (s4eToken, invictiToken),
    requestTimeout: Double = 30,
    scheduler: (inout SchedulerCore.Configuration) -> Void = { _ in },
    tls: EmulatorTLS? = nil,
    planFile: String = "plan.yaml",
    before: (Emulator) async -> Void = { _ in }
  ) async throws -> EmulatorRun {
    var configuration = EmulatorConfiguration(registry: Vendors.registry)
    configuration.tokens = [.s4e: s4eToken, .invicti: invictiToken]
    configuration.queueSeconds = 0.1
    configuration.runSeconds = 0.3...0.8
    configure(&configuration)
    let emulator = try await Emulator.start(configuration: configuration, tls: tls)
    await before(emulator)
    let validation = PlanValidator(registry: Vendors.registry).validate(
      SourceText(path: planFile, text: plan(emulator.baseURL)))
    #expect(!validation.hasErrors, "\(validation.diagnostics.map(\.message))")
    let runPlan = try RunPlan.prepare(
      [try #require(validation.plan)],
      environment: ["S4E_API_TOKEN": tokens.s4e, "INVICTI_API_TOKEN": tokens.invicti]
    ).get()
    let output = Output()
    let transport = AsyncHTTPClientTransport(requestTimeout: requestTimeout)
    let recording = RecordingTransport(transport)
    let console = RunConsole(
      plan: runPlan, live: false, redactor: Redactor(secrets: runPlan.secrets)
    ) {
      output.append($0)
    }
    var schedulerConfiguration = SchedulerCore.Configuration(epochAtStart: UTCDate.now())
    scheduler(&schedulerConfiguration)
    let driver = RunDriver(
      plan: runPlan, transport: recording, configuration: schedulerConfiguration,
      random: SeededRandom(seed: 7))
    let outcome = await driver.run(journal: nil, console: console, interrupt: nil)
    let report = outcome.report
    await transport.shutdown()
    await emulator.stop()
    output.append(console.summary(report))
    return EmulatorRun(
      emulator: emulator, report: report, records: outcome.records, output: output.value,
      sent: recording.sent, timeline: outcome.timeline)
  }

  func outcome(_ id: String) -> ScanOutcome? { records.first { $0.id == id }?.outcome }

  /// No token in what the run printed or would write.
  func expectNoSecrets(sourceLocation: SourceLocation = #_sourceLocation) {
    for text in [output, report.json(), report.junit()] {
      #expect(!text.contains(Self.s4eToken), sourceLocation: sourceLocation)
      #expect(!text.contains(Self.invictiToken), sourceLocation: sourceLocation)
    }
  }

  /// Every scan the emulator created was created once.
  func expectOneScanPerAsset(sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(
      emulator.scansByAsset.values.allSatisfy { $0 == 1 }, "\(emulator.scansByAsset)",
      sourceLocation: sourceLocation)
  }

  /// The runner never let two requests of one provider leave closer than its budget
  /// allows, on its own clock, where the moments requests leave are ordered exactly. At
  /// the emulator, single gaps carry network and scheduling jitter, so there the rate is
  /// checked over windows of five requests.
  func expectSpacing(
    rate: Double, vendor: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let budget = report.providers.firstIndex { $0.name == vendor }
    #expect(budget != nil, "no provider \(vendor)", sourceLocation: sourceLocation)
    let times = budget.map { timeline.budgets[$0].sends } ?? []
    for (previous, next) in zip(times, times.dropFirst()) {
      #expect(
        next - previous >= 1 / rate - 1e-9, "runner sent \(next - previous) s apart",
        sourceLocation: sourceLocation)
    }
    let seen = emulator.requests.filter { $0.vendor == vendor }.map(\.time)
    for start in seen.indices.dropLast(4) {
      #expect(
        seen[start + 4] - seen[start] >= 4 / rate * 0.6,
        "emulator saw 5 requests in \(seen[start + 4] - seen[start]) s",
        sourceLocation: sourceLocation)
    }
  }
}

@Suite(.serialized) struct EmulatorIntegrationTests {
  @Test func aCleanRunCompletesEveryScanOnce() async throws {
    let run = try await EmulatorRun.run()
    #expect(run.records.allSatisfy { $0.outcome == .completed }, "\(run.output)")
    #expect(run.report.exitCode == 0)
    run.expectOneScanPerAsset()
    run.expectSpacing(rate: 4, vendor: "s4e")
    run.expectNoSecrets()
    // The client side: never closer than 1/4 s within one provider's requests.
    #expect(run.records.first { $0.id == "api-0/scan" }?.severityCounts != nil)
  }

  @Test func a429StormSlowsTheRunnerDownAndNoRequestFallsInAPause() async throws {
    let run = try await EmulatorRun.run(
      configure: {
        $0.rateLimit = 1.5
        $0.retryAfter = .seconds(1)
      },
      plan: { EmulatorRun.plan(baseURL: $0, s4eAssets: 6, invictiAssets: 0, rate: 10) })
    #expect(run.records.allSatisfy { $0.outcome == .completed }, "\(run.output)")
    let throttled = run.emulator.requests.filter { $0.status == 429 }
    #expect(!throttled.isEmpty)
    // Every 429 the emulator sent paused the runner for its Retry-After (1 s), and no
    // request left the runner inside a pause. Both are read on the runner's own clock,
    // where a hold and a departure are ordered exactly: at the emulator, a request that
    // left before the 429 came back can arrive after it, by however slow the machine is.
    let budget = run.timeline.budgets[0]
    #expect(budget.pauses.count == throttled.count, "\(budget.pauses)")
    for pause in budget.pauses {
      #expect(pause.until - pause.from > 0.9, "\(pause)")
      let inPause = budget.sends.filter { $0 > pause.from && $0 < pause.until }
      #expect(inPause.isEmpty, "requests left inside the pause \(pause): \(inPause)")
    }
    #expect(budget.sends.count == run.emulator.requests.count)
    #expect(run.output.contains("throttled (429)"))
    run.expectOneScanPerAsset()
    run.expectNoSecrets()
  }

  @Test(arguments: ["adopt", "wait", "fail"])
  func a409FollowsOnConflict(_ policy: String) async throws {
    let busyAsset = uuid(0)
    var otherScan = ""
    let run = try await EmulatorRun.run(
      configure: { $0.runSeconds = 2...2 },
      plan: { EmulatorRun.plan(baseURL: $0, s4eAssets: 1, invictiAssets: 0, onConflict: policy) },
      before: { emulator in
        // Another client starts a scan of the asset first.
        let transport = AsyncHTTPClientTransport()
        let answer = await transport.send(
          HTTPRequest(
            method: "POST", url: emulator.baseURL + "/api/scan/create",
            headers: [
              HTTPHeader("Authorization", "Bearer " + EmulatorRun.s4eToken),
              HTTPHeader("Content-Type", "application/json"),
            ],
            body: Array(#"{"asset_id":"\#(busyAsset)","scan_type":"full"}"#.utf8)))
        otherScan = (try? JSONParser().parse(answer.get().body))?["scan_id"]?.stringValue ?? ""
        await transport.shutdown()
      })
    let record = try #require(run.records.first)
    switch policy {
    case "adopt":
      #expect(record.outcome == .completed)
      #expect(record.scanID == otherScan)
      #expect(run.emulator.scansByAsset[busyAsset] == 1)
    case "wait":
      #expect(record.outcome == .completed)
      #expect(record.scanID != otherScan)
      #expect(run.emulator.scansByAsset[busyAsset] == 2)
      #expect(run.output.contains("waiting for running scan \(otherScan)"))
    default:
      #expect(
        record.outcome
          == .failed("scan \(otherScan) of the asset is already running (on_conflict: fail)"))
      #expect(run.report.exitCode == 1)
    }
    run.expectNoSecrets()
  }

  /// Scans here run longer than the first retry can wait (5 s), as real scans do: a retry
  /// of a trigger whose scan already ended cannot learn of it, and would make a second.
  @Test func aLostTriggerAnswerStillMakesExactlyOneScan() async throws {
    let run = try await EmulatorRun.run(configure: {
      $0.faults.lostTriggerAnswers = 0.5
      $0.runSeconds = 6...6.5
    })
    #expect(run.records.allSatisfy { $0.outcome == .completed }, "\(run.output)")
    run.expectOneScanPerAsset()
    #expect(run.emulator.requests.contains { $0.status == 0 })
    run.expectNoSecrets()
    run.expectSpacing(rate: 4, vendor: "s4e")
  }

  /// Scans so short that a lost answer's scan has ended before the retry: the listings
  /// find it on both vendors, and still exactly one scan is made per asset.
  @Test func aLostAnswerWhoseScanHasEndedStillMakesExactlyOneScan() async throws {
    let run = try await EmulatorRun.run(
      configure: {
        $0.faults.lostTriggerAnswers = 1
        $0.queueSeconds = 0
        $0.runSeconds = 0.05...0.1
      },
      plan: { EmulatorRun.plan(baseURL: $0, s4eAssets: 3, invictiAssets: 3) },
      scheduler: { $0.retryBase = 2 })
    #expect(run.records.allSatisfy { $0.outcome == .completed }, "\(run.output)")
    #expect(run.records.allSatisfy { $0.origin == .recovered }, "\(run.output)")
    run.expectOneScanPerAsset()
    #expect(run.output.contains("made by the trigger whose answer was lost"))
  }

  @Test func serverErrorBurstsAreRetried() async throws {
    let run = try await EmulatorRun.run(configure: { $0.faults.serverErrors = 0.3 })
    #expect(run.records.allSatisfy { $0.outcome == .completed }, "\(run.output)")
    #expect(run.emulator.requests.contains { $0.status >= 500 })
    #expect(run.output.contains("retrying in"))
    run.expectOneScanPerAsset()
    run.expectNoSecrets()
    run.expectSpacing(rate: 4, vendor: "s4e")
  }

  @Test func aWrongTokenRefusesTheProviderAndExitsThree() async throws {
    let run = try await EmulatorRun.run(
      tokens: ("wrong-token-that-is-secret", EmulatorRun.invictiToken))
    for index in 0..<3 { #expect(run.outcome("web-\(index)/quick")?.label == "refused") }
    #expect(run.outcome("api-0/scan") == .completed)
    #expect(run.report.exitCode == 3)
    // One 401 ended every S4E scan: at most the requests already on their way.
    #expect(run.emulator.requests.filter { $0.vendor == "s4e" }.count <= 2)
    #expect(!run.output.contains("wrong-token-that-is-secret"))
    #expect(!run.report.json().contains("wrong-token-that-is-secret"))
  }

  @Test func anUnknownAssetFailsItsScanWithTheVendorsMessage() async throws {
    let run = try await EmulatorRun.run(configure: {
      $0.knownAssets = [uuid(0), uuid(2), uuid(100)]
    })
    #expect(
      run.outcome("web-1/quick")
        == .failed("the trigger was answered 404: the specified asset does not exist"))
    #expect(run.outcome("web-0/quick") == .completed)
    #expect(run.report.exitCode == 1)
    #expect(
      run.output.contains(
        "web-1/quick: failed: the trigger was answered 404: the specified asset does not exist at plan.yaml:20:93"
      ))
  }

  @Test func slowAnswersTimeOutAndAreRetried() async throws {
    let run = try await EmulatorRun.run(
      configure: {
        $0.faults.slowAnswers = 0.25
        $0.faults.slowSeconds = 2
        // Longer than the first retry can wait, as in `aLostTriggerAnswer...`.
        $0.runSeconds = 6...6.5
      }, requestTimeout: 0.5)
    #expect(run.records.allSatisfy { $0.outcome == .completed }, "\(run.output)")
    #expect(run.output.contains("no answer within"))
    run.expectOneScanPerAsset()
    run.expectSpacing(rate: 4, vendor: "s4e")
    run.expectNoSecrets()
  }

  @Test func unknownStatusesWarnAndTheScanGoesOn() async throws {
    let run = try await EmulatorRun.run(
      configure: {
        $0.faults.unknownStatuses = 0.8
        $0.runSeconds = 2...2.5
      })
    #expect(run.records.allSatisfy { $0.outcome == .completed }, "\(run.output)")
    #expect(run.output.contains("warning: unknown status `warming_up`, treated as running"))
    run.expectSpacing(rate: 4, vendor: "s4e")
    run.expectNoSecrets()
  }
}
