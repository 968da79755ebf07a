/// The keys a mapping may have. A class for the same reason as `Field`.
package final class ObjectShape: Sendable {
  /// A short title for docs and the schema ("Provider", "S4E options").
  package let title: String
  /// Where such a mapping sits in a plan, for hints about misplaced keys ("a provider's `poll`").
  package let place: String
  /// The keys, in the order the docs list them.
  package let fields: [Field]
  /// Whether keys starting with `x-` are allowed and ignored (a home for anchors).
  package let allowsExtensions: Bool
  /// The UTF-8 length of each key, compared before the keys themselves.
  package let keyLengths: [Int]
  /// Each key's UTF-8 bytes, compared with a document's key text without making strings.
  package let keyBytes: [[UInt8]]

  package init(title: String, place: String, fields: [Field], allowsExtensions: Bool = false) {
    self.title = title
    self.place = place
    self.fields = fields
    self.allowsExtensions = allowsExtensions
    keyLengths = fields.map { $0.key.utf8.count }
    keyBytes = fields.map { Array($0.key.utf8) }
  }

  /// The field for a key.
  package func field(_ key: String) -> Field? {
    position(of: key).map { fields[$0] }
  }

  /// The index of a key's field, by name. Shapes are small, and comparing a few short
  /// strings is cheaper than hashing one.
  package func position(of key: String) -> Int? {
    let length = key.utf8.count
    for offset in keyLengths.indices where keyLengths[offset] == length {
      if fields[offset].key == key { return offset }
    }
    return nil
  }

  /// The same shape with more keys listed first, for mappings that extend another.
  package func adding(_ more: [Field], title: String, place: String) -> ObjectShape {
    ObjectShape(
      title: title, place: place, fields: more + fields, allowsExtensions: allowsExtensions)
  }
}
