import ScanplanVendorKit

/// The wording of problems with a plan's shape: a value of the wrong type, a key that is
/// unknown or missing, a collection that is empty.
enum ShapeMessage: DiagnosticMessage {
  /// `found` describes the value (`NodeReader.describe`); `unquoted` is the text of a
  /// quoted scalar that would have the right type without its quotes.
  case wrongType(key: String, expected: String, found: String, unquoted: String?)
  /// A key `shape` does not have; `home` is another mapping of the format that has it.
  case unknownKey(key: String, shape: ObjectShape, home: ObjectShape?, vendors: [String] = [])
  /// A required key that is missing; `subject` names the owner ("asset `web`").
  case missingKey(subject: String, field: Field)
  /// A key an asset of this provider's vendor needs.
  case missingVendorKey(subject: String, field: Field, vendor: String, provider: String)
  /// A key that is required once the scan's profile and defaults are merged in.
  case missingAfterMerge(scan: String, key: String, provider: String)
  /// A list with fewer than `minimum` items.
  case tooFewItems(key: String, minimum: Int)
  /// A mapping of names with no entry.
  case noNamedEntries(key: String)

  var code: DiagnosticCode {
    switch self {
    case .wrongType: .wrongType
    case .unknownKey: .unknownKey
    case .missingKey, .missingVendorKey: .missingKey
    case .missingAfterMerge: .missingAfterMerge
    case .tooFewItems, .noNamedEntries: .emptyCollection
    }
  }

  var message: String {
    switch self {
    case .wrongType(let key, let expected, let found, _):
      "`\(key)` must be \(expected), found \(found)"
    case .unknownKey(let key, let shape, _, _):
      "unknown key `\(NodeReader.clip(key))` in \(shape.place)"
    case .missingKey(let subject, let field): "\(subject) has no `\(field.key)`"
    case .missingVendorKey(let subject, let field, let vendor, let provider):
      "\(subject) has no `\(field.key)`, which \(vendor) assets need (provider `\(provider)`)"
    case .missingAfterMerge(let scan, let key, _): "\(scan) has no `\(key)`"
    case .tooFewItems(let key, let minimum):
      "`\(key)` must list at least \(minimum == 1 ? "one" : "\(minimum)") \(key == "assets" ? "asset" : "item")"
    case .noNamedEntries(let key): "`\(key)` must name at least one entry"
    }
  }

  var help: [String] {
    switch self {
    case .wrongType(let key, _, _, let unquoted):
      unquoted.map { ["remove the quotes: `\(key): \($0)`"] } ?? []
    case .unknownKey(let key, let shape, let home, let vendors):
      [Self.unknownKeyHelp(key, shape, home, vendors)]
    case .missingKey(_, let field), .missingVendorKey(_, let field, _, _):
      // A statement the plan must make is shown made.
      if case .affirmation = field.kind {
        ["add `\(field.key): yes` (\(field.summary))"]
      } else {
        ["add `\(field.key):` (\(field.summary))"]
      }
    case .missingAfterMerge(_, let key, let provider):
      ["set `\(key)` on the scan, in its profile, or in the `defaults` of provider `\(provider)`"]
    case .tooFewItems: []
    case .noNamedEntries(let key):
      [
        "define one, such as `\(key == "providers" ? "s4e: { type: s4e, token: ${S4E_API_TOKEN} }" : "name: {}")`"
      ]
    }
  }

  /// A close spelling, else the object the key belongs in, else the keys this one takes.
  private static func unknownKeyHelp(
    _ key: String, _ shape: ObjectShape, _ home: ObjectShape?, _ vendors: [String]
  ) -> String {
    let candidates = shape.fields.map(\.key)
    if let suggestion = Suggestions.closest(to: key, among: candidates) {
      return "did you mean `\(suggestion)`?"
    }
    if let home {
      // Named by the vendors that take it: not every scan does.
      let takers =
        vendors.isEmpty ? "" : "; " + vendors.joined(separator: " and ") + " scans take it"
      return "`\(key)` belongs in \(home.place), not in \(shape.place)" + takers
    }
    return "\(shape.place) takes " + Suggestions.list(candidates)
  }
}
