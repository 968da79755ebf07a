import ScanplanExecution
import ScanplanJSON
import ScanplanPlan
import ScanplanReport
import ScanplanSupport
import ScanplanVendorKit
import ScanplanVendors
import ScanplanYAML
import Testing

/// Runs a `SchedulerCore` against scripted answers under a virtual clock: a discrete-event
/// simulation, so hours of polling take milliseconds and every time is exact.
final class Simulation {
  struct Sent {
    let time: Double
    let job: JobID
    let kind: SchedulerCore.RequestKind
    let request: HTTPRequest
    let budget: BudgetID
  }

  var core: SchedulerCore
  var now = 0.0
  var sent: [Sent] = []
  var events: [(time: Double, event: RunEvent)] = []
  /// Answers on their way: arrival time, order of sending, ticket, answer.
  private var arrivals:
    [(time: Double, order: Int, ticket: Int, answer: Result<HTTPResponse, TransportError>)] = []
  private var order = 0
  let answer: (HTTPRequest, Double) -> (Result<HTTPResponse, TransportError>, latency: Double)

  /// A simulation; `census` lists an asset's scans before each first trigger, as runs
  /// do, on top of the exact configuration.
  init(
    _ plan: RunPlan, seed: UInt64 = 1, concurrency: Int? = nil,
    configuration: SchedulerCore.Configuration? = nil, census: Bool = false,
    restored: [String: SchedulerCore.Restored] = [:],
    answer:
      @escaping (HTTPRequest, Double) -> (Result<HTTPResponse, TransportError>, latency: Double)
  ) {
    var configuration = configuration ?? Self.exact(concurrency: concurrency)
    if census { configuration.census = true }
    core = SchedulerCore(
      plan: plan, configuration: configuration, random: SeededRandom(seed: seed),
      restored: restored)
    self.answer = answer
  }

  /// The defaults, but pacing at exactly the declared rate rather than with the headroom
  /// kept for a network's jitter, and no census of an asset's scans before a trigger, so
  /// that tests of pacing's mechanics see round times and only the requests they count.
  /// Tests of the headroom and of lost answers pass the defaults themselves.
  static func exact(concurrency: Int? = nil) -> SchedulerCore.Configuration {
    var configuration = SchedulerCore.Configuration(
      epochAtStart: 1_800_000_000, concurrency: concurrency)
    configuration.headroom = 1
    configuration.census = false
    return configuration
  }

  /// Runs until every scan ends or `limit` seconds pass; returns false on the limit.
  @discardableResult
  func run(until limit: Double = 100_000) -> Bool {
    while true {
      let actions = core.tick(now: now)
      collect(actions.events)
      for outgoing in actions.requests {
        sent.append(
          Sent(
            time: now, job: outgoing.job, kind: outgoing.kind, request: outgoing.request,
            budget: outgoing.budget))
        let (result, latency) = answer(outgoing.request, now)
        arrivals.append((now + latency, order, outgoing.ticket, result))
        order += 1
      }
      if actions.isFinished && arrivals.isEmpty { return true }
      let nextArrival = arrivals.map(\.time).min()
      guard let next = [actions.wakeAt, nextArrival].compactMap({ $0 }).min() else {
        return true
      }
      guard next <= limit else { return false }
      now = max(now, next)
      let due = arrivals.filter { $0.time <= now }.sorted {
        ($0.time, $0.order) < ($1.time, $1.order)
      }
      arrivals.removeAll { $0.time <= now }
      for arrival in due {
        collect(core.receive(ticket: arrival.ticket, answer: arrival.answer, now: now).events)
      }
    }
  }

  private func collect(_ new: [RunEvent]) {
    for event in new { events.append((now, event)) }
  }

  func sends(of kind: SchedulerCore.RequestKind, job: JobID? = nil) -> [Sent] {
    sent.filter { $0.kind == kind && (job == nil || $0.job == job) }
  }

  func outcome(_ id: String) -> ScanOutcome? {
    core.records.first { $0.id == id }?.outcome
  }
}

/// Validates and prepares a plan for a test.
func runPlan(_ yaml: String, selection: RunSelection = RunSelection()) throws -> RunPlan {
  let validation = PlanValidator(registry: Vendors.registry).validate(
    SourceText(path: "plan.yaml", text: yaml))
  #expect(!validation.hasErrors, "\(validation.diagnostics.map(\.message))")
  let plan = try #require(validation.plan)
  return try RunPlan.prepare(
    [plan],
    environment: [
      "S4E_API_TOKEN": "s4e-secret-token", "INVICTI_API_TOKEN": "invicti-secret-token",
      "ZAP_API_KEY": "zap-secret-key",
    ],
    selection: selection
  ).get()
}

/// A plan of `count` S4E assets with one scan each.
/// Triggers are limited by `triggersPerMinute`, high by default so that tests of the
/// request budget see it alone (S4E's own default is 10).
func s4ePlan(
  assets count: Int, rate: Double = 1, poll: String = "{ initial_interval: 5s, max_interval: 60s }",
  extra: String = "", scansPerAsset: Int = 1, triggersPerMinute: Int = 60_000
) -> String {
  var text = """
    version: 1
    providers:
      s4e:
        type: s4e
        base_url: http://127.0.0.1:1
        token: ${S4E_API_TOKEN}
        requests_per_second: \(rate)
        triggers_per_minute: \(triggersPerMinute)
        poll: \(poll)
    \(extra)
    assets:

    """
  for index in 0..<count {
    text += """
        - name: asset-\(index)
          provider: s4e
          asset_id: \(uuid(index))
          scans:

      """
    for scan in 0..<scansPerAsset {
      text += "      - { name: s\(scan), scan_type: quick }\n"
    }
  }
  return text
}

func uuid(_ index: Int) -> String {
  let hex = String(index, radix: 16)
  return "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
}

/// An S4E service in memory: each trigger creates a scan that is queued for a moment,
/// then runs for `duration` seconds.
final class FakeS4E: @unchecked Sendable {
  var scans: [String: (created: Double, asset: String, duration: Double, final: String)] = [:]
  var triggersByAsset: [String: Int] = [:]
  var duration: Double
  var finalStatus = "completed"
  var nextID = 0
  /// Listings of an asset's scans answered.
  var listings = 0

  init(duration: Double = 20) {
    self.duration = duration
  }

  func status(_ id: String, at now: Double) -> String {
    guard let scan = scans[id] else { return "missing" }
    let age = now - scan.created
    if age < 1 { return "queued" }
    return age < scan.duration ? "running" : scan.final
  }

  func running(asset: String, at now: Double) -> String? {
    scans.first {
      $0.value.asset == asset
        && !["completed", "failed", "cancelled"].contains(status($0.key, at: now))
    }?.key
  }

  func answer(_ request: HTTPRequest, _ now: Double) -> Result<HTTPResponse, TransportError> {
    if request.url.contains("/api/findings?") {
      return .success(HTTPResponse(status: 200, text: #"{"findings":[]}"#))
    }
    if request.url.contains("/api/scans?") {
      listings += 1
      let asset = request.url.split(separator: "asset_id=")[1].prefix { $0 != "&" }
      let items = scans.filter { $0.value.asset == asset }.sorted { $0.key > $1.key }.map {
        #"{"scan_id":"\#($0.key)","asset_id":"\#(asset)","status":"\#(self.status($0.key, at: now))"}"#
      }
      return .success(
        HTTPResponse(
          status: 200,
          text: #"{"data":[\#(items.joined(separator: ","))],"meta":{"page":1,"total_pages":1}}"#))
    }
    if request.method == "POST" {
      let body = try! JSONParser().parse(request.body ?? [])
      let asset = body["asset_id"]!.stringValue!
      triggersByAsset[asset, default: 0] += 1
      if let running = running(asset: asset, at: now) {
        return .success(HTTPResponse(status: 409, text: #"{"scan_id":"\#(running)"}"#))
      }
      nextID += 1
      let id = "scan-\(nextID)"
      scans[id] = (now, asset, duration, finalStatus)
      return .success(HTTPResponse(status: 201, text: #"{"scan_id":"\#(id)","status":"queued"}"#))
    }
    let id = String(request.url.split(separator: "/").dropLast().last!)
    let status = status(id, at: now)
    if status == "missing" {
      return .success(HTTPResponse(status: 404, text: #"{"message":"no such scan"}"#))
    }
    return .success(HTTPResponse(status: 200, text: #"{"status":"\#(status)"}"#))
  }
}
