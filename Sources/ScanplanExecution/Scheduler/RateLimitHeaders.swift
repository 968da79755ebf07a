import ScanplanVendorKit

/// What a server's rate-limit headers say, in any of the forms in use: the IETF draft's
/// `RateLimit-Policy: 100;w=60` with `RateLimit-Limit`, `-Remaining` and `-Reset`; the
/// newer single `RateLimit: "default";r=50;t=30`; and the `X-RateLimit-*` headers, whose
/// reset may be a Unix time.
struct RateLimitHeaders: Equatable, Sendable {
  /// Requests a window allows.
  var limit: Double?
  /// The window, in seconds.
  var window: Double?
  /// Requests left in this window.
  var remaining: Double?
  /// Seconds until the window resets.
  var reset: Double?

  /// Reads a response's headers; nil when it has none of them. `now` is seconds since the
  /// Unix epoch, to read a reset given as a time.
  init?(_ response: HTTPResponse, now: Double) {
    for prefix in ["RateLimit-", "X-RateLimit-"] {
      if let policy = response.header(prefix + "Policy") { read(list: policy) }
      if let value = response.header(prefix + "Limit") {
        read(list: value)
        if limit == nil { limit = Self.number(value) }
      }
      if remaining == nil { remaining = response.header(prefix + "Remaining").flatMap(Self.number) }
      if reset == nil, let value = response.header(prefix + "Reset").flatMap(Self.number) {
        // A value past a billion seconds is a Unix time, not a delay.
        reset = value > 1_000_000_000 ? max(0, value - now) : value
      }
    }
    if let combined = response.header("RateLimit") {
      for parameter in Self.parameters(combined) {
        switch parameter.key {
        case "r": remaining = remaining ?? parameter.value
        case "t": reset = reset ?? parameter.value
        default: break
        }
      }
    }
    guard limit != nil || remaining != nil else { return nil }
  }

  /// `100;w=60`, `"default";q=100;w=60` or `100, 100;w=60, 1000;w=3600`: the first
  /// item's quota, and the window of the first policy with that quota.
  private mutating func read(list: String) {
    let items = list.split(separator: ",").map { item in
      let parameters = Self.parameters(String(item))
      return (
        quota: parameters.first { $0.key == "" || $0.key == "q" }?.value,
        window: parameters.first { $0.key == "w" }?.value
      )
    }
    guard let quota = items.first?.quota else { return }
    limit = limit ?? quota
    window = window ?? items.first { $0.quota == limit && $0.window != nil }?.window
  }

  /// `key=number` parameters of one item; a bare number has the key "".
  private static func parameters(_ item: String) -> [(key: String, value: Double)] {
    item.split(separator: ";").compactMap { part in
      let pieces = part.split(separator: "=", maxSplits: 1).map {
        String($0).trimmingSpaces().lowercased()
      }
      if pieces.count == 2 { return number(pieces[1]).map { (pieces[0], $0) } }
      return pieces.first.flatMap(number).map { ("", $0) }
    }
  }

  private static func number(_ text: String) -> Double? {
    guard let value = Double(text.trimmingSpaces()), value.isFinite, value >= 0 else { return nil }
    return value
  }

  /// The rate the headers allow, requests per second: the quota over its window, or
  /// else what is left over the time left. Nil when they say neither.
  var sustainableRate: Double? {
    if let limit, let window, window > 0 { return limit / window }
    if let remaining, let reset, remaining > 0 { return remaining / max(reset, 1) }
    return nil
  }
}
