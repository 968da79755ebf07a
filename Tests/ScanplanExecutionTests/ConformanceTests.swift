import ScanplanEmulator
import ScanplanExecution
import ScanplanJSON
import ScanplanPlan
import ScanplanRendering
import ScanplanReport
import ScanplanSupport
import ScanplanVendorKit
import ScanplanVendors
import ScanplanYAML
import Testing

/// One suite over every registered vendor, built from each vendor's own description
/// (`VendorSample` reads its table): a vendor is covered by being registered. Its
/// emulation and its API must agree, its plans must validate, dry-run, diff, generate
/// the schema and docs, and run against the emulator, each scan once.
@Suite struct ConformanceTests {
  static let types = Vendors.types.map(\.rawValue)

  /// A plan of `assets` sample assets of one vendor against `baseURL`, `extra` added to
  /// every scan.
  static func plan(_ vendor: Vendor, baseURL: String, assets: Int = 2, extra: String = "")
    -> String
  {
    let table = vendor.table
    var text = """
      version: 1
      providers:
        p: { \(VendorSample.providerEntries(table, baseURL: baseURL)), requests_per_second: 50, poll: { initial_interval: 1s, max_interval: 1s } }
      assets:

      """
    let scan = [VendorSample.scanEntries(table), extra].filter { !$0.isEmpty }
      .joined(separator: ", ")
    for index in 0..<assets {
      text +=
        "  - { name: a\(index), provider: p, \(VendorSample.assetEntries(table, index: index)), "
        + "scans: [{ \(scan) }] }\n"
    }
    return text
  }

  static func validated(_ text: String) throws -> ResolvedPlan {
    let validation = PlanValidator(registry: Vendors.registry).validate(
      SourceText(path: "plan.yaml", text: text))
    #expect(!validation.hasErrors, "\(validation.diagnostics.map(\.message))\n\(text)")
    return try #require(validation.plan)
  }

  @Test(arguments: types) func theEmulationAndTheAPIAgree(_ name: String) throws {
    let vendor = try Self.vendor(name)
    let api = vendor.api
    let emulation = vendor.emulation
    let trigger = VendorSample.triggerInput(vendor.table)
    for dialect in [EmulatorDialect.seed, .reference] {
      func scan(_ phase: EmulatedPhase, progress: Int) -> EmulatedScan {
        EmulatedScan(
          id: emulation.scanID(number: 7, series: 1), asset: "a", echoed: [:], phase: phase,
          progress: progress, severities: ["high": 1], startDate: "2026-12-02T10:00:00Z")
      }
      let created = Self.response(
        emulation.created(scan(.queued(0), progress: 0), origin: "http://h", dialect: dialect))
      let id = try api.scanID(inTriggerAnswer: created, trigger: trigger).get()
      #expect(id.contains(emulation.scanID(number: 7, series: 1)))
      #expect(api.classify(created) == .answer)
      let running = try api.reading(
        ofPollAnswer: Self.response(
          emulation.status(scan(.running, progress: 40), dialect: dialect)),
        scanID: id
      ).get()
      #expect(running.state == .running || running.state == .queued)
      let done = try api.reading(
        ofPollAnswer: Self.response(
          emulation.status(scan(.completed, progress: 100), dialect: dialect)),
        scanID: id
      ).get()
      #expect(done.state == .completed)
      // A poll of several requests: each follow-up, as the emulator routes and answers it,
      // keeps the scan completed.
      var answers = [
        Self.response(emulation.status(scan(.completed, progress: 100), dialect: dialect))
      ]
      while let next = api.pollFollowUp(
        scanID: id, answers: answers, baseURL: "http://h", token: "k"), answers.count < 8
      {
        let (segments, query) = StageTests.Script.route(next.url)
        guard
          case .answer(let status, let body)? = emulation.route(
            method: next.method, segments: segments, query: query, body: next.body ?? [])
        else {
          Issue.record("\(name): the emulator does not answer \(next.url)")
          break
        }
        answers.append(Self.response(.json(status, body)))
      }
      #expect(try api.reading(ofPollAnswers: answers, scanID: id).get().state == .completed)
      // An error in the vendor's shape keeps its words, and a refused credential is one.
      let error = Self.response(
        emulation.error(EmulatedError(404, code: "not_found", "no such scan"), dialect: dialect))
      #expect(api.errorDetails(in: error).message?.contains("no such scan") == true)
      if let lister = api as? any ListsFindings {
        let finding = EmulatedFinding(
          id: "f1", check: "xss", name: "Cross-site scripting", severity: .high, confidence: 95,
          url: "https://app.example.test/a?q=1", input: "q", suppressed: false, variant: 0)
        let page = Self.response(
          emulation.findings(
            [finding], of: scan(.completed, progress: 100), offset: 0, limit: 100, total: 1,
            dialect: dialect))
        let read = try lister.findings(
          in: page, of: FindingsScan(scanID: id, sessionID: done.sessionID, trigger: trigger),
          cursor: nil
        ).get()
        // A vendor whose findings hang off another object reads that object first.
        if !read.findings.isEmpty {
          #expect(read.findings.first?.severity == .high)
          #expect(read.findings.first?.counts == true)
        }
      }
    }
  }

  @Test(arguments: types) func aSamplePlanValidatesAndDryRunsWithoutItsSecret(_ name: String)
    throws
  {
    let vendor = try Self.vendor(name)
    let base = vendor.table.defaultBaseURL
    let plan = try Self.validated(Self.plan(vendor, baseURL: base))
    let secret = "conformance-secret-\(name)"
    let dryRun = DryRun(
      [plan], selection: RunSelection(),
      environment: [VendorSample.credentialVariable(vendor.table): secret])
    #expect(dryRun.entries.count == 2)
    for entry in dryRun.entries {
      #expect(entry.request.url.hasPrefix(base + vendor.table.apiPrefix + "/"))
      for stage in entry.laterStages {
        #expect(stage.url.hasPrefix(base + vendor.table.apiPrefix + "/"))
      }
    }
    for text in [dryRun.text(), dryRun.json()] {
      #expect(!text.contains(secret))
      #expect(text.contains("${\(VendorSample.credentialVariable(vendor.table))}"))
    }
  }

  @Test(arguments: types) func aChangedSentSettingIsADiffOfTheRequest(_ name: String) throws {
    let vendor = try Self.vendor(name)
    // The first leaf the vendor sends that the sample leaves unset.
    let table = vendor.table
    var change: (key: String, value: JSONValue)?
    for field in table.settings where field.wire != .notSent && !field.isRequiredAfterMerge {
      if case .object(let shape) = field.kind,
        let leaf = shape.fields.first(where: {
          $0.wire != .notSent && $0.unusedWhen == nil
        })
      {
        let value = VendorSample.value(leaf.kind, index: 3)
        change = ("\(field.key): { \(leaf.key): \(JSONWriter.compact(value)) }", value)
        break
      }
    }
    let base = try Self.validated(Self.plan(vendor, baseURL: table.defaultBaseURL))
    let same = try Self.validated(Self.plan(vendor, baseURL: table.defaultBaseURL))
    #expect(try PlanDiff.compare(base: [base], head: [same]).get().isEmpty)
    let moved = try Self.validated(Self.plan(vendor, baseURL: "https://other.example.test"))
    let diff = try PlanDiff.compare(base: [base], head: [moved]).get()
    #expect(diff.changed.count == 2)
    #expect(diff.changed.allSatisfy { $0.changes.contains { $0.field == "request.url" } })
    guard let change else { return }
    let head = try Self.validated(
      Self.plan(vendor, baseURL: table.defaultBaseURL, extra: change.key))
    let changed = try PlanDiff.compare(base: [base], head: [head]).get()
    #expect(changed.changed.count == 2, "\(change.key)")
    #expect(
      changed.changed.allSatisfy { scan in
        scan.changes.contains { $0.field.hasPrefix("request.") || $0.field.hasPrefix("stage") }
      }, "\(changed.changed.map(\.changes))")
  }

  @Test(arguments: types) func theSchemaAndTheDocsDescribeEveryKey(_ name: String) throws {
    let vendor = try Self.vendor(name)
    let format = PlanFormat(registry: Vendors.registry)
    let schema = JSONSchemaGenerator(format: format).render()
    let reference = try #require(ReferenceDocument(format: format).render("plan-reference.md"))
    #expect(schema.contains("\"const\": \"\(name)\""))
    #expect(schema.contains("\"\(vendor.table.credentialKey)\""))
    #expect(reference.contains(vendor.table.displayName))
    for field in vendor.table.assetFields + vendor.table.settings {
      #expect(schema.contains("\"\(field.key)\""), "\(field.key)")
      #expect(reference.contains("`\(field.key)`"), "\(field.key)")
      if case .object(let shape) = field.kind {
        for leaf in shape.fields {
          #expect(schema.contains("\"\(leaf.key)\""), "\(leaf.key)")
          #expect(reference.contains(leaf.key), "\(leaf.key)")
        }
      }
    }
  }

  @Test(arguments: types) func aRunAgainstTheEmulatorStartsEachScanOnce(_ name: String)
    async throws
  {
    let vendor = try Self.vendor(name)
    var configuration = EmulatorConfiguration(registry: Vendors.registry)
    configuration.tokens = [vendor.type: "conformance-\(name)-credential"]
    configuration.queueSeconds = 0.1
    configuration.runSeconds = 0.3...0.6
    let emulator = try await Emulator.start(configuration: configuration, tls: nil)
    let plan = try Self.validated(Self.plan(vendor, baseURL: emulator.baseURL, assets: 3))
    let runPlan = try RunPlan.prepare(
      [plan],
      environment: [VendorSample.credentialVariable(vendor.table): "conformance-\(name)-credential"]
    ).get()
    // The product's own timeout: a busy machine answers late, not never.
    let transport = AsyncHTTPClientTransport(requestTimeout: 30)
    let console = RunConsole(
      plan: runPlan, live: false, redactor: Redactor(secrets: runPlan.secrets)
    ) {
      _ in
    }
    let driver = RunDriver(
      plan: runPlan, transport: transport,
      configuration: SchedulerCore.Configuration(epochAtStart: UTCDate.now()),
      random: SeededRandom(seed: 3))
    let outcome = await driver.run(journal: nil, console: console, interrupt: nil)
    await transport.shutdown()
    await emulator.stop()
    #expect(
      outcome.records.allSatisfy { $0.outcome == .completed }, "\(outcome.records.map(\.outcome))")
    // One scan per stage: a scan of two stages (ZAP's crawl, then attack) makes two.
    let stages = 1 + plan.providers[0].writtenLaterStages(for: plan.scans[0]).count
    #expect(emulator.scansByAsset.count == 3)
    #expect(emulator.scansByAsset.values.allSatisfy { $0 == stages }, "\(emulator.scansByAsset)")
    if vendor.api is any ListsFindings {
      #expect(outcome.report.scans.allSatisfy { $0.findings != nil })
    }
    #expect(!outcome.report.json().contains("conformance-\(name)-credential"))
  }

  static func vendor(_ name: String) throws -> Vendor {
    let type = try #require(Vendors.type(named: name))
    return try #require(Vendors.registry.vendor(type))
  }

  static func response(_ answer: EmulatedAnswer) -> HTTPResponse {
    HTTPResponse(status: answer.status, headers: answer.headers, body: answer.body)
  }
}
