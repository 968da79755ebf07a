import ScanplanJSON
import ScanplanYAML

/// What a value in a plan may be. The validator checks values by it, and the JSON Schema
/// and the reference docs describe values by it, so the three cannot disagree.
public indirect enum ValueKind: Sendable {
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
  /// Exactly one environment reference, `${NAME}`.
  case token
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
  public enum NumberBound: Sendable {
    /// Greater than this.
    case greaterThan(Double)
    /// At least this.
    case atLeast(Double)
  }

  /// How the kind is described in messages: "a boolean", "a UUID".
  public var phrase: String {
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
    case .token: return "an environment reference"
    case .choice(let choices): return "one of " + choices.map { "`\($0)`" }.joined(separator: ", ")
    case .version: return "the format version `1`"
    case .affirmation: return "`yes`"
    case .object: return "a mapping"
    case .map: return "a mapping of names"
    case .list: return "a list"
    }
  }

  static func format(_ number: Double) -> String {
    if let whole = Int(exactly: number) { return String(whole) }
    return String(number)
  }
}

/// A key of a mapping in a plan, with everything the validator, the schema and the docs
/// need to know about it.
///
/// A class: every key read from a plan refers to its field, and a reference is one
/// retain where a copy of this many properties would be a dozen.
public final class Field: Sendable {
  /// The key as written in a plan.
  public let key: String
  /// What its value may be.
  public let kind: ValueKind
  /// Whether the mapping must have it.
  public let isRequired: Bool
  /// The default, for docs and the schema; `nil` when there is none or it varies.
  public let defaultValue: JSONValue?
  /// The default described in words when it varies (by provider type, say).
  public let defaultText: String?
  /// One line for docs and editors: what the key means.
  public let summary: String
  /// The provider types whose scans may use the key; empty for keys of no scan setting.
  public let vendors: Set<ProviderType>
  /// `vendors` as one bit per type, for the checks made on every scan.
  let vendorMask: UInt8

  /// Whether scans of this provider type may use the key.
  public func accepts(_ type: ProviderType) -> Bool { vendorMask & type.bit != 0 }

  /// Whether the value may hold environment references, resolved when the plan runs.
  public let allowsEnvironment: Bool
  /// Whether a scan must have the key once defaults, profiles and its own keys are merged.
  public let isRequiredAfterMerge: Bool
  /// How the value is sent to the provider, when it is sent at all.
  public let wire: Wire
  /// When the vendor ignores the setting: a warning, since the plan says something that
  /// has no effect.
  public let unusedWhen: Condition?

  /// Another setting of the same scan having one of some values.
  public struct Condition: Sendable {
    /// The other setting's key at the top of the scan settings (`scan_type`).
    public let setting: String
    /// The values that make this setting unused.
    public let values: [String]
    /// Why, for the warning.
    public let reason: String
  }

  /// How a setting travels to the provider.
  public enum Wire: Sendable, Equatable {
    /// Not sent: the runner itself uses it (`wait`, `fail_on`), or it is not a setting.
    case notSent
    /// Sent as written, when the plan sets it.
    case asWritten
    /// A duration sent as whole seconds, when the plan sets it.
    case seconds
    /// Always sent: the default when the plan does not set it.
    case always
  }

  /// Declares a key.
  public init(
    _ key: String, _ kind: ValueKind, required: Bool = false,
    default defaultValue: JSONValue? = nil,
    defaultText: String? = nil, vendors: Set<ProviderType> = [], environment: Bool = false,
    requiredAfterMerge: Bool = false, wire: Wire = .notSent, unusedWhen: Condition? = nil,
    summary: String
  ) {
    self.key = key
    self.kind = kind
    self.isRequired = required
    self.defaultValue = defaultValue
    self.defaultText = defaultText
    self.summary = summary
    self.vendors = vendors
    self.vendorMask = vendors.reduce(0) { $0 | $1.bit }
    self.allowsEnvironment = environment
    self.isRequiredAfterMerge = requiredAfterMerge
    self.wire = wire
    self.unusedWhen = unusedWhen
  }
}

/// The keys a mapping may have. A class for the same reason as `Field`.
public final class ObjectShape: Sendable {
  /// A short title for docs and the schema ("Provider", "S4E options").
  public let title: String
  /// Where such a mapping sits in a plan, for hints about misplaced keys ("a provider's `poll`").
  public let place: String
  /// The keys, in the order the docs list them.
  public let fields: [Field]
  /// Whether keys starting with `x-` are allowed and ignored (a home for anchors).
  public let allowsExtensions: Bool
  /// The UTF-8 length of each key, compared before the keys themselves.
  let keyLengths: [Int]
  /// Each key's UTF-8 bytes, compared with a document's key text without making strings.
  let keyBytes: [[UInt8]]

  /// Declares a mapping.
  public init(title: String, place: String, fields: [Field], allowsExtensions: Bool = false) {
    self.title = title
    self.place = place
    self.fields = fields
    self.allowsExtensions = allowsExtensions
    // Readers keep one slot per field in a 16-wide vector.
    precondition(fields.count <= 16, "\(title) has more than 16 keys")
    keyLengths = fields.map { $0.key.utf8.count }
    keyBytes = fields.map { Array($0.key.utf8) }
  }

  /// The field for a key.
  public func field(_ key: String) -> Field? {
    position(of: key).map { fields[$0] }
  }

  /// The index of a key's field. Shapes are small, and comparing a few short strings is
  /// cheaper than hashing one, which matters when every key of a large plan comes here.
  func position(ofKey id: YAMLNodeID, in document: YAMLDocument) -> Int? {
    let length = document.textCount(id)
    for offset in keyLengths.indices where keyLengths[offset] == length {
      if document.text(id, equals: keyBytes[offset]) { return offset }
    }
    return nil
  }

  /// The index of a key's field, by name.
  func position(of key: String) -> Int? {
    let length = key.utf8.count
    for offset in keyLengths.indices where keyLengths[offset] == length {
      if fields[offset].key == key { return offset }
    }
    return nil
  }

  /// The same shape with more keys listed first, for mappings that extend another.
  public func adding(_ more: [Field], title: String, place: String) -> ObjectShape {
    ObjectShape(
      title: title, place: place, fields: more + fields, allowsExtensions: allowsExtensions)
  }
}
