import ScanplanVendorKit
import ScanplanYAML

extension ObjectShape {
  /// The index of a key's field, compared with the document's key text without making a
  /// string. Shapes are small, and comparing a few short keys is cheaper than hashing
  /// one, which matters when every key of a large plan comes here.
  func position(ofKey id: YAMLNodeID, in document: YAMLDocument) -> Int? {
    let length = document.textCount(id)
    for offset in keyLengths.indices where keyLengths[offset] == length {
      if document.text(id, equals: keyBytes[offset]) { return offset }
    }
    return nil
  }
}
