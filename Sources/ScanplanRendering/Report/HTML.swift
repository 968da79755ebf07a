import ScanplanPlan

/// Pieces of a self-contained page: escaping, numbers for SVG, and time axes.
enum HTML {
  /// Text for an element or an attribute value.
  static func escape(_ text: String) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "'": output += "&#39;"
      default: output.append(character)
      }
    }
    return output
  }

  /// A coordinate with at most one decimal, as SVG takes it.
  /// A rate as the page writes it, `number`'s tenths: "1 request/s", "0.3 requests/s".
  static func requestsPerSecond(_ rate: Double) -> String {
    let shown = number(rate)
    return shown + (shown == "1" ? " request/s" : " requests/s")
  }

  static func number(_ value: Double) -> String {
    let tenths = (value * 10).rounded()
    let whole = Int(tenths / 10)
    let fraction = abs(Int(tenths) % 10)
    return fraction == 0 ? "\(whole)" : "\(tenths < 0 && whole == 0 ? "-" : "")\(whole).\(fraction)"
  }

  /// Round steps for a time axis, in seconds.
  static let steps: [Double] = [
    1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
  ]

  /// Tick times for an axis from 0 to `length` seconds: at most about eight.
  static func ticks(upTo length: Double) -> [Double] {
    let step = steps.first { length / $0 <= 8 } ?? (length / 8).rounded(.up)
    return stride(from: 0, through: length, by: step).map { $0 }
  }

  /// A tick's label: `0`, `30s`, `2m`, `1h30m`.
  static func tickLabel(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded())
    // The origin is the run's start, not a duration.
    return whole == 0 ? "0" : PlanDuration.format(seconds: whole)
  }
}
