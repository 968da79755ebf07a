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

  init(configured: Double, minimumFraction: Double, slowdown: Double, recoverySeconds: Double) {
    self.configured = configured
    minimum = configured * minimumFraction
    self.slowdown = slowdown
    self.recoverySeconds = recoverySeconds
    window = 5
  }

  /// The rate at `now`, requests per second.
  func rate(at now: Double) -> Double {
    var rate = configured
    if let ceiling {
      // W(t) = W_max (1 + c (t - K)^3), with c such that W(0) = slowdown x W_max.
      let t = max(0, now - climbStart)
      let k = recoverySeconds
      let c = (1 - slowdown) / (k * k * k)
      let offset = t - k
      rate = min(rate, ceiling * (1 + c * offset * offset * offset))
    }
    if let advertised { rate = min(rate, advertised) }
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
    var ceiling = rate(at: now)
    if let taken = acceptedRate(at: now) { ceiling = min(ceiling, max(taken, minimum)) }
    self.ceiling = ceiling
    lastCut = now
    climbStart = max(now, resumeAt)
    return true
  }
}
