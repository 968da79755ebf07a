package import ScanplanJSON
package import ScanplanPlan
import ScanplanVendorKit

/// Generates the plan format's JSON Schema (draft 2020-12) from the same tables the
/// validator checks by. `schemas/scanplan.schema.json` is its output, and a test fails
/// when the two differ.
///
/// The schema is for editors: it catches what a schema can (types, keys, patterns) and
/// leaves to the validator what it cannot (references, merging, vendor fit by provider).
package struct JSONSchemaGenerator: Sendable {
  /// Where editors and `$schema` lines find the schema.
  package static let id =
    "https://raw.githubusercontent.com/scanplan/scanplan/main/schemas/scanplan.schema.json"

  package let format: PlanFormat
  /// The fields of the settings union, the only ones that say which vendors take them.
  private let unionFields: Set<ObjectIdentifier>

  /// A generator for `format`'s plans.
  package init(format: PlanFormat) {
    self.format = format
    var fields: Set<ObjectIdentifier> = []
    for field in format.scanSettings.fields {
      fields.insert(ObjectIdentifier(field))
      if case .object(let nested) = field.kind {
        for leaf in nested.fields { fields.insert(ObjectIdentifier(leaf)) }
      }
    }
    unionFields = fields
  }

  /// The schema document, pretty-printed with a trailing newline.
  package func render() -> String {
    JSONWriter.pretty(.object(schema()))
  }

  /// The schema as a JSON object.
  package func schema() -> JSONObject {
    var root = object(format.plan)
    root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    root["$id"] = .string(Self.id)
    root["title"] = "scanplan plan (format version 1)"
    root["description"] =
      "A scan plan: providers, reusable profiles and the assets to scan. See docs/plan-reference.md."
    // Put the header keys first for people reading the file.
    var ordered: JSONObject = [:]
    for key in ["$schema", "$id", "title", "description"] { ordered[key] = root[key] }
    for member in root.members where ordered[member.key] == nil {
      ordered[member.key] = member.value
    }
    ordered["$defs"] = .object(definitions())
    return ordered
  }

  private func definitions() -> JSONObject {
    var defs: JSONObject = [:]
    defs["name"] = .object([
      "type": "string", "pattern": .string(PlanFormat.namePattern),
      "description": "letters, digits, `.`, `_` and `-`, starting with a letter or digit",
    ])
    defs["duration"] = .object([
      "description":
        "whole seconds, or whole units of h, m and s in that order (`90s`, `15m`, `1h30m`)",
      "oneOf": [
        .object(["type": "integer", "minimum": 0]),
        .object([
          "type": "string", "pattern": "^([0-9]+h([0-9]+m)?([0-9]+s)?|[0-9]+m([0-9]+s)?|[0-9]+s)$",
        ]),
      ],
    ])
    defs["uuid"] = .object([
      "type": "string",
      "pattern": "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$",
    ])
    defs["environmentReference"] = .object([
      "type": "string", "pattern": "\\$\\{[A-Za-z_][A-Za-z0-9_]*(:-[^}]*)?\\}",
      "description": "a string with `${NAME}` or `${NAME:-fallback}`, resolved when the plan runs",
    ])
    defs["provider"] = .object(providerSchema())
    defs["scanSettings"] = .object(object(format.scanSettings))
    for table in format.registry.tables {
      defs["\(table.type.rawValue)Settings"] = .object(vendorSettings(table))
    }
    return defs
  }

  /// A provider, with `defaults` narrowed to its type's settings.
  private func providerSchema() -> JSONObject {
    var provider = object(format.provider)
    provider["allOf"] = .array(
      format.registry.tables.map { table in
        .object([
          "if": .object([
            "properties": .object(["type": .object(["const": .string(table.type.rawValue)])]),
            "required": ["type"],
          ]),
          "then": .object([
            "properties": .object([
              "defaults": .object(["$ref": .string("#/$defs/\(table.type.rawValue)Settings")])
            ]),
            // Each vendor names its own credential key (ZAP's `api_key`).
            "required": .array([.string(table.credentialKey)]),
          ]),
        ])
      })
    return provider
  }

  private func vendorSettings(_ table: VendorTable) -> JSONObject {
    let shape = ObjectShape(
      title: "\(table.displayName) scan settings", place: "", fields: table.settings)
    var schema = object(shape)
    schema["type"] = ["object", "null"]
    return schema
  }

  func object(_ shape: ObjectShape) -> JSONObject {
    var properties: JSONObject = [:]
    for field in shape.fields { properties[field.key] = .object(property(field)) }
    var schema: JSONObject = ["type": "object", "title": .string(shape.title)]
    schema["properties"] = .object(properties)
    let required = shape.fields.filter(\.isRequired).map { JSONValue.string($0.key) }
    if !required.isEmpty { schema["required"] = .array(required) }
    if shape.allowsExtensions {
      schema["patternProperties"] = .object([
        "^x-": .object(["description": "ignored; a place for anchors"])
      ])
    }
    if shape.title == format.asset.title {
      // Each vendor's asset keys are required on that vendor's assets.
      schema["anyOf"] = .array(
        format.registry.tables.map { table in
          .object(["required": .array(table.assetFields.map { .string($0.key) })])
        })
    }
    schema["additionalProperties"] = false
    return schema
  }

  private func property(_ field: Field) -> JSONObject {
    var schema = kind(field.kind, environment: field.allowsEnvironment)
    if !field.isRequired {
      switch field.kind {
      case .object, .map, .list: schema = nullable(schema)
      default: break
      }
    }
    var described: JSONObject = ["title": .string(Self.title(field.key))]
    var description = field.summary
    if let text = field.defaultText { description += " (default: \(text))" }
    if unionFields.contains(ObjectIdentifier(field)),
      field.vendors.count < format.registry.types.count
    {
      description +=
        " ["
        + format.registry.ordered(field.vendors).map { format.vendor($0).table.displayName }
        .joined(separator: ", ") + "]"
    }
    described["description"] = .string(description)
    if let value = field.defaultValue { described["default"] = value }
    for member in schema.members { described[member.key] = member.value }
    return described
  }

  private func nullable(_ schema: JSONObject) -> JSONObject {
    if let type = schema["type"]?.stringValue {
      var copy = schema
      copy["type"] = [.string(type), "null"]
      return copy
    }
    return ["anyOf": [.object(schema), .object(["type": "null"])]]
  }

  private func kind(_ kind: ValueKind, environment: Bool) -> JSONObject {
    switch kind {
    case .name, .providerReference, .profileReference:
      return ["$ref": "#/$defs/name"]
    case .integer(let minimum):
      return ["type": "integer", "minimum": .int(minimum)]
    case .number(.greaterThan(let bound)):
      return ["type": "number", "exclusiveMinimum": number(bound)]
    case .number(.atLeast(let bound)):
      return ["type": "number", "minimum": number(bound)]
    case .boolean:
      return ["type": "boolean"]
    case .duration:
      return ["$ref": "#/$defs/duration"]
    case .uuid:
      return environment
        ? [
          "anyOf": [
            .object(["$ref": "#/$defs/uuid"]), .object(["$ref": "#/$defs/environmentReference"]),
          ]
        ]
        : ["$ref": "#/$defs/uuid"]
    case .url:
      let url: JSONValue = .object([
        "type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s?#@]+$",
      ])
      return environment
        ? ["anyOf": [url, .object(["$ref": "#/$defs/environmentReference"])]] : url.objectValue!
    case .token:
      return ["type": "string", "pattern": "^\\$\\{[A-Za-z_][A-Za-z0-9_]*\\}$"]
    case .webURL:
      let url: JSONValue = .object([
        "type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s@]+$",
      ])
      return environment
        ? ["anyOf": [url, .object(["$ref": "#/$defs/environmentReference"])]] : url.objectValue!
    case .text:
      return ["type": "string", "minLength": 1]
    case .path:
      return ["type": "string", "minLength": 1]
    case .choice(let choices):
      return ["type": "string", "enum": .array(choices.map(JSONValue.string))]
    case .version:
      return ["const": 1]
    case .affirmation:
      return ["enum": ["yes", "Yes", "YES", true]]
    case .object(let shape):
      if shape.title == format.scanSettings.title { return ["$ref": "#/$defs/scanSettings"] }
      if shape.title == format.provider.title { return ["$ref": "#/$defs/provider"] }
      return object(shape)
    case .map(let value, let minCount):
      var schema: JSONObject = [
        "type": "object",
        "propertyNames": .object(["$ref": "#/$defs/name"]),
      ]
      var valueSchema = self.kind(value, environment: false)
      if case .object = value { valueSchema = nullable(valueSchema) }
      schema["additionalProperties"] = .object(valueSchema)
      if minCount > 0 { schema["minProperties"] = .int(minCount) }
      return schema
    case .list(let item, let minCount):
      var schema: JSONObject = [
        "type": "array", "items": .object(self.kind(item, environment: false)),
      ]
      if minCount > 0 { schema["minItems"] = .int(minCount) }
      return schema
    }
  }

  private func number(_ value: Double) -> JSONValue {
    Int(exactly: value).map(JSONValue.int) ?? .double(value)
  }

  /// `requests_per_second` as "Requests per second".
  static func title(_ key: String) -> String {
    let words = key.split(separator: "_").joined(separator: " ")
    return words.prefix(1).uppercased() + words.dropFirst()
  }
}
