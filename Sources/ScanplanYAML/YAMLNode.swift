/// The identity of a node inside one `YAMLDocument`. Ordered by when the node
/// completed: a collection comes after everything in it.
package struct YAMLNodeID: Hashable, Comparable, Sendable {
  @usableFromInline let raw: Int32
  @inlinable init(_ index: Int) { raw = Int32(truncatingIfNeeded: index) }
  @inlinable var index: Int { Int(raw) }

  /// Whether `lhs` completed before `rhs`.
  @inlinable package static func < (lhs: YAMLNodeID, rhs: YAMLNodeID) -> Bool {
    lhs.raw < rhs.raw
  }
}

/// One node of a loaded YAML document, with the source range it was read from.
///
/// Nodes are stored in one array per document (an arena) of plain records, their texts
/// beside them, so that a large plan costs a few allocations and reading a node's kind
/// or range touches no reference counts.
@usableFromInline package struct YAMLNode: Sendable {
  /// What kind of node this is.
  @usableFromInline package enum Kind: UInt8, Sendable {
    /// A scalar: `text` holds its value.
    case scalar
    /// A sequence: `YAMLDocument.items(of:)` lists its items.
    case sequence
    /// A mapping: `YAMLDocument.pairs(of:)` lists its pairs, merge keys applied.
    case mapping
    /// An alias (`*name`): `YAMLDocument.resolve(_:)` gives the node it stands for.
    case alias
  }

  /// How a scalar was written; the validator uses it to tell `yes` from `"yes"`.
  @usableFromInline package enum Style: UInt8, Sendable {
    /// Not a scalar, or a plain scalar: `value`.
    case plain
    /// `'value'`.
    case singleQuoted
    /// `"value"`.
    case doubleQuoted
    /// `|` block.
    case literal
    /// `>` block.
    case folded
  }

  /// The explicit tag a node carried, limited to the core schema's tags.
  @usableFromInline package enum Tag: UInt8, Sendable {
    /// No tag, or the non-specific `!`-less form: resolved by the core schema.
    case implicit
    /// `!` or `!!str`: always a string.
    case string
    /// `!!int`.
    case int
    /// `!!float`.
    case float
    /// `!!bool`.
    case bool
    /// `!!null`.
    case null
    /// `!!map` or `!!seq` on a collection: nothing to resolve.
    case collection
  }

  @usableFromInline let record: NodeRecord
  /// A scalar's value; an alias's anchor name; empty for collections.
  @usableFromInline package let text: String

  @inlinable init(record: NodeRecord, text: String) {
    self.record = record
    self.text = text
  }

  @inlinable package var kind: Kind { record.kind }
  /// The scalar style (`.plain` for collections).
  @inlinable package var style: Style { record.style }
  /// The explicit tag, if any.
  @inlinable package var tag: Tag { record.tag }
  /// Where the node was read from. For an alias, where `*name` was written.
  @inlinable package var range: SourceRange { record.range }

  /// Whether this scalar is a plain scalar without a tag: the only kind the core schema
  /// resolves to something other than a string.
  package var isPlainUntagged: Bool { style == .plain && tag == .implicit }
}

/// A loaded YAML document: a tree of nodes, where aliases share the node they name.
///
/// A class: validators hold and pass it everywhere, and a reference is one retain where
/// a struct of three arrays would be three. Its hot accessors are inlinable so that
/// reading a node's kind or range costs no call and no reference counting.
package final class YAMLDocument: Sendable {
  @usableFromInline let nodes: [NodeRecord]
  /// Every scalar's text back to back. Texts become `String`s only when asked for, so
  /// keys, which are only compared, never do.
  @usableFromInline let textBytes: [UInt8]
  @usableFromInline let children: [YAMLNodeID]
  package let root: YAMLNodeID

  /// A document holding one null: a placeholder for one not loaded yet.
  package static let empty = YAMLDocument(
    nodes: [
      NodeRecord(
        kind: .scalar, style: .plain, tag: .implicit, range: .init(at: .start), textStart: 0,
        textCount: 0, first: 0, count: 0)
    ], textBytes: [], children: [], root: YAMLNodeID(0))

  init(nodes: [NodeRecord], textBytes: [UInt8], children: [YAMLNodeID], root: YAMLNodeID) {
    self.nodes = nodes
    self.textBytes = textBytes
    self.children = children
    self.root = root
  }

  /// The node with this identity.
  @inlinable package subscript(id: YAMLNodeID) -> YAMLNode {
    YAMLNode(record: nodes[id.index], text: text(id))
  }

  /// A node's kind, without building the node.
  @inlinable package func kind(_ id: YAMLNodeID) -> YAMLNode.Kind { nodes[id.index].kind }

  /// A node's range, without building the node.
  @inlinable package func range(_ id: YAMLNodeID) -> SourceRange { nodes[id.index].range }

  /// A node's text as a new string.
  @inlinable package func text(_ id: YAMLNodeID) -> String {
    let record = nodes[id.index]
    let start = Int(record.textStart)
    return String(decoding: textBytes[start..<start + Int(record.textCount)], as: UTF8.self)
  }

  /// A node's scalar style, without building the node.
  @inlinable package func style(_ id: YAMLNodeID) -> YAMLNode.Style { nodes[id.index].style }

  /// A node's explicit tag, without building the node.
  @inlinable package func tag(_ id: YAMLNodeID) -> YAMLNode.Tag { nodes[id.index].tag }

  /// Calls `body` with a node's text as bytes, without making a string.
  @inlinable package func withTextBytes<Result>(
    _ id: YAMLNodeID, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    let record = nodes[id.index]
    return textBytes.withUnsafeBufferPointer { all in
      body(
        UnsafeBufferPointer(
          rebasing: all[Int(record.textStart)..<Int(record.textStart + record.textCount)]))
    }
  }

  /// The length of a node's text in UTF-8 bytes.
  @inlinable package func textCount(_ id: YAMLNodeID) -> Int { Int(nodes[id.index].textCount) }

  /// Whether a node's text is exactly these bytes, compared without making a string.
  @inlinable package func text(_ id: YAMLNodeID, equals bytes: [UInt8]) -> Bool {
    nodes[id.index].hasText(bytes, in: textBytes)
  }

  /// Whether two nodes' texts are the same bytes, compared without making strings.
  @inlinable package func sameText(_ lhs: YAMLNodeID, _ rhs: YAMLNodeID) -> Bool {
    nodes[lhs.index].hasSameText(as: nodes[rhs.index], in: textBytes)
  }

  /// The node an alias stands for, or `id` itself when it is not an alias.
  @inlinable package func resolve(_ id: YAMLNodeID) -> YAMLNodeID {
    var current = id
    while nodes[current.index].kind == .alias {
      current = YAMLNodeID(Int(nodes[current.index].first))
    }
    return current
  }

  /// The items of a sequence (aliases unresolved), or none for another kind of node.
  @inlinable package func items(of id: YAMLNodeID) -> ArraySlice<YAMLNodeID> {
    let node = nodes[id.index]
    guard node.kind == .sequence else { return [] }
    return children[Int(node.first)..<Int(node.first + node.count)]
  }

  /// The pairs of a mapping in document order, with pairs brought in by merge keys after
  /// the mapping's own; none for another kind of node.
  @inlinable package func pairs(of id: YAMLNodeID) -> Pairs {
    let node = nodes[id.index]
    guard node.kind == .mapping else { return Pairs(children: children[0..<0]) }
    return Pairs(children: children[Int(node.first)..<Int(node.first + node.count * 2)])
  }

  /// The key and value pairs of a mapping, keys first.
  package struct Pairs: RandomAccessCollection, Sendable {
    @usableFromInline let children: ArraySlice<YAMLNodeID>

    @inlinable init(children: ArraySlice<YAMLNodeID>) {
      self.children = children
    }
    /// The first pair's index.
    @inlinable package var startIndex: Int { 0 }
    /// One past the last pair's index.
    @inlinable package var endIndex: Int { children.count / 2 }
    /// The pair at `position`.
    @inlinable package subscript(position: Int) -> (key: YAMLNodeID, value: YAMLNodeID) {
      let base = children.startIndex + position * 2
      return (children[base], children[base + 1])
    }
  }

}

extension YAMLDocument: Equatable {
  /// Whether two documents hold the same nodes, texts and ranges, node for node.
  package static func == (lhs: YAMLDocument, rhs: YAMLDocument) -> Bool {
    lhs === rhs
      || (lhs.root == rhs.root && lhs.nodes == rhs.nodes && lhs.children == rhs.children
        && lhs.textBytes == rhs.textBytes)
  }
}
