import ScanplanJSON
import ScanplanVendorKit
import ScanplanYAML

extension NodeReader {
  /// The usual valid values (names, UUIDs, choices, booleans, small integers), checked on
  /// the document's bytes without building a string unless the value is kept. Nil
  /// sends the value down the full path, which also explains what is wrong.
  static func commonValue(_ id: YAMLNodeID, kind: ValueKind, in document: YAMLDocument)
    -> JSONValue?
  {
    guard document.kind(id) == .scalar else { return nil }
    let tag = document.tag(id)
    guard tag == .implicit || tag == .string else { return nil }
    let plain = document.style(id) == .plain && tag == .implicit
    return document.withTextBytes(id) { bytes -> JSONValue? in
      guard !bytes.isEmpty, !bytes.contains(UInt8(ascii: "$")) else { return nil }
      switch kind {
      case .name, .providerReference, .profileReference:
        // Plain `null` is no name; the full path says so.
        guard isName(bytes),
          !(plain && (bytes.first == UInt8(ascii: "n") || bytes.first == UInt8(ascii: "N")))
        else { return nil }
        return .string(String(decoding: bytes, as: UTF8.self))
      case .uuid:
        return isUUID(bytes) ? .string(String(decoding: bytes, as: UTF8.self)) : nil
      case .choice(let choices):
        // The table's own string: nothing to allocate.
        return choices.first {
          $0.utf8.count == bytes.count && $0.utf8.elementsEqual(bytes)
        }.map(JSONValue.string)
      case .boolean:
        guard plain else { return nil }
        if spellsCore("true", bytes) { return .bool(true) }
        if spellsCore("false", bytes) { return .bool(false) }
        return nil
      case .integer(let minimum):
        guard plain, bytes.count < 18, bytes.allSatisfy({ (0x30...0x39).contains($0) }) else {
          return nil
        }
        let value = bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return value >= minimum ? .int(value) : nil
      case .duration:
        // Whole seconds; units (`15m`) take the full path.
        guard plain, bytes.count < 18, bytes.allSatisfy({ (0x30...0x39).contains($0) }) else {
          return nil
        }
        return .int(bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) })
      case .affirmation:
        // `yes` in any case and any style is a string `yes`; plain `true` a boolean.
        let yes =
          bytes.count == 3 && bytes[0] | 0x20 == UInt8(ascii: "y")
          && bytes[1] | 0x20 == UInt8(ascii: "e") && bytes[2] | 0x20 == UInt8(ascii: "s")
        let isTrue = plain && spellsCore("true", bytes)
        return yes || isTrue ? .string("yes") : nil
      default:
        return nil
      }
    }
  }

  /// Whether `bytes` spell a YAML 1.2 core-schema word (`true`, `false`) in one of its
  /// three cases: lowercase, capitalized or uppercase.
  static func spellsCore(_ word: StaticString, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count == word.utf8CodeUnitCount else { return false }
    let letters = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    // ASCII letters: bit 0x20 set is lowercase.
    let firstUpper = bytes[0] & 0x20 == 0
    let restUpper = bytes.count > 1 && bytes[1] & 0x20 == 0
    for index in bytes.indices {
      let upper = index == 0 ? firstUpper : restUpper
      let expected = upper ? letters[index] & ~0x20 : letters[index]
      if bytes[index] != expected { return false }
    }
    // `tRUE` is not a spelling: only the first letter may differ from the rest.
    return !(restUpper && !firstUpper)
  }

  /// YAML 1.1 spellings of booleans, which YAML 1.2 reads as strings.
  static let yaml11Booleans: [String: Bool] = {
    var table: [String: Bool] = [:]
    // YAML 1.1's own list: lowercase, capitalized and uppercase spellings.
    for (words, meaning) in [(["y", "yes", "on"], true), (["n", "no", "off"], false)] {
      for word in words {
        let capitalized = word.prefix(1).uppercased() + word.dropFirst()
        for spelling in [word, capitalized, word.uppercased()] { table[spelling] = meaning }
      }
    }
    return table
  }()

  mutating func boolean(
    _ id: YAMLNodeID, _ node: YAMLNode, key: String, at range: SourceRange
  ) -> JSONValue? {
    let scalar = node.scalar
    if case .bool(let flag) = scalar { return .bool(flag) }
    if node.isPlainUntagged, let meant = Self.yaml11Booleans[node.text] {
      report(ValueMessage.yaml11Boolean(text: node.text, meant: meant), at: range)
      return nil
    }
    mismatch(id, key: key, expected: "a boolean (`true` or `false`)")
    return nil
  }

  mutating func duration(
    _ id: YAMLNodeID, _ node: YAMLNode, key: String, at range: SourceRange
  ) -> JSONValue? {
    switch node.scalar {
    case .int(let seconds):
      guard seconds >= 0 else {
        report(ValueMessage.negativeDuration(key: key), at: range)
        return nil
      }
      return .int(seconds)
    case .integerOverflow:
      report(ValueMessage.durationTooLong(key: key), at: range)
      return nil
    case .float:
      report(ValueMessage.fractionalDuration(key: key), at: range)
      return nil
    case .string(let text):
      switch PlanDuration.parse(text) {
      case .success(let seconds): return .int(seconds)
      case .failure(let error):
        report(
          ValueMessage.unreadableDuration(text: Self.clip(text), reason: error.reason), at: range)
        return nil
      }
    default:
      mismatch(id, key: key, expected: "a duration")
      return nil
    }
  }

  mutating func url(_ text: String, key: String, at range: SourceRange) -> JSONValue? {
    switch BaseURL.parse(text, allowingPlainHTTP: allowsPlainHTTP) {
    case .failure(let problem):
      switch problem {
      case .credentials:
        markSecret(range)
        report(ValueMessage.credentialsInURL(key: key), at: range)
      case .insecure(let host):
        report(ValueMessage.insecureURL(key: key, host: host), at: range)
      case .malformed(let reason):
        report(ValueMessage.invalidURL(key: key, text: Self.clip(text), reason: reason), at: range)
      }
      return nil
    case .success(let url):
      if url.scheme == "http", !url.isLoopback {
        report(ValueMessage.plainHTTP(key: key, host: url.host), at: range)
      }
      return .string(url.normalized)
    }
  }

  /// A web application's address: plain `http` is fine (an app started beside a CI job),
  /// a user name or password is not, as plans live in git.
  mutating func webURL(_ text: String, key: String, at range: SourceRange) -> JSONValue? {
    let path = text.firstIndex { $0 == "?" || $0 == "#" }.map { String(text[..<$0]) } ?? text
    switch BaseURL.parse(path, allowingPlainHTTP: true) {
    case .failure(.credentials):
      markSecret(range)
      report(ValueMessage.credentialsInURL(key: key), at: range)
      return nil
    case .failure(.malformed(let reason)):
      report(ValueMessage.invalidURL(key: key, text: Self.clip(text), reason: reason), at: range)
      return nil
    case .failure(.insecure), .success:
      return .string(text)
    }
  }

  /// A token must be exactly `${NAME}`; anything else puts a secret, or part of one,
  /// into git. The value itself is never repeated in a message.
  mutating func token(
    _ text: String, key: String, template: EnvironmentTemplate, at range: SourceRange
  ) -> JSONValue? {
    if let name = template.singleReference { return .string(name) }
    let variable = credentialVariable ?? key.uppercased()
    if !template.hasReferences, text.hasPrefix("$"), text.count > 1,
      text.dropFirst().allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }),
      !(text.dropFirst().first?.isNumber ?? true)
    {
      // A variable's name, written as a shell would: no secret in it.
      report(ValueMessage.bareReference(key: key, name: String(text.dropFirst())), at: range)
      return nil
    }
    markSecret(range)
    if template.hasReferences {
      let hasFallback = template.parts.contains {
        if case .reference(_, .some) = $0 { return true } else { return false }
      }
      report(
        hasFallback
          ? ValueMessage.tokenWithFallback(key: key, variable: variable)
          : .tokenNotOneReference(key: key, variable: variable),
        at: range)
    } else {
      report(ValueMessage.literalToken(key: key, variable: variable), at: range)
    }
    return nil
  }
}
