import CLibYAML

extension DocumentBuilder {
  /// libyaml's own error, at libyaml's position, with its problem text.
  func parserError(_ failure: YAMLEventSource.Failure) -> YAMLError {
    let problem = failure.problem ?? "unknown problem"
    switch failure.error {
    case YAML_READER_ERROR:
      let starts = source.lineStarts()
      let at = source.position(ofByteOffset: failure.problemOffset, lineStarts: starts)
      let location = SourceRange(
        start: at, end: SourcePosition(line: at.line, column: at.column + 1))
      if problem.contains("control characters") {
        let value = failure.problemValue
        let shown =
          value == 0
          ? "NUL"
          : "U+" + String(UInt32(bitPattern: value), radix: 16, uppercase: true).leftPadded(to: 4)
        return YAMLError(.invalidCharacter(shown: shown), at: location)
      }
      let byte = failure.problemValue >= 0 ? String(format2Hex: failure.problemValue) : nil
      return YAMLError(.invalidUTF8(problem: problem, byte: byte), at: location)
    case YAML_MEMORY_ERROR:
      return YAMLError(.outOfMemory, at: .fileStart)
    default:
      let at = range(failure.problemMark, failure.problemMark)
      let problemRange = SourceRange(
        start: at.start, end: SourcePosition(line: at.start.line, column: at.start.column + 1))
      var notes: [YAMLError.Note] = []
      // libyaml often gives a context at the problem itself; a note there says nothing new.
      if let context = failure.context, position(failure.contextMark) != at.start {
        let mark = position(failure.contextMark)
        notes.append(
          .init(
            message: context,
            range: SourceRange(
              start: mark, end: SourcePosition(line: mark.line, column: mark.column + 1))))
      }
      let tab = character(at: at.start) == UInt8(ascii: "\t")
      return YAMLError(.syntax(problem: problem, tabIndented: tab), at: problemRange, notes: notes)
    }
  }

  /// The byte at a position, when it is a single-byte character.
  func character(at position: SourcePosition) -> UInt8? {
    let starts = source.lineStarts()
    guard let line = source.line(position.line, lineStarts: starts) else { return nil }
    var column = 1
    for byte in line where byte & 0xC0 != 0x80 {
      if column == position.column { return byte < 0x80 ? byte : nil }
      column += 1
    }
    return nil
  }
}

extension String {
  fileprivate init(format2Hex value: Int32) {
    let hex = String(UInt8(truncatingIfNeeded: value), radix: 16, uppercase: true)
    self = hex.count < 2 ? "0" + hex : hex
  }

  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
