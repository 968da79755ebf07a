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
        return choices.first { $0.utf8.elementsEqual(bytes) }.map(JSONValue.string)
      case .boolean:
        guard plain else { return nil }
        if ["true", "True", "TRUE"].contains(where: { $0.utf8.elementsEqual(bytes) }) {
          return .bool(true)
        }
        if ["false", "False", "FALSE"].contains(where: { $0.utf8.elementsEqual(bytes) }) {
          return .bool(false)
        }
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
        let isTrue =
          plain && ["true", "True", "TRUE"].contains(where: { $0.utf8.elementsEqual(bytes) })
        return yes || isTrue ? .string("yes") : nil
      default:
        return nil
      }
    }
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
      report(
        .yaml11Boolean, "`\(node.text)` is not a boolean here, write `\(meant)`", at: range,
        help: [
          "plans are YAML 1.2, where `\(node.text)` is a string; booleans are `true` and `false`"
        ])
      return nil
    }
    mismatch(id, key: key, expected: "a boolean (`true` or `false`)")
    return nil
  }

  mutating func duration(
    _ id: YAMLNodeID, _ node: YAMLNode, key: String, at range: SourceRange
  ) -> JSONValue? {
    let help = "write whole seconds (`90`) or whole units of h, m and s (`90s`, `15m`, `1h30m`)"
    switch node.scalar {
    case .int(let seconds):
      guard seconds >= 0 else {
        report(
          .invalidDuration, "`\(key)` is not a duration: durations cannot be negative", at: range,
          help: [help])
        return nil
      }
      return .int(seconds)
    case .integerOverflow:
      report(.invalidDuration, "`\(key)` is not a duration: it is too long to count", at: range)
      return nil
    case .float:
      report(
        .invalidDuration,
        "`\(key)` is not a duration: durations are whole units, without fractions",
        at: range, help: [help])
      return nil
    case .string(let text):
      switch PlanDuration.parse(text) {
      case .success(let seconds): return .int(seconds)
      case .failure(let error):
        report(
          .invalidDuration, "`\(Self.clip(text))` is not a duration: \(error.reason)", at: range,
          help: [help])
        return nil
      }
    default:
      mismatch(id, key: key, expected: "a duration")
      return nil
    }
  }

  mutating func url(_ text: String, key: String, at range: SourceRange) -> JSONValue? {
    switch BaseURL.parse(text) {
    case .failure(let problem):
      switch problem {
      case .credentials:
        markSecret(range)
        report(
          .credentialsInURL, "`\(key)` holds a user name or password; plans live in git",
          at: range, help: ["remove the credentials; the provider's `token` authenticates"])
      case .insecure(let host):
        report(
          .insecureURL,
          "`\(key)` uses plain `http` to `\(host)`; only loopback hosts may use `http`",
          at: range,
          help: [
            "use `https://`, or a loopback host (127.0.0.1, localhost, [::1]) for a local emulator"
          ])
      case .malformed(let reason):
        report(
          .invalidURL, "`\(Self.clip(text))` is not a valid base URL: \(reason)", at: range,
          help: ["a base URL looks like `https://api.example.com` or `https://example.com/prefix`"])
      }
      return nil
    case .success(let url):
      return .string(url.normalized)
    }
  }

  /// A token must be exactly `${NAME}`; anything else puts a secret, or part of one,
  /// into git. The value itself is never repeated in a message.
  mutating func token(
    _ text: String, template: EnvironmentTemplate, at range: SourceRange
  ) -> JSONValue? {
    if let name = template.singleReference { return .string(name) }
    markSecret(range)
    let help = ["store the token in an environment variable and write `token: ${S4E_API_TOKEN}`"]
    if template.hasReferences {
      let hasFallback = template.parts.contains {
        if case .reference(_, .some) = $0 { return true } else { return false }
      }
      report(
        .literalToken,
        hasFallback
          ? "`token` has a fallback, which puts a literal token in the plan"
          : "`token` must be exactly one environment reference, with nothing around it",
        at: range, help: help)
    } else {
      report(
        .literalToken, "`token` holds a literal token; plans live in git", at: range, help: help)
    }
    return nil
  }
}
