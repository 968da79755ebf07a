import ScanplanYAML

/// Scalars of one document seen so far, found by their text's bytes, with the node each
/// text was first seen at. A plan's asset names (20,000 in a large one) are checked for
/// repeats without making a string of each.
///
/// Open addressing over `Hasher`, whose per-process seed keeps a hostile plan from
/// choosing names that collide.
struct TextIndex {
  /// Per bucket: 0 when empty, else 1 + an index into `entries`.
  private var buckets: [Int32]
  /// What was recorded: the node whose text counts, and the node to point at.
  private var entries: [(text: YAMLNodeID, at: YAMLNodeID)] = []

  /// An index sized for about `capacity` texts; it grows past that. Every call must pass
  /// the same document.
  init(capacity: Int) {
    var size = 16
    while size < capacity * 2 { size *= 2 }
    buckets = Array(repeating: 0, count: size)
    entries.reserveCapacity(capacity)
  }

  /// Whether nothing was recorded yet.
  var isEmpty: Bool { entries.isEmpty }

  /// The node recorded first with the same text as `text`, or nil after recording
  /// `text` (to be pointed at through `at`).
  mutating func firstOrInsert(_ text: YAMLNodeID, at: YAMLNodeID, in document: YAMLDocument)
    -> YAMLNodeID?
  {
    if entries.count * 2 >= buckets.count { grow(document) }
    var bucket = hash(text, document) & (buckets.count - 1)
    while buckets[bucket] != 0 {
      let entry = entries[Int(buckets[bucket]) - 1]
      if document.sameText(entry.text, text) { return entry.at }
      bucket = (bucket + 1) & (buckets.count - 1)
    }
    entries.append((text, at))
    buckets[bucket] = Int32(entries.count)
    return nil
  }

  private func hash(_ id: YAMLNodeID, _ document: YAMLDocument) -> Int {
    document.withTextBytes(id) { bytes in
      var hasher = Hasher()
      hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
      return hasher.finalize()
    }
  }

  private mutating func grow(_ document: YAMLDocument) {
    buckets = Array(repeating: 0, count: buckets.count * 2)
    for (index, entry) in entries.enumerated() {
      var bucket = hash(entry.text, document) & (buckets.count - 1)
      while buckets[bucket] != 0 { bucket = (bucket + 1) & (buckets.count - 1) }
      buckets[bucket] = Int32(index + 1)
    }
  }
}
