/// One header of a request or an answer, as sent or received: names keep their case, and
/// a list of them keeps its order and repeats.
package struct HTTPHeader: Hashable, Sendable {
  /// The name, as written.
  package var name: String
  /// The value, as written.
  package var value: String

  package init(_ name: String, _ value: String) {
    self.name = name
    self.value = value
  }
}

extension [HTTPHeader] {
  /// The first value of a header, its name matched without regard to case.
  package func first(named name: String) -> String? {
    let wanted = name.lowercased()
    return first { $0.name.lowercased() == wanted }?.value
  }

  /// Removes every header of a name, matched without regard to case.
  package mutating func removeAll(named name: String) {
    let unwanted = name.lowercased()
    removeAll { $0.name.lowercased() == unwanted }
  }
}
