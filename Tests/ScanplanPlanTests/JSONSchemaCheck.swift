import Foundation
import ScanplanJSON

/// Checks a JSON value against a JSON Schema of draft 4, as the official SARIF 2.1.0
/// schema is written: `type`, `properties`, `additionalProperties`, `required`, `items`,
/// `minItems`, `uniqueItems`, `minimum`, `maximum`, `enum`, `pattern`, `anyOf`, `oneOf`,
/// `$ref` into `definitions`, and the `uri`, `uri-reference` and `date-time` formats.
/// Every keyword the schema uses is checked; one it does not know is a failure, so a
/// schema that grows cannot pass unchecked.
struct JSONSchemaCheck {
  let root: JSONValue

  /// Where the value breaks the schema, as JSON pointers with what is wrong; empty when
  /// it fits.
  func problems(_ value: JSONValue) -> [String] {
    var found: [String] = []
    check(value, against: root, at: "", into: &found)
    return found
  }

  private static let ignored: Set<String> = [
    "$schema", "id", "title", "description", "default", "definitions",
  ]

  private func check(
    _ value: JSONValue, against schema: JSONValue, at path: String, into found: inout [String]
  ) {
    guard let rules = schema.objectValue else { return }
    for (keyword, rule) in rules.members {
      switch keyword {
      case _ where Self.ignored.contains(keyword): continue
      case "$ref":
        let name = rule.stringValue?.replacingOccurrences(of: "#/definitions/", with: "") ?? ""
        guard let target = root["definitions"]?[name] else {
          found.append("\(path): unknown $ref \(rule)")
          continue
        }
        check(value, against: target, at: path, into: &found)
      case "type":
        let types = rule.arrayValue?.compactMap(\.stringValue) ?? [rule.stringValue ?? ""]
        if !types.contains(where: { Self.isType(value, $0) }) {
          found.append("\(path): not of type \(types)")
        }
      case "properties":
        guard let object = value.objectValue else { continue }
        for member in rule.objectValue?.members ?? [] {
          if let property = object[member.key] {
            check(property, against: member.value, at: path + "/" + member.key, into: &found)
          }
        }
      case "additionalProperties":
        guard let object = value.objectValue else { continue }
        let declared = Set((rules["properties"]?.objectValue?.members ?? []).map(\.key))
        for member in object.members where !declared.contains(member.key) {
          if rule == .bool(false) {
            found.append("\(path): property `\(member.key)` is not allowed")
          } else if rule.objectValue != nil {
            check(member.value, against: rule, at: path + "/" + member.key, into: &found)
          }
        }
      case "required":
        guard let object = value.objectValue else { continue }
        for name in rule.arrayValue?.compactMap(\.stringValue) ?? [] where object[name] == nil {
          found.append("\(path): `\(name)` is required")
        }
      case "items":
        for (index, item) in (value.arrayValue ?? []).enumerated() {
          check(item, against: rule, at: "\(path)/\(index)", into: &found)
        }
      case "minItems":
        if let items = value.arrayValue, items.count < (rule.intValue ?? 0) {
          found.append("\(path): fewer than \(rule.intValue ?? 0) items")
        }
      case "uniqueItems":
        if rule == .bool(true), let items = value.arrayValue {
          let texts = items.map { JSONWriter.compact($0) }
          if Set(texts).count != texts.count { found.append("\(path): items repeat") }
        }
      case "minimum":
        if let number = value.doubleValue, let bound = rule.doubleValue, number < bound {
          found.append("\(path): \(number) is below \(bound)")
        }
      case "maximum":
        if let number = value.doubleValue, let bound = rule.doubleValue, number > bound {
          found.append("\(path): \(number) is above \(bound)")
        }
      case "enum":
        if !(rule.arrayValue ?? []).contains(value) {
          found.append("\(path): \(value) not in enum")
        }
      case "pattern":
        guard let text = value.stringValue, let pattern = rule.stringValue else { continue }
        if text.range(of: pattern, options: .regularExpression) == nil {
          found.append("\(path): `\(text)` does not match \(pattern)")
        }
      case "format":
        guard let text = value.stringValue else { continue }
        switch rule.stringValue {
        case "uri"?:
          if URL(string: text)?.scheme == nil { found.append("\(path): `\(text)` is not a uri") }
        case "uri-reference"?:
          if URL(string: text) == nil { found.append("\(path): `\(text)` is not a uri-reference") }
        case "date-time"?:
          if ISO8601DateFormatter().date(from: text) == nil,
            text.range(
              of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$"#, options: .regularExpression)
              == nil
          {
            found.append("\(path): `\(text)` is not a date-time")
          }
        default:
          found.append("\(path): unknown format \(rule)")
        }
      case "anyOf", "oneOf":
        let branches = rule.arrayValue ?? []
        let fitting = branches.filter { branch in
          var inner: [String] = []
          check(value, against: branch, at: path, into: &inner)
          return inner.isEmpty
        }.count
        if keyword == "anyOf" ? fitting == 0 : fitting != 1 {
          found.append("\(path): fits \(fitting) of the \(keyword) branches")
        }
      default:
        found.append("\(path): the check does not know the keyword `\(keyword)`")
      }
    }
  }

  private static func isType(_ value: JSONValue, _ type: String) -> Bool {
    switch (type, value) {
    case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool),
      ("null", .null), ("number", .int), ("number", .double), ("integer", .int):
      return true
    case ("integer", .double(let number)):
      return number.rounded() == number
    default:
      return false
    }
  }
}
