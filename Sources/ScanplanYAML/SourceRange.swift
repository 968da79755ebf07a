/// A point in a source file: 1-based line and 1-based column.
///
/// Columns count Unicode scalars, as libyaml does, so a tab and a `é` each take one.
@usableFromInline
package struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The 1-based line.
  package var line: Int
  /// The 1-based column, counted in Unicode scalars.
  package var column: Int

  /// Creates a position from a 1-based line and column.
  @usableFromInline package init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// The first character of a file.
  package static let start = SourcePosition(line: 1, column: 1)

  /// Orders by line, then column.
  @usableFromInline package static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
    lhs.line != rhs.line ? lhs.line < rhs.line : lhs.column < rhs.column
  }

  /// `line:column`.
  @usableFromInline package var description: String { "\(line):\(column)" }
}

/// A half-open range of a source file: `end` is the position just after the last character.
@usableFromInline
package struct SourceRange: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The first character of the range.
  package var start: SourcePosition
  /// The position just after the last character of the range.
  package var end: SourcePosition

  /// Creates a range; `end` is exclusive.
  @usableFromInline package init(start: SourcePosition, end: SourcePosition) {
    self.start = start
    self.end = end
  }

  /// An empty range at `position`, for problems that have no extent (the end of a file).
  package init(at position: SourcePosition) {
    self.init(start: position, end: position)
  }

  /// The range covering the first character of a file.
  package static let fileStart = SourceRange(
    start: .start, end: SourcePosition(line: 1, column: 2))

  /// Orders by start, then end.
  @usableFromInline package static func < (lhs: SourceRange, rhs: SourceRange) -> Bool {
    lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
  }

  /// `line:column-line:column`.
  @usableFromInline package var description: String { "\(start)-\(end)" }
}
