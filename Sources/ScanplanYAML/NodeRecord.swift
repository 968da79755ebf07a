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

  @inlinable var range: SourceRange {
    SourceRange(
      start: SourcePosition(line: Int(startLine), column: Int(startColumn)),
      end: SourcePosition(line: Int(endLine), column: Int(endColumn)))
  }
}
