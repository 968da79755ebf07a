// FoundationEssentials is the small part of Foundation on Linux; elsewhere (macOS) the
// whole of Foundation provides the same types.
#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Wall-clock time in UTC as reports, logs and HTTP write it, on FoundationEssentials
/// (already linked through the HTTP client): its ISO 8601 style and its Gregorian
/// calendar. HTTP dates are written and read here because FoundationEssentials has no
/// style for them, and `Retry-After` may still use the obsolete RFC 850 and asctime forms.
package enum UTCDate {
  private static let calendar: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .gmt
    return calendar
  }()

  /// Seconds since the Unix epoch now.
  package static func now() -> Double {
    Date().timeIntervalSince1970
  }

  /// `2026-11-22T22:30:45.123Z`, or without the milliseconds (both truncated).
  package static func iso8601(_ epoch: Double, milliseconds: Bool = true) -> String {
    Date(timeIntervalSince1970: epoch).formatted(
      Date.ISO8601FormatStyle(includingFractionalSeconds: milliseconds))
  }

  /// `2026-11-22T22:30:45.123Z` (or without the fraction) as seconds since the Unix
  /// epoch, for reading reports back.
  package static func parseISO8601(_ text: String) -> Double? {
    let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
    let date =
      (try? Date(text, strategy: withFraction)) ?? (try? Date(text, strategy: .iso8601))
    return date?.timeIntervalSince1970
  }

  private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
  private static let months = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// An IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT`.
  package static func httpDate(_ epoch: Double) -> String {
    let parts = calendar.dateComponents(
      [.year, .month, .day, .weekday, .hour, .minute, .second],
      from: Date(timeIntervalSince1970: epoch.rounded(.down)))
    func two(_ value: Int?) -> String {
      let value = value ?? 0
      return value < 10 ? "0\(value)" : "\(value)"
    }
    return "\(weekdays[(parts.weekday ?? 1) - 1]), \(two(parts.day)) "
      + "\(months[(parts.month ?? 1) - 1]) \(parts.year ?? 1970) "
      + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) GMT"
  }

  /// An IMF-fixdate, or the obsolete RFC 850 and asctime forms, as seconds since the
  /// Unix epoch.
  package static func parseHTTPDate(_ text: String) -> Double? {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" }).map(String.init)
    var day: Int?
    var month: Int?
    var year: Int?
    var time: [Int]?
    for word in words {
      if let index = months.firstIndex(of: word) {
        month = index + 1
      } else if word.contains(":") {
        let parts = word.split(separator: ":").compactMap { Int($0) }
        if parts.count == 3 { time = parts }
      } else if let number = Int(word) {
        if day == nil, number <= 31, word.count <= 2 {
          day = number
        } else {
          year = word.count == 2 ? (number < 70 ? 2000 + number : 1900 + number) : number
        }
      }
    }
    guard let day, let month, let year, let time, (1...31).contains(day), time[0] < 24,
      time[1] < 60, time[2] < 61, (1...9999).contains(year)
    else { return nil }
    let components = DateComponents(
      year: year, month: month, day: day, hour: time[0], minute: time[1], second: time[2])
    return calendar.date(from: components)?.timeIntervalSince1970
  }
}
