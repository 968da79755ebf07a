#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Removes secrets from text before it is printed or written anywhere: a run knows its
/// tokens, and no log line, error, report or crash message may carry one.
///
/// Every line, request log and report field passes through here, so it works on bytes:
/// a text that holds no secret (nearly every one) costs one byte search per secret and is
/// returned as it came, without a copy. Bytes are stricter than `String.contains`: a
/// secret followed by a combining mark is still found.
package struct Redactor: Sendable {
  /// The secrets' bytes, longest first, so that a secret containing another is removed
  /// whole.
  private let secrets: [[UInt8]]

  /// A redactor for these secret values (empty ones are ignored).
  package init(secrets: [String]) {
    self.secrets = Set(secrets.filter { !$0.isEmpty }).map { Array($0.utf8) }
      .sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }
  }

  /// The text with every secret replaced by `***`.
  package func redact(_ text: String) -> String {
    guard !secrets.isEmpty else { return text }
    var text = text
    let redacted = text.withUTF8 { bytes -> String? in
      guard secrets.contains(where: { Self.occurs($0, in: bytes) }) else {
        return nil
      }
      return replacing(in: bytes)
    }
    return redacted ?? text
  }

  /// The bytes with each secret replaced, left to right, the longest at a place first.
  private func replacing(in bytes: UnsafeBufferPointer<UInt8>) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    next: while index < bytes.count {
      for secret in secrets
      where secret.count <= bytes.count - index && secret[0] == bytes[index]
        && secret.withUnsafeBytes({ memcmp($0.baseAddress!, bytes.baseAddress! + index, $0.count) })
          == 0
      {
        output.append(contentsOf: "***".utf8)
        index += secret.count
        continue next
      }
      output.append(bytes[index])
      index += 1
    }
    // Secrets are whole UTF-8 strings, so a match never splits a character.
    return String(decoding: output, as: UTF8.self)
  }

  /// Whether `secret` occurs in `bytes`: `memchr` to each place its first byte is, then
  /// `memcmp` there.
  private static func occurs(_ secret: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress, bytes.count >= secret.count else { return false }
    return secret.withUnsafeBytes { needle in
      var offset = 0
      while bytes.count - offset >= needle.count {
        guard
          let hit = memchr(
            base + offset, Int32(secret[0]), bytes.count - offset - needle.count + 1)
        else { return false }
        let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        if memcmp(base + at, needle.baseAddress!, needle.count) == 0 { return true }
        offset = at + 1
      }
      return false
    }
  }
}
