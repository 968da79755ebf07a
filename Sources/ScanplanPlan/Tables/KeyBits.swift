/// A set of small positions (the keys of a shape written in one mapping), one bit each.
/// Positions below 64 are one word; a format with more keys keeps the others in a box,
/// made only then, so no shape has a fixed cap and the usual set copies as a word.
struct KeyBits: Equatable, Sendable {
  private var low: UInt64 = 0
  private var high: High?

  /// Positions from 64 up, 64 to a word; never changed once made.
  private final class High: Sendable {
    let words: [UInt64]
    init(_ words: [UInt64]) { self.words = words }
  }

  init() {}

  /// Adds a position.
  mutating func insert(_ position: Int) {
    guard position >= 64 else {
      low |= 1 << UInt64(position)
      return
    }
    var words = high?.words ?? []
    let word = position / 64 - 1
    while words.count <= word { words.append(0) }
    words[word] |= 1 << UInt64(position % 64)
    high = High(words)
  }

  /// Whether the set holds a position.
  func contains(_ position: Int) -> Bool {
    guard position >= 64 else { return low & (1 << UInt64(position)) != 0 }
    let word = position / 64 - 1
    guard let words = high?.words, word < words.count else { return false }
    return words[word] & (1 << UInt64(position % 64)) != 0
  }

  /// Whether some position of this set is not in `other`.
  func hasAny(notIn other: KeyBits) -> Bool {
    if low & ~other.low != 0 { return true }
    guard let mine = high?.words else { return false }
    let allowed = other.high?.words ?? []
    for (index, word) in mine.enumerated()
    where word & ~(index < allowed.count ? allowed[index] : 0) != 0 {
      return true
    }
    return false
  }

  /// Both sets together.
  func union(_ other: KeyBits) -> KeyBits {
    var result = self
    result.low |= other.low
    guard let more = other.high?.words else { return result }
    var words = high?.words ?? []
    for (index, word) in more.enumerated() {
      if index < words.count { words[index] |= word } else { words.append(word) }
    }
    result.high = High(words)
    return result
  }

  static func == (lhs: KeyBits, rhs: KeyBits) -> Bool {
    lhs.low == rhs.low && (lhs.high?.words ?? []) == (rhs.high?.words ?? [])
  }
}
