/// Durations as plans write them: whole seconds (`90`), or whole `h`, `m` and `s` units
/// in that order (`90s`, `15m`, `1h30m`).
package enum PlanDuration {
  /// Why a string is not a duration; each case renders as a lowercase clause.
  package enum ParseError: Error, Equatable, Sendable {
    /// Nothing was written.
    case empty
    /// A minus sign.
    case negative
    /// A decimal point (`1.5h`).
    case fraction
    /// Spaces inside (`1h 30m`).
    case whitespace
    /// A number without a unit at the end of a string (`"90"`).
    case missingUnit
    /// A character that is not a digit or a unit.
    case unknownUnit(Character)
    /// Units out of order or repeated (`5m1h`, `1h1h`).
    case unitOrder
    /// More seconds than can be counted.
    case tooLarge

    /// What is wrong, as a clause after "is not a duration: ".
    package var reason: String {
      switch self {
      case .empty: return "it is empty"
      case .negative: return "durations cannot be negative"
      case .fraction: return "durations are whole units, without fractions"
      case .whitespace: return "durations have no spaces"
      case .missingUnit: return "a number in quotes needs a unit (`90s`), or no quotes for seconds"
      case .unknownUnit(let unit): return "`\(unit)` is not a unit; the units are h, m and s"
      case .unitOrder: return "units go in the order h, m, s, each at most once"
      case .tooLarge: return "it is too long to count"
      }
    }
  }

  /// The number of seconds a duration string stands for.
  package static func parse(_ text: String) -> Result<Int, ParseError> {
    if text.isEmpty { return .failure(.empty) }
    if text.contains("-") { return .failure(.negative) }
    if text.contains(".") || text.contains(",") { return .failure(.fraction) }
    if text.contains(where: \.isWhitespace) { return .failure(.whitespace) }
    var total = 0
    var number: Int?
    var lastUnit = -1
    let units: [Character: (rank: Int, seconds: Int)] = [
      "h": (0, 3600), "m": (1, 60), "s": (2, 1),
    ]
    for character in text {
      if let digit = character.wholeNumberValue, character.isASCII {
        let (times, overflow1) = (number ?? 0).multipliedReportingOverflow(by: 10)
        let (sum, overflow2) = times.addingReportingOverflow(digit)
        if overflow1 || overflow2 { return .failure(.tooLarge) }
        number = sum
      } else if let unit = units[character] {
        guard let value = number, unit.rank > lastUnit else { return .failure(.unitOrder) }
        let (seconds, overflow1) = value.multipliedReportingOverflow(by: unit.seconds)
        let (sum, overflow2) = total.addingReportingOverflow(seconds)
        if overflow1 || overflow2 { return .failure(.tooLarge) }
        total = sum
        lastUnit = unit.rank
        number = nil
      } else {
        return .failure(.unknownUnit(character))
      }
    }
    if number != nil { return .failure(.missingUnit) }
    return .success(total)
  }

  /// The shortest unit string for a number of seconds: `90` is `1m30s`, `3600` is `1h`.
  package static func format(seconds: Int) -> String {
    if seconds == 0 { return "0s" }
    var text = ""
    let hours = seconds / 3600
    let minutes = (seconds % 3600) / 60
    let rest = seconds % 60
    if hours > 0 { text += "\(hours)h" }
    if minutes > 0 { text += "\(minutes)m" }
    if rest > 0 { text += "\(rest)s" }
    return text
  }
}
