/// A string that may hold environment references: `${NAME}`, `${NAME:-fallback}`, and
/// `$${` for a literal `${`. References are resolved when a plan runs, never when it is
/// validated.
package struct EnvironmentTemplate: Equatable, Sendable {
  /// A piece of the string.
  package enum Part: Equatable, Sendable {
    /// Text as written (with `$${` already turned into `${`).
    case literal(String)
    /// A reference to a variable, with its fallback when it is unset or empty.
    case reference(name: String, fallback: String?)
  }

  /// Why a string's references cannot be read.
  package struct SyntaxError: Error, Equatable, Sendable {
    /// What is wrong, lowercase.
    package let message: String
  }

  /// The pieces in order.
  package let parts: [Part]

  /// Reads the references of a string.
  package static func parse(_ text: String) -> Result<EnvironmentTemplate, SyntaxError> {
    var parts: [Part] = []
    var literal = ""
    var scalars = Substring(text).unicodeScalars[...]
    while let scalar = scalars.first {
      if scalar == "$", scalars.starts(with: "$${".unicodeScalars) {
        literal += "${"
        scalars = scalars.dropFirst(3)
        continue
      }
      guard scalar == "$", scalars.starts(with: "${".unicodeScalars) else {
        literal.unicodeScalars.append(scalar)
        scalars = scalars.dropFirst()
        continue
      }
      scalars = scalars.dropFirst(2)
      guard let close = scalars.firstIndex(of: "}") else {
        return .failure(SyntaxError(message: "`${` is not closed with `}`"))
      }
      let body = String(scalars[..<close])
      scalars = scalars[scalars.index(after: close)...]
      let name: String
      var fallback: String?
      if let colon = body.firstIndex(of: ":"), body[body.index(after: colon)...].hasPrefix("-") {
        name = String(body[..<colon])
        fallback = String(body[body.index(colon, offsetBy: 2)...])
      } else {
        name = body
      }
      guard isVariableName(name) else {
        let shown = name.isEmpty ? "an empty name" : "`\(name)`"
        return .failure(
          SyntaxError(
            message: "\(shown) is not an environment variable name"
              + (body.contains(":") && fallback == nil
                ? "; a fallback is written `${NAME:-fallback}`" : "")))
      }
      if !literal.isEmpty {
        parts.append(.literal(literal))
        literal = ""
      }
      parts.append(.reference(name: name, fallback: fallback))
    }
    if !literal.isEmpty { parts.append(.literal(literal)) }
    return .success(EnvironmentTemplate(parts: parts))
  }

  /// Whether a name is `[A-Za-z_][A-Za-z0-9_]*`.
  package static func isVariableName(_ name: String) -> Bool {
    guard let first = name.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
    else { return false }
    return name.utf8.allSatisfy { byte in
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }
  }

  /// Whether any part is a reference.
  package var hasReferences: Bool {
    parts.contains { if case .reference = $0 { return true } else { return false } }
  }

  /// The names referenced, in order, each once.
  package var variableNames: [String] {
    var seen: Set<String> = []
    return parts.compactMap {
      if case .reference(let name, _) = $0, seen.insert(name).inserted { return name }
      return nil
    }
  }

  /// The names referenced without a fallback: a run needs them set.
  package var requiredNames: [String] {
    var seen: Set<String> = []
    return parts.compactMap {
      if case .reference(let name, nil) = $0, seen.insert(name).inserted { return name }
      return nil
    }
  }

  /// The variable name when the whole string is exactly `${NAME}`.
  package var singleReference: String? {
    if parts.count == 1, case .reference(let name, nil) = parts[0] { return name }
    return nil
  }

  /// The string with every reference replaced; the names of unset variables that have
  /// no fallback when some are missing. An empty variable counts as unset, as in a shell's
  /// `${NAME:-fallback}`.
  package func resolve(_ environment: [String: String]) -> Result<String, MissingVariables> {
    var output = ""
    var missing: [String] = []
    for part in parts {
      switch part {
      case .literal(let text): output += text
      case .reference(let name, let fallback):
        if let value = environment[name], !value.isEmpty {
          output += value
        } else if let fallback {
          output += fallback
        } else {
          missing.append(name)
        }
      }
    }
    return missing.isEmpty ? .success(output) : .failure(MissingVariables(names: missing))
  }

  /// Variables a template needs that the environment does not have.
  package struct MissingVariables: Error, Equatable, Sendable {
    /// Their names, in order of use.
    package let names: [String]

    package init(names: [String]) {
      self.names = names
    }
  }
}
