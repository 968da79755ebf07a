import ScanplanExecution
import ScanplanSupport
import ScanplanVendorKit

/// A service that allows exactly `rate` requests in any second and no burst: a request
/// that arrives while `rate` others arrived within the second before is answered 429
/// with `Retry-After: 1`. Requests reach it `latency` after they leave, give or take
/// `jitter` (uniform, seeded), as a network and a busy client scheduler deliver them, so
/// a client that sends at exactly the rate sees some of them arrive too close together.
/// A share `spikes` of requests arrive `spike` seconds early on top of that: the rare
/// moment a request overtakes the ones before it, which even a client with headroom
/// meets now and then.
final class StrictServer {
  let fake: FakeS4E
  let rate: Int
  let latency: Double
  let jitter: Double
  private var random: SeededRandom
  /// Arrival times of the requests it took, oldest first, within the last second.
  private var window: [Double] = []
  private(set) var accepted = 0
  private(set) var throttled = 0
  private(set) var firstArrival: Double?
  private(set) var lastArrival = 0.0

  let spikes: Double
  let spike: Double

  init(
    _ fake: FakeS4E, rate: Int, latency: Double = 0.02, jitter: Double = 0.01,
    spikes: Double = 0, spike: Double = 0.04, seed: UInt64 = 7
  ) {
    self.fake = fake
    self.spikes = spikes
    self.spike = spike
    self.rate = rate
    self.latency = latency
    self.jitter = jitter
    random = SeededRandom(seed: seed)
  }

  func answer(_ request: HTTPRequest, _ now: Double) -> (
    Result<HTTPResponse, TransportError>, latency: Double
  ) {
    var arrival = now + latency + (random.unit() * 2 - 1) * jitter
    if random.chance(spikes) { arrival -= spike }
    if firstArrival == nil { firstArrival = arrival }
    lastArrival = max(lastArrival, arrival)
    window.removeAll { $0 <= arrival - 1 }
    guard window.filter({ $0 <= arrival }).count < rate else {
      throttled += 1
      return (
        .success(HTTPResponse(status: 429, headers: [HTTPHeader("Retry-After", "1")], text: "{}")),
        2 * latency
      )
    }
    window.append(arrival)
    accepted += 1
    return (fake.answer(request, arrival), 2 * latency)
  }

  /// The share of answers that were 429.
  var throttledShare: Double { Double(throttled) / Double(max(1, throttled + accepted)) }
}
