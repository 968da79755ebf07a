/// The bytes of one plan file with the name it is reported under.
///
/// Positions are computed with the same line-break rules as libyaml (`\r\n`, `\r`, `\n`,
/// NEL, LS and PS), so an excerpt printed under a diagnostic is the line libyaml meant.
package struct SourceText: Sendable {
  /// The path shown in diagnostics (`<stdin>` for standard input).
  package let path: String
  /// The raw file contents.
  package let bytes: [UInt8]

  /// Creates a source from raw bytes.
  package init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }

  /// Creates a source from a string, for tests and generated plans.
  package init(path: String, text: String) {
    self.init(path: path, bytes: Array(text.utf8))
  }

  /// Whether the file starts with a UTF-8 byte-order mark, which libyaml skips without
  /// counting it as a column.
  var hasUTF8BOM: Bool {
    bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
  }

  /// The length of the line break at `index` (1 to 3 bytes), or 0 if there is none there.
  func lineBreakLength(at index: Int) -> Int {
    let count = bytes.count
    switch bytes[index] {
    case 0x0A: return 1
    case 0x0D: return index + 1 < count && bytes[index + 1] == 0x0A ? 2 : 1
    case 0xC2: return index + 1 < count && bytes[index + 1] == 0x85 ? 2 : 0
    case 0xE2:
      guard index + 2 < count, bytes[index + 1] == 0x80 else { return 0 }
      return bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 ? 3 : 0
    default: return 0
    }
  }

  /// The byte offsets at which each line starts, computed on demand because only
  /// rendering and reader errors need it.
  package func lineStarts() -> [Int] {
    var starts = [hasUTF8BOM ? 3 : 0]
    var index = starts[0]
    while index < bytes.count {
      let length = lineBreakLength(at: index)
      if length == 0 {
        index += 1
      } else {
        index += length
        starts.append(index)
      }
    }
    return starts
  }

  /// The text of a 1-based line without its line break, or nil past the end of the file.
  package func line(_ number: Int, lineStarts starts: [Int]) -> [UInt8]? {
    guard number >= 1, number <= starts.count else { return nil }
    let start = starts[number - 1]
    var end = start
    while end < bytes.count, lineBreakLength(at: end) == 0 { end += 1 }
    return Array(bytes[start..<end])
  }

  /// The position of a byte offset, for errors that libyaml reports as an offset.
  package func position(ofByteOffset offset: Int, lineStarts starts: [Int]) -> SourcePosition {
    let clamped = max(0, min(offset, bytes.count))
    // The last line start at or before `clamped`.
    var low = 0
    var high = starts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if starts[mid] <= clamped { low = mid } else { high = mid - 1 }
    }
    var column = 1
    var index = max(starts[low], 0)
    while index < clamped {
      // Count Unicode scalars: every byte that is not a UTF-8 continuation byte.
      if bytes[index] & 0xC0 != 0x80 { column += 1 }
      index += 1
    }
    return SourcePosition(line: low + 1, column: column)
  }
}
