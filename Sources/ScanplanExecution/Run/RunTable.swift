/// The id of a row of a run's tables: a scan's place in plan order (`JobID`), a budget's
/// in order of first use (`BudgetID`). A table is read only by its own kind of id, so a
/// scan's number is never taken for a budget's.
package protocol RunTableID: Hashable, Comparable, Sendable, ExpressibleByIntegerLiteral,
  CustomStringConvertible
{
  /// The row's place in its table.
  var index: Int { get }
  init(_ index: Int)
}

extension RunTableID {
  package init(integerLiteral value: Int) { self.init(value) }
  package static func < (lhs: Self, rhs: Self) -> Bool { lhs.index < rhs.index }
  package var description: String { String(index) }
}

/// A scan of the run.
package struct JobID: RunTableID {
  package let index: Int
  package init(_ index: Int) { self.index = index }
}

/// A request budget of the run.
package struct BudgetID: RunTableID {
  package let index: Int
  package init(_ index: Int) { self.index = index }
}

/// One value per job or per budget, read by its id, and in order as a collection.
package struct RunTable<ID: RunTableID, Value>: RandomAccessCollection,
  ExpressibleByArrayLiteral
{
  package private(set) var values: [Value]

  package init(_ values: [Value]) { self.values = values }
  package init(arrayLiteral values: Value...) { self.values = values }

  package var startIndex: Int { values.startIndex }
  package var endIndex: Int { values.endIndex }
  package subscript(position: Int) -> Value { values[position] }

  /// The row of `id`.
  package subscript(id: ID) -> Value {
    get { values[id.index] }
    _modify { yield &values[id.index] }
  }

  /// Every row's id, in order.
  package var ids: [ID] { values.indices.map(ID.init) }
}

extension RunTable: Sendable where Value: Sendable {}
