import ScanplanExecution
import ScanplanSupport
import ScanplanVendorKit
import Testing

@testable import ScanplanExecution

@Suite struct OneRequestASecondPerScanTests {
  enum Failure: String, CaseIterable, Sendable {
    case serverError = "503 on polls"
    case tooManyRequestsAtOnce = "429 with Retry-After: 0"
    case unreadable = "a poll answer that cannot be read"

    var response: HTTPResponse {
      switch self {
      case .serverError: HTTPResponse(status: 503, text: "{}")
      case .tooManyRequestsAtOnce:
        HTTPResponse(status: 429, headers: [HTTPHeader("Retry-After", "0")], text: "{}")
      case .unreadable: HTTPResponse(status: 200, text: "not json")
      }
    }
  }

  /// Answers fail in every way a retry follows, with retries as quick as full jitter
  /// allows: no two requests about one scan leave less than a second apart.
  @Test(arguments: Failure.allCases)
  func retriesKeepTheFloor(_ failure: Failure) throws {
    let name = failure.rawValue
    let fake = FakeS4E(duration: 30)
    var failures = 0
    var configuration = SchedulerCore.Configuration(epochAtStart: 1_800_000_000)
    configuration.retryBase = 0.01
    configuration.maxRetries = 100
    configuration.retryBudget = 100
    // The census lists the asset, not the scan; it is not one of the scan's requests.
    configuration.census = false
    let simulation = Simulation(
      try runPlan(
        s4ePlan(assets: 4, rate: 50, poll: "{ initial_interval: 1s, max_interval: 1s }")),
      configuration: configuration
    ) { request, now in
      if request.method == "GET", failures < 40 {
        failures += 1
        return (.success(failure.response), 0.001)
      }
      return (fake.answer(request, now), 0.001)
    }
    #expect(simulation.run())
    #expect(failures == 40, "\(name)")
    for job in 0..<4 {
      let times = simulation.sent.filter { $0.job.index == job }.map(\.time)
      for (previous, next) in zip(times, times.dropFirst()) {
        #expect(next - previous >= 1 - 1e-9, "\(name): job \(job) sent at \(previous) and \(next)")
      }
    }
  }
}

@Suite struct RateLimitHeaderTests {
  static let forms: [(headers: [HTTPHeader], rate: Double?, remaining: Double?)] = [
    ([HTTPHeader("RateLimit-Policy", "100;w=60")], 100.0 / 60, nil),
    (
      [
        HTTPHeader("RateLimit-Limit", "10"), HTTPHeader("RateLimit-Policy", #""default";q=10;w=1"#),
      ], 10, nil
    ),
    ([HTTPHeader("RateLimit-Limit", "100, 100;w=60, 1000;w=3600")], 100.0 / 60, nil),
    (
      [
        HTTPHeader("X-RateLimit-Limit", "50"), HTTPHeader("X-RateLimit-Remaining", "20"),
        HTTPHeader("X-RateLimit-Reset", "10"),
      ],
      2, 20
    ),
    ([HTTPHeader("RateLimit", #""default";r=30;t=15"#)], 2, 30),
    // A reset given as a Unix time: 1,800,000,010 is 10 s after the test's now.
    (
      [HTTPHeader("X-RateLimit-Remaining", "5"), HTTPHeader("X-RateLimit-Reset", "1800000010")],
      0.5, 5
    ),
    ([HTTPHeader("X-RateLimit-Remaining", "0"), HTTPHeader("X-RateLimit-Reset", "7")], nil, 0),
    ([HTTPHeader("RateLimit-Limit", "ten"), HTTPHeader("RateLimit-Remaining", "-1")], nil, nil),
  ]

  @Test(arguments: forms.indices)
  func everyFormIsRead(_ index: Int) {
    let form = Self.forms[index]
    let headers = RateLimitHeaders(
      HTTPResponse(status: 200, headers: form.headers, text: "{}"), now: 1_800_000_000)
    #expect(headers?.sustainableRate.map { abs($0 - form.rate!) < 1e-9 } ?? (form.rate == nil))
    #expect(headers?.remaining == form.remaining)
  }

  @Test func noRemainingAndNoRatePausesTheBudgetUntilTheReset() throws {
    let fake = FakeS4E(duration: 10)
    let simulation = Simulation(try runPlan(s4ePlan(assets: 5, rate: 10))) { request, now in
      guard case .success(let answer) = fake.answer(request, now) else { fatalError() }
      let headers =
        now < 0.05
        ? [HTTPHeader("X-RateLimit-Remaining", "0"), HTTPHeader("X-RateLimit-Reset", "7")] : []
      return (.success(HTTPResponse(status: answer.status, headers: headers, body: answer.body)), 0)
    }
    #expect(simulation.run())
    let times = simulation.sent.map(\.time)
    #expect(!times.contains { $0 > 0.05 && $0 < 7 }, "\(times)")
  }
}
