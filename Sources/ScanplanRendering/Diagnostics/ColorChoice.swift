import ScanplanPlan

/// When diagnostics are coloured: `--color auto|always|never`.
package enum ColorChoice: String, CaseIterable, Sendable {
  /// Colour on a terminal, unless `NO_COLOR` is set or `TERM` is `dumb`.
  case auto
  /// Always colour, even into a pipe.
  case always
  /// Never colour.
  case never

  /// Whether to colour, given whether stdout is a terminal and the environment.
  /// An explicit `always` wins over `NO_COLOR`: the flag is the more specific request.
  package func resolve(isTerminal: Bool, environment: [String: String]) -> Bool {
    switch self {
    case .always: return true
    case .never: return false
    case .auto:
      if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
      if environment["TERM"] == "dumb" { return false }
      return isTerminal
    }
  }
}
