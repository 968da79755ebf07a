/// "Did you mean" suggestions by edit distance.
package enum Suggestions {
  /// The candidate closest to `word`, if one is close enough to be a likely typo.
  /// Case, `-` versus `_` and swapped neighbours count as small differences.
  package static func closest(to word: String, among candidates: [String]) -> String? {
    let normalized = normalize(word)
    guard !normalized.isEmpty else { return nil }
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(normalized, normalize(candidate))
      if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
    }
    guard let best else { return nil }
    let allowed = max(1, min(3, normalized.count / 3))
    return best.distance <= allowed ? best.candidate : nil
  }

  /// Candidates as prose: "`a`, `b` or `c`".
  package static func list(_ candidates: [String]) -> String {
    let quoted = candidates.map { "`\($0)`" }
    guard quoted.count > 1 else { return quoted.first ?? "nothing" }
    return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
  }

  private static func normalize(_ word: String) -> [UInt8] {
    word.lowercased().utf8.map {
      $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: " ") ? UInt8(ascii: "_") : $0
    }
  }

  /// Optimal string alignment distance: insertions, deletions, substitutions and
  /// transpositions of neighbours each cost one.
  static func editDistance(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
    if lhs.isEmpty { return rhs.count }
    if rhs.isEmpty { return lhs.count }
    // Long words are never typos of short keys; skip the quadratic work.
    if abs(lhs.count - rhs.count) > 3 || lhs.count > 64 || rhs.count > 64 {
      return max(lhs.count, rhs.count)
    }
    var previous2 = [Int](repeating: 0, count: rhs.count + 1)
    var previous = Array(0...rhs.count)
    var current = [Int](repeating: 0, count: rhs.count + 1)
    for i in 1...lhs.count {
      current[0] = i
      for j in 1...rhs.count {
        let cost = lhs[i - 1] == rhs[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, lhs[i - 1] == rhs[j - 2], lhs[i - 2] == rhs[j - 1] {
          current[j] = min(current[j], previous2[j - 2] + 1)
        }
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[rhs.count]
  }
}
