#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Wall-clock time in UTC as reports, logs and HTTP write it, without Foundation.
public enum UTCDate {
  /// Seconds since the Unix epoch now.
  public static func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }

  /// `2026-11-22T22:30:45.123Z`, or without the milliseconds.
  public static func iso8601(_ epoch: Double, milliseconds: Bool = true) -> String {
    let millis = Int((epoch * 1000).rounded(.down))
    let seconds = floorDiv(millis, 1000)
    let days = floorDiv(seconds, 86400)
    let secondOfDay = seconds - days * 86400
    let (year, month, day) = civil(days)
    var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T"
    text +=
      "\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
    if milliseconds { text += "." + pad(millis - seconds * 1000, 3) }
    return text + "Z"
  }

  private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
  private static let months = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// An IMF-fixdate: `Sun, 06 Nov 1994 08:49:37 GMT`.
  public static func httpDate(_ epoch: Double) -> String {
    let seconds = Int(epoch)
    let days = floorDiv(seconds, 86400)
    let (year, month, day) = civil(days)
    let time = seconds - days * 86400
    return "\(weekdays[((days % 7) + 7) % 7]), \(pad(day, 2)) \(months[month - 1]) \(year) "
      + "\(pad(time / 3600, 2)):\(pad(time / 60 % 60, 2)):\(pad(time % 60, 2)) GMT"
  }

  /// An IMF-fixdate, or the obsolete RFC 850 and asctime forms, as seconds since the
  /// Unix epoch.
  public static func parseHTTPDate(_ text: String) -> Double? {
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
      time[1] < 60,
      time[2] < 61
    else { return nil }
    return Double(daysFromCivil(year: year, month: month, day: day)) * 86400
      + Double(time[0] * 3600 + time[1] * 60 + time[2])
  }

  /// Days since 1970-01-01 of a date (Howard Hinnant's algorithm).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146097 + dayOfEra - 719468
  }

  /// The date of a day counted from 1970-01-01.
  static func civil(_ days: Int) -> (Int, Int, Int) {
    let z = days + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let dayOfEra = z - era * 146097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthPart = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthPart + 2) / 5 + 1
    let month = monthPart < 10 ? monthPart + 3 : monthPart - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  private static func floorDiv(_ value: Int, _ divisor: Int) -> Int {
    let quotient = value / divisor
    return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
  }

  private static func pad(_ number: Int, _ width: Int) -> String {
    let text = String(number)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }
}
