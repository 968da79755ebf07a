/// What a value in a plan may be. The validator checks values by it, and the JSON Schema
/// and the reference docs describe values by it, so the three cannot disagree.
package indirect enum ValueKind: Sendable {
  /// A name: `[A-Za-z0-9][A-Za-z0-9._-]*`.
  case name
  /// The name of a provider defined in the plan.
  case providerReference
  /// The name of a profile defined in the plan.
  case profileReference
  /// A whole number at least `minimum`.
  case integer(minimum: Int)
  /// A number greater than `exclusiveMinimum`, or at least `minimum`.
  case number(NumberBound)
  /// `true` or `false`.
  case boolean
  /// Whole seconds, or a string of whole `h`, `m` and `s` units.
  case duration
  /// A canonical 8-4-4-4-12 hexadecimal UUID.
  case uuid
  /// An `https` URL, or `http` on a loopback host.
  case url
  /// The address of a web application to scan: `http` or `https`, any host.
  case webURL
  /// Any text that is not empty (a policy name, a request body).
  case text
  /// Exactly one environment reference, `${NAME}`.
  case token
  /// A path to a local file, relative to the plan.
  case path
  /// One of these strings.
  case choice([String])
  /// The plan format version; only `1` exists.
  case version
  /// The explicit statement `yes` (`"yes"` and `true` mean it too).
  case affirmation
  /// A mapping with known keys.
  case object(ObjectShape)
  /// A mapping from names to values of one kind; `minCount` names at least.
  case map(ValueKind, minCount: Int)
  /// A list of values of one kind; `minCount` items at least.
  case list(ValueKind, minCount: Int)

  /// The lower bound of a number.
  package enum NumberBound: Sendable {
    /// Greater than this.
    case greaterThan(Double)
    /// At least this.
    case atLeast(Double)
  }

  /// How the kind is described in messages: "a boolean", "a UUID".
  package var phrase: String {
    switch self {
    case .name: return "a name"
    case .providerReference: return "a provider name"
    case .profileReference: return "a profile name"
    case .integer(let minimum):
      return minimum == 0 ? "a whole number" : "a whole number of at least \(minimum)"
    case .number(.greaterThan(let bound)): return "a number greater than \(Self.format(bound))"
    case .number(.atLeast(let bound)): return "a number of at least \(Self.format(bound))"
    case .boolean: return "a boolean"
    case .duration: return "a duration"
    case .uuid: return "a UUID"
    case .url: return "a URL"
    case .webURL: return "an `http` or `https` URL"
    case .text: return "text"
    case .token: return "an environment reference"
    case .path: return "a file path"
    case .choice(let choices): return "one of " + choices.map { "`\($0)`" }.joined(separator: ", ")
    case .version: return "the format version `1`"
    case .affirmation: return "`yes`"
    case .object: return "a mapping"
    case .map: return "a mapping of names"
    case .list: return "a list"
    }
  }

  /// Whether the kind is a credential reference (`.token`).
  package var isToken: Bool {
    if case .token = self { return true }
    return false
  }

  /// A bound as people write it: `1`, `0.5`.
  package static func format(_ number: Double) -> String {
    if let whole = Int(exactly: number) { return String(whole) }
    return String(number)
  }
}
