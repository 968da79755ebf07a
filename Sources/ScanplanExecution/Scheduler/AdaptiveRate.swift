import DequeModule

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A budget's rate as it learns the server's real limit, the way CUBIC (and the AWS SDKs'
/// adaptive retry mode) does: a 429 marks the rate it came at as a ceiling and cuts below
/// it; then the rate climbs back with time, not with answers, slowly near the ceiling and
/// faster past it, so a server whose limit rose is found again. A server's `RateLimit`
/// headers cap the rate before any 429.
///
/// The ceiling is the lower of the rate the 429 came at and the rate the server accepted
/// over the last few seconds, so a plan that declares 20 requests a second against a
/// server that takes 3 learns 3 from the first 429, not after six cuts.
///
/// A lone 429 after a long stretch at the declared rate without one is jitter, not a
/// lower limit: a server that allows exactly the declared rate sees requests arrive a few
/// milliseconds closer than they left. Its pause is honoured and the rate kept; a 429
/// that follows another within `isolation` seconds, comes in the run's first such
/// stretch, or meets a rate still climbing towards a learned ceiling teaches a ceiling. Requests are paced at `headroom` of the declared or advertised rate, so
/// that arrival jitter rarely brings two requests closer than the server allows at all.
struct AdaptiveRate: Sendable {
  /// The plan's rate: never exceeded.
  let configured: Double
  /// The rate never drops below this.
  let minimum: Double
  /// What a 429 multiplies the ceiling by.
  let slowdown: Double
  /// Seconds after a cut when the rate is back at the ceiling.
  let recoverySeconds: Double
  /// Seconds of answers the accepted rate is measured over.
  let window: Double
  /// The fraction of the allowed rate requests are paced at.
  let headroom: Double
  /// Seconds without a 429 after which a 429 is taken for jitter.
  let isolation: Double

  /// The rate at the last 429, as learned; nil before any.
  private(set) var ceiling: Double?
  /// When the climb after the last cut began (the end of the 429's pause).
  private var climbStart = -Double.infinity
  /// When the last cut was made: a 429 for a request sent before it is the same event.
  private var lastCut = -Double.infinity
  /// What the server's `RateLimit` headers allow, requests per second.
  var advertised: Double?
  /// When the answers of the window came, oldest first.
  private var accepted: Deque<Double> = []
  private var firstAnswer: Double?
  /// When the last 429 that was not part of an earlier one came.
  private var lastThrottle = -Double.infinity
  /// 429s taken for jitter, and those that taught a ceiling.
  private(set) var jitterCount = 0
  private(set) var cutCount = 0

  init(
    configured: Double, minimumFraction: Double, slowdown: Double, recoverySeconds: Double,
    headroom: Double = 1, isolation: Double = 10
  ) {
    self.configured = configured
    minimum = configured * minimumFraction
    self.slowdown = slowdown
    self.recoverySeconds = recoverySeconds
    self.headroom = headroom
    self.isolation = isolation
    window = 5
  }

  /// The rate at `now`, requests per second: the declared and the advertised rates
  /// with the headroom, or the rate learned from 429s, which already lies under the
  /// server's real limit.
  func rate(at now: Double) -> Double {
    var rate = configured * headroom
    if let ceiling {
      // W(t) = W_max (1 + c (t - K)^3), with c such that W(0) = slowdown x W_max.
      let t = max(0, now - climbStart)
      let k = recoverySeconds
      let c = (1 - slowdown) / (k * k * k)
      let offset = t - k
      rate = min(rate, ceiling * (1 + c * offset * offset * offset))
    }
    if let advertised { rate = min(rate, advertised * headroom) }
    return max(rate, minimum)
  }

  /// An answer that was not a 429: the server took the request.
  mutating func accepted(at now: Double) {
    if firstAnswer == nil { firstAnswer = now }
    accepted.append(now)
    while let oldest = accepted.first, oldest < now - window { accepted.removeFirst() }
  }

  /// The rate the server took over the window, or nil before any answer.
  func acceptedRate(at now: Double) -> Double? {
    guard let firstAnswer else { return nil }
    let span = min(window, max(1, now - firstAnswer))
    return Double(accepted.count { $0 >= now - window }) / span
  }

  /// A 429 for a request sent at `sentAt`; the climb begins again at `resumeAt`, when
  /// the pause ends. Returns whether the rate was cut: 429s for requests that left before
  /// the last cut are the same event and cut once.
  mutating func throttled(sentAt: Double, now: Double, resumeAt: Double) -> Bool {
    guard sentAt >= lastCut else { return false }
    defer { lastThrottle = now }
    let settled = firstAnswer.map { now - $0 >= isolation } ?? false
    // While the rate climbs back towards a learned ceiling, or past it, a 429 is what
    // the climb looks for, never jitter.
    let atDeclared = rate(at: now) >= configured * headroom * 0.999
    if settled, atDeclared, now - lastThrottle >= isolation {
      // Jitter: the pause is honoured, the rate kept. 429s for requests that left before
      // now are this one.
      lastCut = now
      jitterCount += 1
      return false
    }
    cutCount += 1
    var ceiling = rate(at: now)
    if let taken = acceptedRate(at: now) { ceiling = min(ceiling, max(taken, minimum)) }
    self.ceiling = ceiling
    lastCut = now
    climbStart = max(now, resumeAt)
    return true
  }
}
