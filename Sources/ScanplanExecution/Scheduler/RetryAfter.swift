import ScanplanJSON
import ScanplanSupport

/// How long a 429 asks the client to wait: `Retry-After` in seconds or as an HTTP date,
/// or a `retryAfter` field in a JSON body.
enum RetryAfter {
  /// Seconds to wait from `now` (seconds since the Unix epoch), or nil when the answer
  /// says nothing usable. Waits are capped at an hour so a hostile answer cannot stall a
  /// run for ever.
  static func seconds(in response: HTTPResponse, now: Double) -> Double? {
    let wait: Double?
    if let header = response.header("Retry-After")?.trimmingSpaces() {
      if let value = Double(header), value.isFinite, value >= 0 {
        wait = value
      } else if let date = UTCDate.parseHTTPDate(header) {
        wait = max(0, date - now)
      } else {
        wait = nil
      }
    } else if let body = try? JSONParser().parse(response.body),
      let value = body["retryAfter"]?.doubleValue,
      value.isFinite, value >= 0
    {
      wait = value
    } else {
      wait = nil
    }
    return wait.map { min($0, 3600) }
  }
}

extension String {
  func trimmingSpaces() -> String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
