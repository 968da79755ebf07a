import OrderedCollections

/// A JSON value whose objects keep their keys in the order they were written, so every
/// document scanplan prints (schemas, reports, SARIF) is byte-for-byte stable.
package enum JSONValue: Equatable, Sendable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// An integer.
  case int(Int)
  /// A floating-point number; must be finite.
  case double(Double)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object with its keys in order.
  case object(JSONObject)

  /// The value of `key` in an object, or nil.
  package subscript(key: String) -> JSONValue? {
    if case .object(let object) = self { return object[key] }
    return nil
  }

  /// The string, or nil for another kind of value.
  package var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// Whether the value is a number, whole or not.
  package var isNumber: Bool {
    switch self {
    case .int, .double: return true
    default: return false
    }
  }

  /// Whether the value is a scalar: no array, no object.
  package var isScalar: Bool {
    switch self {
    case .array, .object: return false
    default: return true
    }
  }

  /// The integer (or a whole double), or nil.
  package var intValue: Int? {
    switch self {
    case .int(let value): return value
    case .double(let value): return Int(exactly: value)
    default: return nil
    }
  }

  /// The number as a double, or nil.
  package var doubleValue: Double? {
    switch self {
    case .int(let value): return Double(value)
    case .double(let value): return value
    default: return nil
    }
  }

  /// The boolean, or nil.
  package var boolValue: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }

  /// The array, or nil.
  package var arrayValue: [JSONValue]? {
    if case .array(let value) = self { return value }
    return nil
  }

  /// The object, or nil.
  package var objectValue: JSONObject? {
    if case .object(let value) = self { return value }
    return nil
  }
}

/// A JSON object that keeps its keys in insertion order. Setting an existing key
/// replaces its value in place. Lookups are hashed, so building or reading an object of
/// n members costs O(n), not O(n²): reports and state files grow with the plan.
package struct JSONObject: Equatable, Sendable, ExpressibleByDictionaryLiteral {
  private var storage: OrderedDictionary<String, JSONValue> = [:]

  /// An empty object.
  package init() {}

  /// An object with these members, in this order.
  package init(dictionaryLiteral elements: (String, JSONValue)...) {
    for (key, value) in elements { self[key] = value }
  }

  /// The members in order, as `(key, value)` pairs.
  package var members: [(key: String, value: JSONValue)] { Array(storage.elements) }

  /// The value of `key`; setting nil removes it.
  package subscript(key: String) -> JSONValue? {
    get { storage[key] }
    set { storage[key] = newValue }
  }

  package var keys: [String] { Array(storage.keys) }

  /// The number of members.
  package var count: Int { storage.count }

  /// Whether the object has no members.
  package var isEmpty: Bool { storage.isEmpty }

  /// Makes room for `capacity` members.
  package mutating func reserveCapacity(_ capacity: Int) {
    storage.reserveCapacity(capacity)
  }
}

extension JSONValue: ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByStringLiteral, ExpressibleByFloatLiteral, ExpressibleByNilLiteral,
  ExpressibleByArrayLiteral
{
  package init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  /// `true` or `false`.
  package init(booleanLiteral value: Bool) { self = .bool(value) }
  package init(integerLiteral value: Int) { self = .int(value) }
  package init(stringLiteral value: String) { self = .string(value) }
  package init(floatLiteral value: Double) { self = .double(value) }
  /// `null`.
  package init(nilLiteral: ()) { self = .null }
}
