import Foundation
import ScanplanEmulator
import ScanplanExecution
import ScanplanPlan
import ScanplanReport
import ScanplanSupport
import ScanplanVendorKit
import ScanplanVendors
import ScanplanYAML
import ScanplanZAP
import Synchronization
import Testing

/// The operations of ZAP's `openapi.yaml` (zaproxy/zap-api-docs) that scanplan may send,
/// with their parameters as the document lists them; a copy, kept here so that a request
/// that drifts from ZAP's API fails a test.
enum ZAPOperations {
  struct Operation {
    let id: String
    let parameters: Set<String>
    let required: Set<String>
  }

  static let byPath: [String: Operation] = [
    "/JSON/spider/action/scan/": Operation(
      id: "spiderActionScan",
      parameters: ["url", "maxChildren", "recurse", "contextName", "subtreeOnly"],
      required: []),
    "/JSON/spider/view/status/": Operation(
      id: "spiderViewStatus", parameters: ["scanId"], required: []),
    "/JSON/spider/view/scans/": Operation(id: "spiderViewScans", parameters: [], required: []),
    "/JSON/ascan/action/scan/": Operation(
      id: "ascanActionScan",
      parameters: [
        "url", "recurse", "inScopeOnly", "scanPolicyName", "method", "postData", "contextId",
      ], required: []),
    "/JSON/ascan/view/status/": Operation(
      id: "ascanViewStatus", parameters: ["scanId"], required: []),
    "/JSON/ascan/view/scans/": Operation(id: "ascanViewScans", parameters: [], required: []),
    "/JSON/core/action/accessUrl/": Operation(
      id: "coreActionAccessUrl", parameters: ["url", "followRedirects"], required: ["url"]),
    "/JSON/pscan/view/recordsToScan/": Operation(
      id: "pscanViewRecordsToScan", parameters: [], required: []),
    "/JSON/alert/view/alerts/": Operation(
      id: "alertViewAlerts", parameters: ["baseurl", "start", "count", "riskId"], required: []),
  ]
}

/// Keeps every URL a run sends.
final class URLRecorder: HTTPTransport {
  let inner: any HTTPTransport
  private let urls = Mutex<[String]>([])
  init(_ inner: any HTTPTransport) { self.inner = inner }
  var sent: [String] { urls.withLock { $0 } }
  func send(_ request: HTTPRequest) async -> Result<HTTPResponse, TransportError> {
    urls.withLock { $0.append(request.url) }
    return await inner.send(request)
  }
}

@Suite struct ZAPSandboxTests {
  static let key = "zap-test-key-0123456789"

  /// Runs `plan` against an emulator as `scanplan run` does, with the product's own 30 s
  /// timeout (a busy machine answers late, not never), `transport` wrapping its client.
  static func run(
    _ plan: String, key: String = key, retryBase: Double? = nil,
    transport wrap: (any HTTPTransport) -> any HTTPTransport = { $0 }
  ) async throws -> RunDriver.Outcome {
    let validation = PlanValidator(registry: Vendors.registry).validate(
      SourceText(path: "zap.yaml", text: plan))
    #expect(!validation.hasErrors, "\(validation.diagnostics.map(\.message))")
    let runPlan = try RunPlan.prepare(
      [try #require(validation.plan)], environment: ["ZAP_API_KEY": key]
    ).get()
    let transport = AsyncHTTPClientTransport(requestTimeout: 30)
    let console = RunConsole(
      plan: runPlan, live: false, redactor: Redactor(secrets: runPlan.secrets)
    ) { _ in }
    var scheduler = SchedulerCore.Configuration(epochAtStart: UTCDate.now())
    if let retryBase { scheduler.retryBase = retryBase }
    let outcome = await RunDriver(
      plan: runPlan, transport: wrap(transport), configuration: scheduler,
      random: SeededRandom(seed: 5)
    ).run(journal: nil, console: console, interrupt: nil)
    await transport.shutdown()
    return outcome
  }

  static func plan(_ baseURL: String) -> String {
    """
    version: 1
    providers:
      zap: { type: zap, base_url: \(baseURL), api_key: "${ZAP_API_KEY}", poll: { initial_interval: 1s, max_interval: 1s } }
    assets:
      - name: shop
        provider: zap
        url: https://shop.example.test/
        scans:
          - name: crawl
            scan_type: spider
            options: { max_children: 5, recurse: true, subtree_only: true, context_name: Shop }
          - name: attack
            scan_type: active
            fail_on: { high: 1000 }
            options:
              max_children: 3
              in_scope_only: false
              scan_policy_name: Default Policy
              method: GET
              context_id: 1
      - name: api
        provider: zap
        url: https://api.example.test/v1/
        scans:
          - scan_type: active
            options: { crawl_first: false, method: POST, post_data: "a=1" }
    """
  }

  @Test func everyRequestIsAnOperationOfZAPsAPIInTheOrderOfItsStages() async throws {
    var configuration = EmulatorConfiguration(registry: Vendors.registry)
    configuration.tokens = [.zap: Self.key]
    configuration.queueSeconds = 0.1
    configuration.runSeconds = 0.3...0.6
    let emulator = try await Emulator.start(configuration: configuration, tls: nil)
    var recorder: URLRecorder?
    let outcome = try await Self.run(Self.plan(emulator.baseURL)) {
      let wrapped = URLRecorder($0)
      recorder = wrapped
      return wrapped
    }
    await emulator.stop()
    #expect(outcome.records.allSatisfy { $0.outcome == .completed }, "\(outcome.records)")
    let sent = try #require(recorder).sent
    #expect(!sent.isEmpty)
    for url in sent {
      let rest = try #require(url.split(separator: "//", maxSplits: 1).last)
      let pathAndQuery = rest.drop { $0 != "/" }
      let parts = pathAndQuery.split(separator: "?", maxSplits: 1)
      let operation = try #require(ZAPOperations.byPath[String(parts[0])], "\(url)")
      let names =
        parts.count > 1
        ? parts[1].split(separator: "&").map {
          String($0.split(separator: "=", maxSplits: 1)[0])
        } : []
      #expect(Set(names).isSubset(of: operation.parameters), "\(operation.id): \(names)")
      #expect(operation.required.isSubset(of: Set(names)), "\(operation.id): \(names)")
      #expect(Set(names).count == names.count, "\(url)")
    }
    // The attack after a crawl starts once the crawl is done, and only then.
    let shopAttack = outcome.records.first { $0.id == "shop/attack" }
    #expect(shopAttack?.scanID?.hasPrefix("active:") == true)
    let attacks = sent.filter { $0.contains("/JSON/ascan/action/scan/") }
    #expect(attacks.count == 2)
    #expect(emulator.scansByAsset["https://shop.example.test/"] == 3)
    #expect(emulator.scansByAsset["https://api.example.test/v1/"] == 1)
    // The attack that does not crawl has ZAP request its URL first, into the site tree
    // the emulator, as ZAP, attacks only from.
    let api = "url=https%3A%2F%2Fapi.example.test%2Fv1%2F"
    let visit = try #require(sent.firstIndex { $0.contains("/core/action/accessUrl/?" + api) })
    let apiAttack = try #require(sent.firstIndex { $0.contains("/ascan/action/scan/?" + api) })
    #expect(visit < apiAttack)
    #expect(sent.filter { $0.contains("/core/action/accessUrl/") }.count == 1)
    // Every completed scan's alerts were read, and gated.
    #expect(outcome.report.scans.allSatisfy { $0.findings != nil })
    #expect(outcome.report.exitCode == 0)
  }

  /// Half the start answers lost, after ZAP made the scan: each is found in ZAP's list of
  /// its kind, and no URL is scanned twice.
  @Test func lostStartAnswersAreFoundInZAPsListsNotSentAgain() async throws {
    var configuration = EmulatorConfiguration(registry: Vendors.registry)
    configuration.tokens = [.zap: Self.key]
    configuration.queueSeconds = 0.1
    configuration.runSeconds = 3...3.5
    configuration.faults.lostTriggerAnswers = 0.5
    configuration.seed = 4
    let emulator = try await Emulator.start(configuration: configuration, tls: nil)
    var plan = """
      version: 1
      providers:
        zap: { type: zap, base_url: \(emulator.baseURL), api_key: "${ZAP_API_KEY}", poll: { initial_interval: 1s, max_interval: 1s } }
      assets:

      """
    for index in 0..<6 {
      let scan =
        index % 2 == 0
        ? "{ scan_type: spider }" : "{ scan_type: active, options: { crawl_first: false } }"
      plan += """
          - { name: site-\(index), provider: zap, url: "https://site-\(index).example.test/", scans: [\(scan)] }

        """
    }
    // The lookup comes well before the 3-second scan ends, even on a busy machine.
    let outcome = try await Self.run(plan, retryBase: 0.5)
    await emulator.stop()
    #expect(outcome.records.allSatisfy { $0.outcome == .completed }, "\(outcome.records)")
    #expect(emulator.scansByAsset.count == 6)
    #expect(emulator.scansByAsset.values.allSatisfy { $0 == 1 }, "\(emulator.scansByAsset)")
    #expect(emulator.requests.contains { $0.status == 0 && $0.path.contains("/action/scan/") })
    #expect(outcome.records.contains { $0.origin == .recovered })
  }

  /// The emulator refuses an attack on a URL its site tree does not have, as ZAP does;
  /// `accessUrl` or a crawl puts it there.
  @Test func theEmulatorAttacksOnlyURLsInItsSiteTree() async throws {
    var configuration = EmulatorConfiguration(registry: Vendors.registry)
    configuration.tokens = [.zap: Self.key]
    let emulator = try await Emulator.start(configuration: configuration, tls: nil)
    let transport = AsyncHTTPClientTransport(requestTimeout: 30)
    // A busy machine may drop a connection: a request that got no answer goes again.
    func get(_ path: String) async -> (Int, String) {
      let request = HTTPRequest(
        method: "GET", url: emulator.baseURL + path,
        headers: [HTTPHeader("X-ZAP-API-Key", Self.key)])
      var failure = ""
      for _ in 0..<3 {
        switch await transport.send(request) {
        case .success(let response):
          return (response.status, String(decoding: response.body, as: UTF8.self))
        case .failure(let error): failure = error.message
        }
      }
      return (0, failure)
    }
    let shop = "url=https%3A%2F%2Fshop.example.test%2F"
    let refused = await get("/JSON/ascan/action/scan/?" + shop)
    #expect(refused.0 == 400)
    #expect(refused.1.contains(#""code":"url_not_found""#), "\(refused.1)")
    #expect(refused.1.contains("URL Not Found in the Scan Tree"), "\(refused.1)")
    let visited = await get("/JSON/core/action/accessUrl/?" + shop)
    #expect(visited.0 == 200)
    #expect(visited.1.contains(#""accessUrl""#), "\(visited.1)")
    #expect((await get("/JSON/ascan/action/scan/?" + shop)).0 == 200)
    // A crawl puts its URL and what is below it in the tree.
    #expect((await get("/JSON/spider/action/scan/?url=https%3A%2F%2Fapi.example.test%2F")).0 == 200)
    #expect(
      (await get("/JSON/ascan/action/scan/?url=https%3A%2F%2Fapi.example.test%2Fv1")).0 == 200)
    #expect(
      (await get("/JSON/ascan/action/scan/?url=https%3A%2F%2Fother.example.test%2F")).0 == 400)
    await transport.shutdown()
    await emulator.stop()
  }

  /// A URL ZAP cannot reach: the attack that would need it in the tree fails with ZAP's
  /// own reason, and is never started; the crawl of the other URL completes.
  @Test func anUnreachableURLFailsItsAttackWithZAPsReason() async throws {
    var configuration = EmulatorConfiguration(registry: Vendors.registry)
    configuration.tokens = [.zap: Self.key]
    configuration.queueSeconds = 0.1
    configuration.runSeconds = 0.3...0.6
    configuration.hostile = ["https://api.example.test/v1/": .unreachable]
    let emulator = try await Emulator.start(configuration: configuration, tls: nil)
    let outcome = try await Self.run(Self.plan(emulator.baseURL), retryBase: 0.01)
    await emulator.stop()
    let api = try #require(outcome.records.first { $0.id.hasPrefix("api/") })
    guard case .failed(let reason)? = api.outcome else {
      Issue.record("\(String(describing: api.outcome))")
      return
    }
    #expect(reason.hasPrefix("could not put the URL in ZAP's site tree"), "\(reason)")
    #expect(reason.contains("Internal Error: connection refused (internal_error)"), "\(reason)")
    #expect(emulator.scansByAsset["https://api.example.test/v1/"] == nil)
    #expect(
      outcome.records.filter { !$0.id.hasPrefix("api/") }.allSatisfy { $0.outcome == .completed })
    #expect(outcome.report.exitCode == 1)
  }

  @Test func aWrongKeyStopsTheProviderAndNamesTheKey() async throws {
    var configuration = EmulatorConfiguration(registry: Vendors.registry)
    configuration.tokens = [.zap: Self.key]
    let emulator = try await Emulator.start(configuration: configuration, tls: nil)
    let outcome = try await Self.run(Self.plan(emulator.baseURL), key: "not-the-key")
    await emulator.stop()
    #expect(outcome.report.exitCode != 0)
    for record in outcome.records {
      guard case .refused(let reason) = record.outcome else {
        Issue.record("\(record.id): \(record.outcome)")
        continue
      }
      #expect(reason.contains("`api_key` (`${ZAP_API_KEY}`)"), "\(reason)")
    }
  }
}

/// The CI examples that run a ZAP daemon beside the job.
@Suite struct ZAPCIExampleTests {
  static let root = String(#filePath.dropLast("Tests/ScanplanZAPTests/ZAPSandboxTests.swift".count))

  /// Each runs the daemon with its key and runs scanplan, and the plan in its comment is
  /// valid, with only the warnings it explains: plain `http` off loopback on GitLab's job
  /// network (W506), none on GitHub's runner, whose loopback both share.
  @Test(arguments: [
    ("docs/ci/gitlab-ci-zap.yml", ["zaproxy/zap-stable", "api.key=$ZAP_API_KEY"], ["W506"]),
    ("docs/ci/github-actions-zap.yml", ["zaproxy/zap-stable", #"api.key="$ZAP_API_KEY""#], []),
  ])
  func theDaemonExampleRunsADaemonAndItsPlanValidates(
    _ path: String, _ parts: [String], _ warnings: [String]
  ) throws {
    let text = try String(contentsOfFile: Self.root + path, encoding: .utf8)
    #expect(YAMLLoader().load(SourceText(path: path, text: text)).errors.isEmpty)
    for part in parts + ["-daemon", "scanplan run", "scanplan validate"] {
      #expect(text.contains(part), "\(part)")
    }
    let plan = text.split(separator: "\n").drop { !$0.hasPrefix("#   version: 1") }
      .prefix { $0.hasPrefix("#  ") }.map { String($0.dropFirst(4)) }.joined(separator: "\n")
    #expect(!plan.isEmpty)
    let validation = PlanValidator(registry: Vendors.registry).validate(
      SourceText(path: "zap.yaml", text: plan))
    #expect(!validation.hasErrors, "\(validation.diagnostics.map(\.message))\n\(plan)")
    #expect(validation.diagnostics.map(\.code.id) == warnings)
  }
}
