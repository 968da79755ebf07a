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
    }
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
