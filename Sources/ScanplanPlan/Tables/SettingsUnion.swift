import ScanplanJSON
import ScanplanVendorKit

/// Every vendor's scan settings as one shape: the keys any vendor takes, each once.
///
/// A profile belongs to no provider, so it is read against this; a scan's settings are
/// read against it too, then checked against the scan's own provider's table
/// (`VendorFit`), which decides. Where two vendors declare one key differently, the
/// union takes both: a choice takes every vendor's values, a mapping every vendor's
/// keys. Other kinds must agree, which the registry's conformance tests check.
enum SettingsUnion {
  /// The union of the tables' settings: each vendor's own keys first, then shared ones.
  static func shape(_ tables: [VendorTable]) -> ObjectShape {
    let fields = union(tables.map { ($0.type, $0.settings) })
    let shared = fields.filter { $0.vendors.count > 1 }
    return ObjectShape(
      title: "Scan settings", place: "scan settings (a scan, a profile or a provider's `defaults`)",
      fields: fields.filter { $0.vendors.count == 1 } + shared)
  }

  /// The union of lists of fields, keys in first-declared order.
  static func union(_ lists: [(type: ProviderType, fields: [Field])]) -> [Field] {
    var order: [String] = []
    var declared: [String: [(type: ProviderType, field: Field)]] = [:]
    for (type, fields) in lists {
      for field in fields {
        if declared[field.key] == nil { order.append(field.key) }
        declared[field.key, default: []].append((type, field))
      }
    }
    return order.map { merge(declared[$0]!) }
  }

  /// One key as every vendor that declares it does.
  private static func merge(_ all: [(type: ProviderType, field: Field)]) -> Field {
    let first = all[0].field
    let vendors = Set(all.map(\.type))
    guard all.count > 1 else { return rebuilt(first, kind: first.kind, vendors: vendors) }
    let kind: ValueKind
    switch first.kind {
    case .object(let shape):
      var lists: [(ProviderType, [Field])] = []
      var shapes: [ObjectShape] = []
      for (type, field) in all {
        guard case .object(let nested) = field.kind else {
          preconditionFailure("vendors declare `\(first.key)` with different kinds")
        }
        lists.append((type, nested.fields))
        shapes.append(nested)
      }
      let alike = shapes.allSatisfy { $0.title == shape.title && $0.place == shape.place }
      kind = .object(
        ObjectShape(
          title: alike ? shape.title : "`\(first.key)`",
          place: alike ? shape.place : "a scan's `\(first.key)`",
          fields: union(lists), allowsExtensions: shape.allowsExtensions))
    case .choice:
      var values: [String] = []
      for (_, field) in all {
        guard case .choice(let more) = field.kind else {
          preconditionFailure("vendors declare `\(first.key)` with different kinds")
        }
        values += more.filter { !values.contains($0) }
      }
      kind = .choice(values)
    default:
      precondition(
        all.allSatisfy { sameKind($0.field.kind, first.kind) },
        "vendors declare `\(first.key)` with different kinds")
      kind = first.kind
    }
    let defaults = all.map(\.field.defaultValue)
    let agreed = defaults.allSatisfy { $0 == defaults[0] }
    return Field(
      first.key, kind, default: agreed ? first.defaultValue : nil,
      defaultText: agreed ? first.defaultText : nil, vendors: vendors,
      environment: all.contains { $0.field.allowsEnvironment },
      requiredAfterMerge: false, wire: first.wire, summary: first.summary)
  }

  private static func rebuilt(_ field: Field, kind: ValueKind, vendors: Set<ProviderType>)
    -> Field
  {
    if case .object(let shape) = kind {
      return Field(
        field.key,
        .object(
          ObjectShape(
            title: shape.title, place: shape.place,
            fields: shape.fields.map { rebuilt($0, kind: $0.kind, vendors: vendors) },
            allowsExtensions: shape.allowsExtensions)),
        default: field.defaultValue, defaultText: field.defaultText, vendors: vendors,
        environment: field.allowsEnvironment, wire: field.wire, unusedWhen: field.unusedWhen,
        summary: field.summary)
    }
    return field.vendors == vendors
      ? field
      : Field(
        field.key, kind, default: field.defaultValue, defaultText: field.defaultText,
        vendors: vendors, environment: field.allowsEnvironment, wire: field.wire,
        unusedWhen: field.unusedWhen, summary: field.summary)
  }

  /// Whether two kinds are the same, mappings and choices included.
  static func sameKind(_ lhs: ValueKind, _ rhs: ValueKind) -> Bool {
    switch (lhs, rhs) {
    case (.object(let a), .object(let b)): a === b
    case (.choice(let a), .choice(let b)): a == b
    case (.map(let a, let m), .map(let b, let n)), (.list(let a, let m), .list(let b, let n)):
      m == n && sameKind(a, b)
    case (.integer(let a), .integer(let b)): a == b
    case (.number(.greaterThan(let a)), .number(.greaterThan(let b))): a == b
    case (.number(.atLeast(let a)), .number(.atLeast(let b))): a == b
    case (.name, .name), (.providerReference, .providerReference),
      (.profileReference, .profileReference), (.boolean, .boolean), (.duration, .duration),
      (.uuid, .uuid), (.url, .url), (.webURL, .webURL), (.text, .text), (.token, .token),
      (.path, .path), (.version, .version),
      (.affirmation, .affirmation):
      true
    default: false
    }
  }
}
