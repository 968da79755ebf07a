import ScanplanExecution
import ScanplanJSON
import ScanplanReport
import ScanplanSupport
import ScanplanVendorKit
import Testing

/// A service whose real limit is a token bucket of `limit(now)` requests a second,
/// whatever the plan declares: it answers 429 with `Retry-After: 1` once the bucket is
/// empty, and can advertise its limit in `RateLimit` headers.
final class LimitedServer {
  let fake: FakeS4E
  let limit: (Double) -> Double
  let capacity: Double
  let advertises: Bool
  private var tokens: Double
  private var updated = 0.0
  private(set) var accepted = 0
  private(set) var throttled = 0

  init(
    _ fake: FakeS4E, capacity: Double = 2, advertises: Bool = false,
    limit: @escaping (Double) -> Double
  ) {
    self.fake = fake
    self.limit = limit
    self.capacity = capacity
    self.advertises = advertises
    tokens = capacity
  }

  func answer(_ request: HTTPRequest, _ now: Double) -> (
    Result<HTTPResponse, TransportError>, latency: Double
  ) {
    let rate = limit(now)
    tokens = min(capacity, tokens + (now - updated) * rate)
    updated = now
    var headers: [HTTPHeader] = []
    if advertises {
      headers = [
        HTTPHeader("RateLimit-Policy", "\(Int(rate));w=1"),
        HTTPHeader("RateLimit-Limit", "\(Int(rate))"),
        HTTPHeader("RateLimit-Remaining", "\(Int(max(0, tokens - 1)))"),
        HTTPHeader("RateLimit-Reset", "1"),
      ]
    }
    guard tokens >= 1 else {
      throttled += 1
      return (
        .success(
          HTTPResponse(status: 429, headers: headers + [HTTPHeader("Retry-After", "1")], text: "{}")
        ),
        0.05
      )
    }
    tokens -= 1
    accepted += 1
    guard case .success(var response) = fake.answer(request, now) else {
      return (fake.answer(request, now), 0.05)
    }
    response = HTTPResponse(status: response.status, headers: headers, body: response.body)
    return (.success(response), 0.05)
  }

  /// The share of answers that were 429.
  var throttledShare: Double { Double(throttled) / Double(throttled + accepted) }
}

extension SchedulerCore.Configuration {
  /// The product's defaults, headroom included, for tests of how a run meets a server.
  static let defaults = SchedulerCore.Configuration(epochAtStart: 1_800_000_000)
}

@Suite struct AdaptiveRateTests {
  /// 150 scans whose requests always exceed what the server takes, so the server's limit
  /// sets the run's length.
  static let plan = s4ePlan(
    assets: 150, rate: 20, poll: "{ initial_interval: 2s, max_interval: 4s }")

  @Test func aServerThatTakesLessThanThePlanSaysIsLearned() throws {
    let server = LimitedServer(FakeS4E(duration: 20)) { _ in 3 }
    let simulation = Simulation(
      try runPlan(Self.plan), configuration: .defaults, answer: server.answer)
    #expect(simulation.run())
    #expect(simulation.core.records.allSatisfy { $0.outcome == .completed })
    // What the real limit needs for the requests the server took.
    let needed = Double(server.accepted) / 3
    #expect(server.throttledShare <= 0.04, "429 share \(server.throttledShare)")
    #expect(simulation.now <= 1.3 * needed, "took \(simulation.now) s, the limit needs \(needed) s")
  }

  @Test func aLimitThatChangesMidRunIsFollowed() throws {
    // 3 a second for two minutes, then 8: the rate climbs past its old ceiling.
    let server = LimitedServer(FakeS4E(duration: 20)) { $0 < 120 ? 3 : 8 }
    let simulation = Simulation(
      try runPlan(
        s4ePlan(assets: 700, rate: 20, poll: "{ initial_interval: 2s, max_interval: 4s }")),
      configuration: .defaults, answer: server.answer)
    #expect(simulation.run())
    #expect(simulation.core.records.allSatisfy { $0.outcome == .completed })
    let late = simulation.sent.filter { $0.time >= 150 && $0.time < 210 }.count
    #expect(Double(late) / 60 >= 6, "\(late) requests in the minute from 2.5 min")
    #expect(server.throttledShare <= 0.08, "429 share \(server.throttledShare)")
  }

  @Test func rateLimitHeadersSetTheBudgetBeforeAny429() throws {
    let server = LimitedServer(FakeS4E(duration: 20), advertises: true) { _ in 3 }
    let simulation = Simulation(
      try runPlan(Self.plan), configuration: .defaults, answer: server.answer)
    #expect(simulation.run())
    // The first answer says 3 a second; only the requests already on their way can
    // meet an empty bucket.
    #expect(server.throttled <= 1, "\(server.throttled) 429s")
    let needed = Double(server.accepted) / 3
    #expect(simulation.now <= 1.1 * needed, "took \(simulation.now) s, the limit needs \(needed) s")
  }

  @Test func aRightlyDeclaredRateMeetsNo429AndUsesItsBudget() throws {
    let server = LimitedServer(FakeS4E(duration: 20)) { _ in 3 }
    let simulation = Simulation(
      try runPlan(
        s4ePlan(assets: 150, rate: 3, poll: "{ initial_interval: 2s, max_interval: 4s }")),
      configuration: .defaults, answer: server.answer)
    #expect(simulation.run())
    #expect(server.throttled == 0)
    let statistics = simulation.core.budgetStatistics[0]
    let use = Double(statistics.backloggedRequests) / (3 * statistics.backloggedSeconds)
    #expect(use >= 0.95, "\(use)")
  }
}

/// Pacing that survives jitter: a server that allows exactly the declared rate, with no
/// burst, and requests that reach it up to 10 ms early or late.
@Suite struct JitterTests {
  /// The budget's use while requests were due: requests sent then over what the declared
  /// rate allows in that time.
  static func use(_ simulation: Simulation, rate: Double) -> Double {
    let statistics = simulation.core.budgetStatistics[0]
    return Double(statistics.backloggedRequests) / (rate * statistics.backloggedSeconds)
  }

  @Test(arguments: [7, 8, 9] as [UInt64])
  func aStrictServerAtTheDeclaredRateGetsItsBudget(seed: UInt64) throws {
    let server = StrictServer(FakeS4E(duration: 20), rate: 20, seed: seed)
    let simulation = Simulation(
      try runPlan(
        s4ePlan(assets: 600, rate: 20, poll: "{ initial_interval: 2s, max_interval: 4s }")),
      seed: seed, configuration: .defaults, answer: server.answer)
    #expect(simulation.run())
    #expect(simulation.core.records.allSatisfy { $0.outcome == .completed })
    #expect(server.throttledShare <= 0.01, "429 share \(server.throttledShare)")
    let use = Self.use(simulation, rate: 20)
    #expect(use >= 0.93, "use \(use)")
  }

  /// The same server, where now and then a request arrives 40 ms early: the few 429s
  /// that makes are each alone, taken for jitter, and the rate is kept.
  @Test func lone429sAreJitterAndTheRateIsKept() throws {
    let server = StrictServer(FakeS4E(duration: 20), rate: 20, spikes: 0.004)
    let simulation = Simulation(
      try runPlan(
        s4ePlan(assets: 600, rate: 20, poll: "{ initial_interval: 2s, max_interval: 4s }")),
      configuration: .defaults, answer: server.answer)
    #expect(simulation.run())
    #expect(server.throttled > 0)
    #expect(server.throttledShare <= 0.01, "429 share \(server.throttledShare)")
    // Every 429 paused the budget for its Retry-After and left the rate where it was.
    let rates = simulation.events.compactMap { entry -> Double? in
      if case .throttled(_, _, let rate) = entry.event { return rate }
      return nil
    }
    #expect(rates.allSatisfy { abs($0 - 0.97 * 20) < 1e-9 }, "\(rates)")
    let use = Self.use(simulation, rate: 20)
    #expect(use >= 0.93, "use \(use)")
  }

  /// One 429 after a long quiet stretch: the pause, then the declared rate again at once.
  /// Two close together: a lower ceiling is learned.
  @Test(arguments: [([30.0], true), ([30.0, 33.0], false)])
  func onlyRepeated429sLowerTheRate(_ at: [Double], keepsTheRate: Bool) throws {
    let fake = FakeS4E(duration: 20)
    var pending = at
    let simulation = Simulation(
      try runPlan(
        s4ePlan(assets: 600, rate: 20, poll: "{ initial_interval: 2s, max_interval: 4s }")),
      configuration: .defaults
    ) { request, now in
      if let next = pending.first, now >= next {
        pending.removeFirst()
        return (
          .success(
            HTTPResponse(status: 429, headers: [HTTPHeader("Retry-After", "1")], text: "{}")),
          0.02
        )
      }
      return (fake.answer(request, now), 0.02)
    }
    #expect(simulation.run())
    let last = at.last!
    let after = simulation.sent.filter { $0.time >= last + 2 && $0.time < last + 5 }.count
    if keepsTheRate {
      #expect(Double(after) >= 0.95 * 0.97 * 20 * 3, "\(after) requests in the 3 s after")
    } else {
      #expect(Double(after) < 0.8 * 20 * 3, "\(after) requests in the 3 s after")
    }
  }
}
