import ScanplanSupport
package import ScanplanVendorKit

/// How long a 429 asks the client to wait: `Retry-After` in seconds or as an HTTP date,
/// or else what the vendor's body says (`retry_after`, `retryAfter`).
package enum RetryAfter {
  /// Seconds to wait from `now` (seconds since the Unix epoch), or nil when the answer
  /// says nothing usable; `hint` is the body's, read by the vendor's API. Waits are capped
  /// at an hour so a hostile answer cannot stall a run for ever.
  package static func seconds(in response: HTTPResponse, hint: Double?, now: Double) -> Double? {
    var wait: Double?
    if let header = response.header("Retry-After")?.trimmingSpaces() {
      if let value = Double(header), value.isFinite, value >= 0 {
        wait = value
      } else if let date = UTCDate.parseHTTPDate(header) {
        wait = max(0, date - now)
      }
    }
    return (wait ?? hint).map { min($0, 3600) }
  }
}

extension String {
  func trimmingSpaces() -> String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
