/// What a document stores for a node: plain data, no references, so reading a node's
/// kind or range costs no reference counting.
@usableFromInline struct NodeRecord: Equatable, Sendable {
  @usableFromInline let kind: YAMLNode.Kind
  @usableFromInline let style: YAMLNode.Style
  @usableFromInline let tag: YAMLNode.Tag
  // 32-bit positions: a large plan has hundreds of thousands of nodes.
  @usableFromInline let startLine: Int32
  @usableFromInline let startColumn: Int32
  @usableFromInline let endLine: Int32
  @usableFromInline let endColumn: Int32
  /// Where the text (a scalar's value, an alias's name) starts in the document's byte
  /// arena, and its length in bytes; empty for collections.
  @usableFromInline let textStart: Int32
  @usableFromInline let textCount: Int32
  /// Children start, or an alias's target.
  @usableFromInline let first: Int32
  @usableFromInline let count: Int32

  init(
    kind: YAMLNode.Kind, style: YAMLNode.Style, tag: YAMLNode.Tag, range: SourceRange,
    textStart: Int32, textCount: Int32, first: Int32, count: Int32
  ) {
    self.kind = kind
    self.style = style
    self.tag = tag
    self.startLine = Int32(clamping: range.start.line)
    self.startColumn = Int32(clamping: range.start.column)
    self.endLine = Int32(clamping: range.end.line)
    self.endColumn = Int32(clamping: range.end.column)
    self.textStart = textStart
    self.textCount = textCount
    self.first = first
    self.count = count
  }

  /// Whether this record's text in `textBytes` is exactly `bytes`.
  @inlinable func hasText(_ bytes: [UInt8], in textBytes: [UInt8]) -> Bool {
    guard Int(textCount) == bytes.count else { return false }
    let start = Int(textStart)
    for offset in 0..<bytes.count where textBytes[start + offset] != bytes[offset] { return false }
    return true
  }

  /// Whether this record's text and `other`'s are the same bytes of `textBytes`.
  @inlinable func hasSameText(as other: NodeRecord, in textBytes: [UInt8]) -> Bool {
    guard textCount == other.textCount else { return false }
    let a = Int(textStart)
    let b = Int(other.textStart)
    for offset in 0..<Int(textCount) where textBytes[a + offset] != textBytes[b + offset] {
      return false
    }
    return true
  }

  @inlinable var range: SourceRange {
    SourceRange(
      start: SourcePosition(line: Int(startLine), column: Int(startColumn)),
      end: SourcePosition(line: Int(endLine), column: Int(endColumn)))
  }
}
