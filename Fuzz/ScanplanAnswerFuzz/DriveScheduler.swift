import ScanplanExecution
import ScanplanPlan
import ScanplanRendering
import ScanplanReport
import ScanplanSupport
import ScanplanVendorKit
import ScanplanVendors
import ScanplanYAML

/// A plan with both vendors, every `on_conflict`, `wait: false`, gates and a shared
/// Invicti target, made ready once.
let fuzzPlan: RunPlan = {
  let yaml = """
    version: 1
    providers:
      wait: { type: s4e, base_url: "http://127.0.0.1:1", token: "${S}", requests_per_second: 5, on_conflict: wait, poll: { initial_interval: 1s, max_interval: 30s } }
      fail: { type: s4e, base_url: "http://127.0.0.1:2", token: "${S}", requests_per_second: 5, on_conflict: fail, triggers_per_minute: 10 }
      inv: { type: invicti, base_url: "http://127.0.0.1:3", token: "${I}", requests_per_second: 5, poll: { initial_interval: 1s, max_interval: 1m } }
      \(sampleProviders)
    assets:
      - { name: a, provider: wait, asset_id: a1b2c3d4-e5f6-7890-abcd-ef1234567890, scans: [{ scan_type: quick }, { name: fire, scan_type: api, wait: false }] }
      - { name: b, provider: fail, asset_id: a1b2c3d4-e5f6-7890-abcd-ef1234567891, scans: [{ scan_type: full, options: { timeout: 1m } }] }
      - name: c
        provider: inv
        target_id: 2df49409-ee21-4080-9640-eb46f4610054
        user_authorized_to_scan: yes
        scans:
          - { profile_id: 11111111-1111-1111-1111-111111111112, fail_on: { critical: 1, info: 3 } }
          - { name: again, profile_id: 11111111-1111-1111-1111-111111111112 }

    """
    + sampleAssets
  let validation = PlanValidator(registry: Vendors.registry).validate(
    SourceText(path: "fuzz.yaml", text: yaml))
  guard let plan = validation.plan else {
    fatalError("the fuzz plan is not valid: \(validation.diagnostics.map(\.message))")
  }
  var environment = ["S": "s-token", "I": "i-token"]
  for vendor in Vendors.all {
    environment[VendorSample.credentialVariable(vendor.table)] = "\(vendor.type.rawValue)-key"
  }
  return try! RunPlan.prepare([plan], environment: environment).get()
}()

/// A provider of every registered vendor, from its table alone, so that a new vendor is
/// fuzzed by being registered.
let sampleProviders = Vendors.all.enumerated().map { index, vendor in
  "sample-\(vendor.type.rawValue): { "
    + VendorSample.providerEntries(vendor.table, baseURL: "http://127.0.0.1:\(10 + index)")
    + ", requests_per_second: 5, poll: { initial_interval: 1s, max_interval: 1m } }"
}.joined(separator: "\n  ")

/// Two sample assets of every registered vendor.
let sampleAssets = Vendors.all.map { vendor in
  (0..<2).map { index in
    "  - { name: sample-\(vendor.type.rawValue)-\(index), provider: sample-\(vendor.type.rawValue), "
      + VendorSample.assetEntries(vendor.table, index: index) + ", scans: [{ "
      + VendorSample.scanEntries(vendor.table) + " }] }\n"
  }.joined()
}.joined()

/// Runs the scheduler on the plan, answering its requests from the script in the order
/// it sends them, then with network errors once the script is spent. It must end, in a
/// bounded number of requests, with every scan ended, no scan id taken by two scans, and
/// nothing printable from a server that is not.
func driveScheduler(_ script: FuzzAnswers, restoreFlags: UInt8) {
  var restored: [String: SchedulerCore.Restored] = [:]
  if restoreFlags & 1 != 0 {
    restored["c/scan"] = .init(scanID: nil, attempted: true)
  }
  if restoreFlags & 2 != 0 {
    restored["a/quick"] = .init(scanID: "old", attempted: true)
  }
  if restoreFlags & 4 != 0 {
    restored["b/full"] = .init(
      scanID: "x", attempted: true, result: ScanResult(outcome: .completed),
      note: "a note")
  }
  var core = SchedulerCore(
    plan: fuzzPlan, configuration: .init(epochAtStart: 1_800_000_000),
    random: SeededRandom(seed: UInt64(restoreFlags)), restored: restored)
  var answers = script.answers[...]
  let spent: Result<HTTPResponse, TransportError> = .failure(
    TransportError(.network, "the connection was closed before an answer"))
  var now = 0.0
  var sent = 0
  let console = RunConsole(plan: fuzzPlan, live: false, redactor: Redactor(secrets: [])) { text in
    expectPrintable(text.replacing("\n", with: " "), "a console line")
  }
  // Every request is answered at once; the script, then failures, bound the run.
  let limit = script.answers.count + fuzzPlan.jobs.count * 40 + 100
  while true {
    var last = core.tick(now: now)
    var events = last.events
    for request in last.requests {
      sent += 1
      last = core.receive(ticket: request.ticket, answer: answers.popFirst() ?? spent, now: now)
      events += last.events
    }
    console.show(events, records: core.records, epoch: 1_800_000_000 + now)
    guard !last.isFinished else { break }
    guard let next = last.wakeAt else {
      fatalError("the scheduler waits for nothing but has not finished")
    }
    if sent > limit { fatalError("\(sent) requests for \(script.answers.count) scripted answers") }
    now = max(now, next)
  }
  var owners: Set<String> = []
  for record in core.records {
    guard let outcome = record.outcome else { fatalError("\(record.id) never ended") }
    if let reason = outcome.reason { expectPrintable(reason, "a reason") }
    if let status = record.lastStatus { expectPrintable(status, "a last status") }
    if let scanID = record.scanID {
      expectPrintable(scanID, "a scan id")
      if !owners.insert(scanID).inserted { fatalError("scan \(scanID) is two scans' of this run") }
    }
  }
  let report = RunReport(
    records: core.records, startedAt: 1_800_000_000, endedAt: 1_800_000_000 + now,
    interrupted: false, unreachableProviders: [])
  // Every output a run writes, from what the servers said.
  for text in [
    report.json(), report.junit(), console.summary(report), RunPage().render(report),
    FindingsSARIF(toolVersion: "fuzz").render(report).text, RunStepSummary().render(report),
  ] {
    if text.unicodeScalars.contains(where: { $0 == "\u{1B}" }) {
      fatalError("an escape character from a server reached an output")
    }
  }
}
