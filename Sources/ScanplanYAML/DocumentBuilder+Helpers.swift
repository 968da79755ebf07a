import CLibYAML

extension DocumentBuilder {
  // MARK: Helpers

  mutating func append(_ node: NodeRecord) -> YAMLNodeID {
    nodes.append(node)
    return YAMLNodeID(nodes.count - 1)
  }

  mutating func appendText(_ text: String) -> Int32 {
    let start = Int32(truncatingIfNeeded: textBytes.count)
    textBytes.append(contentsOf: text.utf8)
    return start
  }

  /// A node's text as a string, for messages and the rare large mapping.
  func text(_ id: YAMLNodeID) -> String {
    let record = nodes[id.index]
    let start = Int(record.textStart)
    return String(decoding: textBytes[start..<start + Int(record.textCount)], as: UTF8.self)
  }

  /// Whether two nodes' texts are the same bytes.
  func sameText(_ lhs: YAMLNodeID, _ rhs: YAMLNodeID) -> Bool {
    nodes[lhs.index].hasSameText(as: nodes[rhs.index], in: textBytes)
  }

  /// Adds a finished node to the open collection, or makes it the root.
  mutating func attach(_ id: YAMLNodeID, expandedSize: Int) {
    if frames.isEmpty {
      root = id
    } else {
      scratch.append(id)
      frames[frames.count - 1].expandedSize += expandedSize
      if observer != nil, frames.count == 2 { notify(item: id) }
    }
  }

  /// Whether the innermost open collection is a list written as a value of the root
  /// mapping (a list at an even offset is a key, an error of its own).
  var isInRootList: Bool {
    frames.count == 2 && frames[0].kind == .mapping && frames[1].kind == .sequence
      && (frames[1].scratchStart - frames[0].scratchStart) % 2 == 1
  }

  /// Tells the observer that a list in the root mapping has opened.
  mutating func notifyListOpened() {
    guard let observer, isInRootList else { return }
    let start = frames[0].scratchStart
    let keyAt = frames[1].scratchStart - 1
    let earlier = stride(from: start, to: keyAt, by: 2).map {
      YAMLPair(key: scratch[$0], value: scratch[$0 + 1])
    }
    let key = scratch[keyAt]
    tell(rootedAt: key) { observer.listOpened(key: key, earlierPairs: earlier, in: $0) }
  }

  /// Tells the observer about a completed item of a list in the root mapping.
  mutating func notify(item: YAMLNodeID) {
    guard let observer, isInRootList else { return }
    let list = frames[1]
    let index = scratch.count - list.scratchStart - 1
    let key = scratch[list.scratchStart - 1]
    tell(rootedAt: item) {
      observer.itemCompleted(item, index: index, listKey: key, in: $0)
    }
  }

  /// Shows the observer what has loaded so far, and stops telling it when it keeps that.
  mutating func tell(rootedAt root: YAMLNodeID, _ body: (YAMLDocument) -> Void) {
    var snapshot = YAMLDocument(
      nodes: nodes, textBytes: textBytes, children: children, root: root)
    body(snapshot)
    if !isKnownUniquelyReferenced(&snapshot) { observer = nil }
  }

  func resolve(_ id: YAMLNodeID) -> YAMLNodeID {
    var current = id
    while nodes[current.index].kind == .alias {
      current = YAMLNodeID(Int(nodes[current.index].first))
    }
    return current
  }

  func describe(_ kind: YAMLNode.Kind) -> String {
    switch kind {
    case .scalar, .alias: return "scalar"
    case .sequence: return "list"
    case .mapping: return "mapping"
    }
  }

  mutating func resolveTag(
    _ tag: String?, collection: Bool, at range: SourceRange
  ) -> YAMLNode.Tag {
    guard let tag else { return .implicit }
    let core = "tag:yaml.org,2002:"
    if collection {
      if tag == core + "map" || tag == core + "seq" || tag == "!" { return .collection }
    } else {
      switch tag {
      case "!", core + "str": return .string
      case core + "int": return .int
      case core + "float": return .float
      case core + "bool": return .bool
      case core + "null": return .null
      default: break
      }
    }
    let shown = tag.hasPrefix(core) ? "!!" + tag.dropFirst(core.count) : tag
    errors.append(
      YAMLError(.unsupportedTag(shown: shown), at: range))
    return collection ? .collection : .string
  }

  /// An anchor's, alias's or tag's text, if the event has one.
  func string(_ slice: YAMLEventRecord.Slice, _ bytes: UnsafeMutablePointer<UInt8>)
    -> String?
  {
    guard slice.isPresent else { return nil }
    return String(
      decoding: UnsafeBufferPointer(start: bytes + Int(slice.start), count: Int(slice.count)),
      as: UTF8.self)
  }

  func position(_ mark: yaml_mark_t) -> SourcePosition {
    SourcePosition(line: mark.line + 1, column: mark.column + 1)
  }

  func range(_ start: yaml_mark_t, _ end: yaml_mark_t) -> SourceRange {
    SourceRange(start: position(start), end: position(end))
  }
}
