/// A binary min-heap: the scheduler's queue of due requests per budget.
struct MinHeap<Element: Comparable & Sendable>: Sendable {
  private(set) var elements: [Element] = []

  var isEmpty: Bool { elements.isEmpty }
  var count: Int { elements.count }
  var first: Element? { elements.first }

  mutating func insert(_ element: Element) {
    elements.append(element)
    var child = elements.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard elements[child] < elements[parent] else { break }
      elements.swapAt(child, parent)
      child = parent
    }
  }

  mutating func popFirst() -> Element? {
    guard !elements.isEmpty else { return nil }
    elements.swapAt(0, elements.count - 1)
    let first = elements.removeLast()
    var parent = 0
    while true {
      let left = parent * 2 + 1
      let right = left + 1
      var smallest = parent
      if left < elements.count, elements[left] < elements[smallest] { smallest = left }
      if right < elements.count, elements[right] < elements[smallest] { smallest = right }
      guard smallest != parent else { break }
      elements.swapAt(parent, smallest)
      parent = smallest
    }
    return first
  }

  /// Removes every element that matches, keeping the heap order.
  mutating func removeAll(where predicate: (Element) -> Bool) {
    let kept = elements.filter { !predicate($0) }
    elements = []
    for element in kept { insert(element) }
  }
}
