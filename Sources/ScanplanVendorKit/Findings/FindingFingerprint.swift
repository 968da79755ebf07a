/// A finding's fingerprint: the same finding gets the same one in every run, whatever the
/// vendor's per-scan ids. It is built from the provider type, the target or asset, the
/// check, the URL normalized (`normalized(url:)`), the input, and whatever else a vendor
/// counts as its identity (ZAP's method), hashed.
package enum FindingFingerprint {
  /// The fingerprint of these parts: 32 hexadecimal digits, two FNV-1a hashes of the
  /// parts' text, each part's length before it so that no two lists read alike.
  package static func make(
    type: ProviderType, target: String, check: String, url: String?, input: String?,
    extra: [String] = []
  ) -> String {
    let parts =
      [type.rawValue, target, check, url.map(normalized(url:)) ?? "", input ?? ""] + extra
    var text = ""
    for part in parts { text += "\(part.utf8.count):\(part)" }
    return hex(fnv(text, basis: 0xcbf2_9ce4_8422_2325))
      + hex(fnv(text, basis: 0x8422_2325_cbf2_9ce4))
  }

  /// A URL as one finding's identity reads it: the scheme and host lowercased, the
  /// scheme's default port dropped, the fragment and the query's values dropped, and the
  /// query's names sorted. The path is kept as written. Text that is no URL is kept.
  package static func normalized(url: String) -> String {
    var rest = Substring(url)
    if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
    var query: Substring?
    if let mark = rest.firstIndex(of: "?") {
      query = rest[rest.index(after: mark)...]
      rest = rest[..<mark]
    }
    guard let separator = rest.firstRange(of: "://") else { return url }
    let scheme = rest[..<separator.lowerBound].lowercased()
    let afterScheme = rest[separator.upperBound...]
    let slash = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
    var authority = afterScheme[..<slash]
    var path = String(afterScheme[slash...])
    if path.isEmpty { path = "/" }
    var userInfo = ""
    if let at = authority.lastIndex(of: "@") {
      userInfo = String(authority[...at])
      authority = authority[authority.index(after: at)...]
    }
    var host = authority.lowercased()
    let defaultPort = ["http": ":80", "https": ":443", "ws": ":80", "wss": ":443"][scheme]
    if let defaultPort, host.hasSuffix(defaultPort), !host.hasSuffix("]") {
      host.removeLast(defaultPort.count)
    }
    var result = scheme + "://" + userInfo + host + path
    if let query, !query.isEmpty {
      let names = query.split(separator: "&").map { pair in
        String(pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0])
      }
      result += "?" + names.sorted().joined(separator: "&")
    }
    return result
  }

  private static func fnv(_ text: String, basis: UInt64) -> UInt64 {
    var hash = basis
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
  }

  private static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
