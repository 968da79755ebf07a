import ScanplanExecution
import ScanplanJSON
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

@Suite struct AdaptiveRateTests {
  /// 150 scans whose requests always exceed what the server takes, so the server's limit
  /// sets the run's length.
  static let plan = s4ePlan(
    assets: 150, rate: 20, poll: "{ initial_interval: 2s, max_interval: 4s }")

  @Test func aServerThatTakesLessThanThePlanSaysIsLearned() throws {
    let server = LimitedServer(FakeS4E(duration: 20)) { _ in 3 }
    let simulation = Simulation(try runPlan(Self.plan), answer: server.answer)
    #expect(simulation.run())
    #expect(simulation.core.records.allSatisfy { $0.outcome == .completed })
    // What the real limit needs for the requests the server took.
    let needed = Double(server.accepted) / 3
    #expect(server.throttledShare <= 0.08, "429 share \(server.throttledShare)")
    #expect(simulation.now <= 1.4 * needed, "took \(simulation.now) s, the limit needs \(needed) s")
  }

  @Test func aLimitThatChangesMidRunIsFollowed() throws {
    // 3 a second for two minutes, then 8: the rate climbs past its old ceiling.
    let server = LimitedServer(FakeS4E(duration: 20)) { $0 < 120 ? 3 : 8 }
    let simulation = Simulation(
      try runPlan(
        s4ePlan(assets: 700, rate: 20, poll: "{ initial_interval: 2s, max_interval: 4s }")),
      answer: server.answer)
    #expect(simulation.run())
    #expect(simulation.core.records.allSatisfy { $0.outcome == .completed })
    let late = simulation.sent.filter { $0.time >= 150 && $0.time < 210 }.count
    #expect(Double(late) / 60 >= 6, "\(late) requests in the minute from 2.5 min")
    #expect(server.throttledShare <= 0.08, "429 share \(server.throttledShare)")
  }

  @Test func rateLimitHeadersSetTheBudgetBeforeAny429() throws {
    let server = LimitedServer(FakeS4E(duration: 20), advertises: true) { _ in 3 }
    let simulation = Simulation(try runPlan(Self.plan), answer: server.answer)
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
      answer: server.answer)
    #expect(simulation.run())
    #expect(server.throttled == 0)
    let statistics = simulation.core.budgetStatistics[0]
    let use = Double(statistics.backloggedRequests) / (3 * statistics.backloggedSeconds)
    #expect(use >= 0.95, "\(use)")
  }
}
