import ScanplanYAML

/// Names seen so far with where each was first written. Most sets are small (the scans
/// of one asset), where a short array beats hashing; large ones switch to a dictionary.
struct NameIndex {
  private var small: [(name: String, range: SourceRange)] = []
  private var large: [String: SourceRange]?

  /// Where `name` was first recorded, if it was.
  func first(_ name: String) -> SourceRange? {
    if let large { return large[name] }
    return small.first { $0.name == name }?.range
  }

  /// Whether `name` was recorded.
  func contains(_ name: String) -> Bool { first(name) != nil }

  /// Records `name` unless it is already there; returns whether it was new.
  @discardableResult
  mutating func insert(_ name: String, at range: SourceRange) -> Bool {
    if first(name) != nil { return false }
    if large != nil {
      large![name] = range
    } else if small.count < 16 {
      small.append((name, range))
    } else {
      var table = Dictionary(
        small.map { ($0.name, $0.range) }, uniquingKeysWith: { first, _ in first })
      table[name] = range
      large = table
      small = []
    }
    return true
  }
}
