import ScanplanJSON
import ScanplanVendorKit
import ScanplanYAML

/// Reads YAML nodes against the plan's shapes, reporting every problem it meets as a
/// diagnostic and returning what it could read. It never stops at the first problem.
struct NodeReader {
  /// The document read; a snapshot of it while it is still loading.
  var document: YAMLDocument
  let file: String
  private(set) var diagnostics: [Diagnostic] = []
  /// Ranges holding literal secrets, masked in every excerpt that shows them.
  private(set) var secretRanges: [SourceRange] = []

  init(document: YAMLDocument, file: String) {
    self.document = document
    self.file = file
  }

  /// One present key of a mapping.
  struct Entry {
    let field: Field
    let key: YAMLNodeID
    let value: YAMLNodeID
    let keyRange: SourceRange
    let valueRange: SourceRange

    /// The entry of a mapping's pair, read against `field`.
    init(field: Field, pair: (key: YAMLNodeID, value: YAMLNodeID), in document: YAMLDocument) {
      self.field = field
      key = pair.key
      value = pair.value
      keyRange = document.range(pair.key)
      valueRange = document.range(pair.value)
    }
  }

  /// The present keys of a mapping read against a shape.
  ///
  /// Holds only which pair each field was found at, in a fixed-size vector: reading
  /// a mapping allocates nothing, and entries are built when asked for.
  struct Fields {
    let shape: ObjectShape
    let document: YAMLDocument
    /// The resolved mapping, when there is one.
    let mapping: YAMLNodeID?
    /// Per field, the index of its pair in the mapping, or -1.
    var pairs = SIMD16<Int32>(repeating: -1)
    /// Where to point when the mapping as a whole is meant (its first key).
    let range: SourceRange

    /// The entry of the field at `index` in the shape.
    func entry(at index: Int) -> Entry? {
      let pairIndex = Int(pairs[index])
      guard pairIndex >= 0, let mapping else { return nil }
      return Entry(
        field: shape.fields[index], pair: document.pairs(of: mapping)[pairIndex], in: document)
    }

    subscript(key: String) -> Entry? {
      guard let index = shape.position(of: key) else {
        preconditionFailure("`\(key)` is not a key of \(shape.title)")
      }
      return entry(at: index)
    }
  }

  mutating func report(
    _ code: DiagnosticCode, _ message: String, at range: SourceRange,
    notes: [Diagnostic.Note] = [], help: [String] = []
  ) {
    diagnostics.append(Diagnostic(code, message, file: file, at: range, notes: notes, help: help))
  }

  mutating func markSecret(_ range: SourceRange) {
    secretRanges.append(range)
  }

  // MARK: Mappings, lists and maps

  /// Where to point for a mapping as a whole: its first key, or the mapping itself.
  func headRange(_ id: YAMLNodeID) -> SourceRange {
    let resolved = document.resolve(id)
    if document.kind(resolved) == .mapping, let first = document.pairs(of: resolved).first {
      return document.range(first.key)
    }
    return document.range(id)
  }

  /// Reads a mapping: unknown keys are reported with a suggestion, missing required keys
  /// at `owner`. Nil when the node is not a mapping. A null stands for an empty mapping
  /// when `nullIsEmpty` (an optional section with everything commented out).
  mutating func object(
    _ id: YAMLNodeID, shape: ObjectShape, key: String, subject: @autoclosure () -> String,
    owner: SourceRange, nullIsEmpty: Bool = false
  ) -> Fields? {
    let resolved = document.resolve(id)
    let kind = document.kind(resolved)
    if nullIsEmpty, kind == .scalar, document[resolved].scalar == .null {
      return Fields(shape: shape, document: document, mapping: nil, range: owner)
    }
    guard kind == .mapping else {
      mismatch(id, key: key, expected: "a mapping")
      return nil
    }
    var fields = Fields(shape: shape, document: document, mapping: resolved, range: headRange(id))
    let pairs = document.pairs(of: resolved)
    for pairIndex in pairs.indices {
      let keyID = pairs[pairIndex].key
      let resolvedKey = document.resolve(keyID)
      if let index = shape.position(ofKey: resolvedKey, in: document) {
        fields.pairs[index] = Int32(truncatingIfNeeded: pairIndex)
        continue
      }
      let text = document.text(resolvedKey)
      if shape.allowsExtensions, text.hasPrefix("x-") { continue }
      unknownKey(text, at: document.range(keyID), in: shape)
    }
    for (index, field) in shape.fields.enumerated()
    where field.isRequired && fields.pairs[index] < 0 {
      report(
        .missingKey, "\(subject()) has no `\(field.key)`", at: owner, help: [missingHelp(field)])
    }
    return fields
  }

  private func missingHelp(_ field: Field) -> String {
    "add `\(field.key):` (\(field.summary))"
  }

  private mutating func unknownKey(_ key: String, at range: SourceRange, in shape: ObjectShape) {
    var help: [String] = []
    let candidates = shape.fields.map(\.key)
    if let suggestion = Suggestions.closest(to: key, among: candidates) {
      help.append("did you mean `\(suggestion)`?")
    } else if let home = PlanShapes.all.first(where: {
      $0.title != shape.title && $0.field(key) != nil
    }) {
      help.append("`\(key)` belongs in \(home.place), not in \(shape.place)")
    } else {
      help.append("\(shape.place) takes " + Suggestions.list(candidates))
    }
    report(.unknownKey, "unknown key `\(Self.clip(key))` in \(shape.place)", at: range, help: help)
  }

  /// The items of a list, or nil when the node is not one. Reports a list shorter than
  /// `minCount`. A null is an empty list when `nullIsEmpty`.
  mutating func list(
    _ entry: Entry, minCount: Int, nullIsEmpty: Bool = false
  ) -> ArraySlice<YAMLNodeID>? {
    let resolved = document.resolve(entry.value)
    let node = document[resolved]
    if node.kind == .scalar, node.scalar == .null, nullIsEmpty, minCount == 0 { return [] }
    guard node.kind == .sequence else {
      mismatch(entry.value, key: entry.field.key, expected: "a list")
      return nil
    }
    let items = document.items(of: resolved)
    if items.count < minCount {
      report(
        .emptyCollection,
        "`\(entry.field.key)` must list at least \(minCount == 1 ? "one" : "\(minCount)") \(entry.field.key == "assets" ? "asset" : "item")",
        at: entry.keyRange)
    }
    return items
  }

  /// The named entries of a mapping from names to values, names checked.
  mutating func namedEntries(
    _ entry: Entry, minCount: Int, nullIsEmpty: Bool = false
  ) -> [(name: String, key: YAMLNodeID, value: YAMLNodeID)]? {
    let resolved = document.resolve(entry.value)
    let node = document[resolved]
    if node.kind == .scalar, node.scalar == .null, nullIsEmpty, minCount == 0 { return [] }
    guard node.kind == .mapping else {
      mismatch(entry.value, key: entry.field.key, expected: "a mapping of names")
      return nil
    }
    let pairs = document.pairs(of: resolved)
    if pairs.count < minCount {
      report(
        .emptyCollection, "`\(entry.field.key)` must name at least one entry", at: entry.keyRange,
        help: [
          "define one, such as `\(entry.field.key == "providers" ? "s4e: { type: s4e, token: ${S4E_API_TOKEN} }" : "name: {}")`"
        ])
    }
    var result: [(String, YAMLNodeID, YAMLNodeID)] = []
    result.reserveCapacity(pairs.count)
    for pair in pairs {
      let name = document[document.resolve(pair.key)].text
      if checkName(name, at: document[pair.key].range) {
        result.append((name, pair.key, pair.value))
      }
    }
    return result
  }

  // MARK: Scalars

  /// The value of a key, checked against its field's kind; nil after reporting.
  mutating func value(_ entry: Entry) -> JSONValue? {
    value(
      entry.value, kind: entry.field.kind, key: entry.field.key,
      environment: entry.field.allowsEnvironment)
  }

  /// A value checked against a kind; nil after reporting.
  mutating func value(
    _ id: YAMLNodeID, kind: ValueKind, key: String, environment: Bool
  ) -> JSONValue? {
    if let value = Self.commonValue(document.resolve(id), kind: kind, in: document) {
      return value
    }
    let node = document[document.resolve(id)]
    let range = document[id].range
    guard node.kind == .scalar else {
      mismatch(id, key: key, expected: kind.phrase)
      return nil
    }
    let scalar = node.scalar
    if case .string(let text) = scalar, Self.mayHoldReference(text) {
      switch EnvironmentTemplate.parse(text) {
      case .failure(let error):
        report(
          .invalidReference,
          "`\(key)` has an environment reference that cannot be read: \(error.message)",
          at: range, help: ["write `${NAME}`, `${NAME:-fallback}`, or `$${` for a literal `${`"])
        return nil
      case .success(let template) where template.hasReferences:
        if environment {
          if case .token = kind { return token(text, template: template, at: range) }
          // Checked once resolved, when the plan runs.
          return .string(text)
        }
        report(
          .referenceNotAllowed,
          "`\(key)` cannot use environment references; its value must be known when the plan is validated",
          at: range,
          help: [
            "environment references are resolved in "
              + PlanShapes.environmentKeys.dropLast().map { "`\($0)`" }.joined(separator: ", ")
              + " and `\(PlanShapes.environmentKeys.last!)`"
          ])
        return nil
      case .success:
        break
      }
    }
    switch kind {
    case .name, .providerReference, .profileReference:
      if scalar == .null {
        mismatch(id, key: key, expected: kind.phrase)
        return nil
      }
      return checkName(node.text, at: range) ? .string(node.text) : nil
    case .integer(let minimum):
      return integer(id, scalar, key: key, minimum: minimum, at: range)
    case .number(let bound):
      return number(id, scalar, key: key, bound: bound, at: range)
    case .boolean:
      return boolean(id, node, key: key, at: range)
    case .duration:
      return duration(id, node, key: key, at: range)
    case .uuid:
      guard case .string(let text) = scalar else {
        mismatch(id, key: key, expected: "a UUID")
        return nil
      }
      if !Self.isUUID(text) {
        report(
          .invalidUUID, "`\(key)` must be a UUID, found `\(Self.clip(text))`", at: range,
          help: [
            "a UUID is 32 hexadecimal digits in groups of 8-4-4-4-12, such as `a1b2c3d4-e5f6-7890-abcd-ef1234567890`"
          ])
        return nil
      }
      return .string(text)
    case .url:
      guard case .string(let text) = scalar else {
        mismatch(id, key: key, expected: "a URL")
        return nil
      }
      return url(text, key: key, at: range)
    case .token:
      guard case .string(let text) = scalar else {
        mismatch(id, key: key, expected: "an environment reference such as `${S4E_API_TOKEN}`")
        return nil
      }
      return token(text, template: EnvironmentTemplate(parts: [.literal(text)]), at: range)
    case .path:
      guard case .string(let text) = scalar, !text.isEmpty else {
        mismatch(id, key: key, expected: "a file path")
        return nil
      }
      return .string(text)
    case .choice(let choices):
      guard case .string(let text) = scalar, choices.contains(text) else {
        let shown = node.text
        var help: [String] = []
        if let suggestion = Suggestions.closest(to: shown, among: choices) {
          help.append("did you mean `\(suggestion)`?")
        }
        help.append("`\(key)` takes " + Suggestions.list(choices))
        report(
          .invalidChoice, "`\(Self.clip(shown))` is not a valid `\(key)`", at: range, help: help)
        return nil
      }
      return .string(text)
    case .version:
      switch scalar {
      case .int(1): return .int(1)
      case .int(let other):
        report(
          .unsupportedVersion,
          "plan format version \(other) is not supported; this scanplan reads version 1",
          at: range, help: ["upgrade scanplan, or write `version: 1`"])
        return nil
      default:
        mismatch(id, key: key, expected: "the integer `1`")
        return nil
      }
    case .affirmation:
      switch scalar {
      // The request always carries the string "yes", however the plan spelled it.
      case .bool(true): return .string("yes")
      case .string(let text) where text.lowercased() == "yes": return .string("yes")
      default:
        report(
          .notAuthorized, "`\(key)` must be `yes`, found \(describe(id))", at: range,
          help: [
            "scan only targets you are authorized to test; then write `\(key): yes`"
          ])
        return nil
      }
    case .object, .map, .list:
      mismatch(id, key: key, expected: kind.phrase)
      return nil
    }
  }

  private mutating func integer(
    _ id: YAMLNodeID, _ scalar: YAMLScalar, key: String, minimum: Int, at range: SourceRange
  ) -> JSONValue? {
    switch scalar {
    case .int(let value):
      guard value >= minimum else {
        report(.outOfRange, "`\(key)` must be at least \(minimum), found \(value)", at: range)
        return nil
      }
      return .int(value)
    case .integerOverflow:
      report(.numberTooLarge, "`\(key)` is too large to be a 64-bit integer", at: range)
      return nil
    default:
      mismatch(id, key: key, expected: minimum > 0 ? "a whole number" : "a whole number")
      return nil
    }
  }

  private mutating func number(
    _ id: YAMLNodeID, _ scalar: YAMLScalar, key: String, bound: ValueKind.NumberBound,
    at range: SourceRange
  ) -> JSONValue? {
    let value: Double
    switch scalar {
    case .int(let whole): value = Double(whole)
    case .float(let fraction): value = fraction
    case .integerOverflow:
      report(.numberTooLarge, "`\(key)` is too large", at: range)
      return nil
    default:
      mismatch(id, key: key, expected: "a number")
      return nil
    }
    guard value.isFinite else {
      report(.outOfRange, "`\(key)` must be a finite number", at: range)
      return nil
    }
    switch bound {
    case .greaterThan(let limit) where value <= limit:
      report(
        .outOfRange,
        "`\(key)` must be greater than \(ValueKind.format(limit)), found \(ValueKind.format(value))",
        at: range)
      return nil
    case .atLeast(let limit) where value < limit:
      report(
        .outOfRange,
        "`\(key)` must be at least \(ValueKind.format(limit)), found \(ValueKind.format(value))",
        at: range)
      return nil
    default:
      if case .int(let whole) = scalar { return .int(whole) }
      return .double(value)
    }
  }

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

  private mutating func boolean(
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

  private mutating func duration(
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

  private mutating func url(_ text: String, key: String, at range: SourceRange) -> JSONValue? {
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
  private mutating func token(
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

  // MARK: Names and descriptions

  /// Checks a name against `[A-Za-z0-9][A-Za-z0-9._-]*`, naming the first bad character,
  /// which matters for look-alike letters from other scripts.
  @discardableResult
  mutating func checkName(_ name: String, at range: SourceRange) -> Bool {
    if Self.isName(name) { return true }
    var help = [
      "names start with a letter or digit and use only ASCII letters, digits, `.`, `_` and `-`"
    ]
    var reason = ""
    if name.isEmpty {
      reason = ": it is empty"
    } else if let bad = name.unicodeScalars.first(where: { !Self.isNameScalar($0) || $0 == "\u{0}" }
    ) {
      if bad.isASCII {
        reason = bad == " " ? ": it contains a space" : ": it contains `\(Character(bad))`"
      } else {
        let hex = String(bad.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let unicodeName = bad.properties.name.map { " \($0)" } ?? ""
        reason = ": it contains \(code)\(unicodeName)"
        help.append("a letter from another script can look like an ASCII one; retype the name")
      }
    } else {
      reason = ": it must start with a letter or digit"
    }
    report(.invalidName, "`\(Self.clip(name))` is not a valid name\(reason)", at: range, help: help)
    return false
  }

  static func isName(_ name: String) -> Bool {
    isName(name.utf8)
  }

  static func isName(_ bytes: some Sequence<UInt8>) -> Bool {
    var iterator = bytes.makeIterator()
    guard let first = iterator.next(), isAlphanumeric(first) else { return false }
    while let byte = iterator.next() {
      if !(isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
        || byte == UInt8(ascii: "-"))
      {
        return false
      }
    }
    return true
  }

  private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII && (isAlphanumeric(UInt8(scalar.value)) || "._-".unicodeScalars.contains(scalar))
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
      || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  /// Whether a string has `${` in it: a byte scan, since most values have no `$` at all
  /// and this runs for every string in a plan.
  static func mayHoldReference(_ text: String) -> Bool {
    var previous: UInt8 = 0
    for byte in text.utf8 {
      if byte == UInt8(ascii: "{"), previous == UInt8(ascii: "$") { return true }
      previous = byte
    }
    return false
  }

  /// Whether a string is a canonical UUID: 8-4-4-4-12 hexadecimal digits, either case.
  static func isUUID(_ text: String) -> Bool {
    isUUID(text.utf8)
  }

  static func isUUID(_ bytes: some Collection<UInt8>) -> Bool {
    guard bytes.count == 36 else { return false }
    var index = -1
    for byte in bytes {
      index += 1
      if index == 8 || index == 13 || index == 18 || index == 23 {
        if byte != UInt8(ascii: "-") { return false }
      } else if !((UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
        || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte))
      {
        return false
      }
    }
    return true
  }

  /// Reports a value of the wrong type, with a hint for the usual causes.
  mutating func mismatch(_ id: YAMLNodeID, key: String, expected: String) {
    let node = document[document.resolve(id)]
    var help: [String] = []
    if node.kind == .scalar, node.style != .plain, node.tag == .implicit {
      let unquoted = YAMLScalar.resolvingPlain(node.text)
      if unquoted != .string(node.text), unquoted != .null {
        help.append("remove the quotes: `\(key): \(node.text)`")
      }
    }
    report(
      .wrongType, "`\(key)` must be \(expected), found \(describe(id))", at: document[id].range,
      help: help)
  }

  /// A value as a message names it: "the string `fast`", "a list", "nothing".
  func describe(_ id: YAMLNodeID) -> String {
    let node = document[document.resolve(id)]
    switch node.kind {
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .scalar, .alias:
      switch node.scalar {
      case .null: return "nothing"
      case .bool(let flag): return "the boolean `\(flag)`"
      case .int(let value): return "the integer `\(value)`"
      case .integerOverflow: return "the integer `\(Self.clip(node.text))`"
      case .float: return "the number `\(Self.clip(node.text))`"
      case .string(let text):
        return node.style == .plain
          ? "the string `\(Self.clip(text))`" : "the quoted string `\"\(Self.clip(text))\"`"
      }
    }
  }

  /// A value shortened for a message, so a pasted secret or a 1 MB scalar is not echoed.
  static func clip(_ text: String) -> String {
    let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
    if firstLine.count <= 40 && firstLine.count == text.count { return text }
    return String(firstLine.prefix(37)) + "..."
  }
}
