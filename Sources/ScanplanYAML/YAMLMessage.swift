import ScanplanSupport

/// The wording of every problem the YAML layer finds, as values, so that it lives in one
/// place (the plan library's `Diagnostics/Messages/` does the same for plan checks). Each
/// case knows its `YAMLError.Kind`, its sentence (lowercase, no trailing period) and its
/// help.
enum YAMLMessage: Sendable {
  /// A control character; `shown` is `NUL` or `U+001B`.
  case invalidCharacter(shown: String)
  /// Bytes that are not UTF-8; `problem` is libyaml's, `byte` the offending byte in hex.
  case invalidUTF8(problem: String, byte: String?)
  /// A UTF-16 or UTF-32 byte-order mark.
  case byteOrderMark(utf32: Bool)
  /// libyaml's syntax problem, verbatim; `tabIndented` when a tab stands at it.
  case syntax(problem: String, tabIndented: Bool)
  /// libyaml ran out of memory.
  case outOfMemory
  /// libyaml could not be set up.
  case couldNotStart
  /// Events stopped before the stream's end.
  case endedEarly
  /// An error the event source threw, described.
  case unexpected(String)
  /// A second document.
  case multipleDocuments
  /// An alias inside its own anchor.
  case recursiveAlias(name: String)
  /// An alias before, or without, its anchor.
  case undefinedAlias(name: String)
  /// Aliases that expand past the limit.
  case aliasExpansion(limit: Int)
  /// Collections nested past the limit.
  case nestingTooDeep(limit: Int)
  /// A tag outside the core schema.
  case unsupportedTag(shown: String)
  /// A key that is a collection; `found` is "mapping" or "list".
  case nonScalarKey(found: String)
  /// A key twice in one mapping.
  case duplicateKey(key: String)
  /// A merge list with something other than a mapping in it.
  case mergeListItem(found: String)
  /// A merge key whose value is not a mapping or a list of them.
  case mergeValue
  /// Over the size limit; both sizes as people read them.
  case fileTooLarge(size: String, limit: String)

  var kind: YAMLError.Kind {
    switch self {
    case .invalidCharacter: .invalidCharacter
    case .invalidUTF8, .byteOrderMark: .invalidEncoding
    case .syntax, .outOfMemory, .couldNotStart, .endedEarly, .unexpected: .syntax
    case .multipleDocuments: .multipleDocuments
    case .recursiveAlias: .recursiveAlias
    case .undefinedAlias: .undefinedAlias
    case .aliasExpansion: .aliasExpansionLimit
    case .nestingTooDeep: .nestingTooDeep
    case .unsupportedTag: .unsupportedTag
    case .nonScalarKey: .nonScalarKey
    case .duplicateKey: .duplicateKey
    case .mergeListItem, .mergeValue: .invalidMerge
    case .fileTooLarge: .fileTooLarge
    }
  }

  var message: String {
    switch self {
    case .invalidCharacter(let shown): "the character \(shown) is not allowed in YAML"
    case .invalidUTF8(let problem, let byte):
      "the file is not valid UTF-8: \(problem)" + (byte.map { " (byte 0x\($0))" } ?? "")
    case .byteOrderMark(let utf32):
      "the file starts with a \(utf32 ? "UTF-32" : "UTF-16") byte-order mark; plans must be UTF-8"
    case .syntax(let problem, _): problem
    case .outOfMemory: "libyaml ran out of memory"
    case .couldNotStart: "libyaml could not start"
    case .endedEarly: "the YAML stream ended early"
    case .unexpected(let description): description
    case .multipleDocuments: "a plan file holds one YAML document; a second one starts here"
    case .recursiveAlias(let name): "alias `*\(name)` refers to the node that contains it"
    case .undefinedAlias(let name): "alias `*\(name)` names no anchor defined before it"
    case .aliasExpansion(let limit):
      "aliases expand to more than \(Counted.grouped(limit)) nodes in this file"
    case .nestingTooDeep(let limit): "collections nest more than \(limit) levels deep"
    case .unsupportedTag(let shown): "tag `\(shown)` is not supported in a plan"
    case .nonScalarKey(let found): "a mapping key must be a plain string, not a \(found)"
    case .duplicateKey(let key): "duplicate key `\(key)` in this mapping"
    case .mergeListItem(let found): "a merge key's list may hold only mappings, found a \(found)"
    case .mergeValue: "a merge key (`<<`) takes a mapping or a list of mappings"
    case .fileTooLarge(let size, let limit): "the file is \(size), over the limit of \(limit)"
    }
  }

  var help: String? {
    switch self {
    case .invalidCharacter: "remove it; if the file is binary or UTF-16, save it as UTF-8 text"
    case .invalidUTF8, .byteOrderMark: "save the file as UTF-8"
    case .syntax(let problem, let tabIndented):
      tabIndented ? Self.tabHelp : Self.syntaxHelp(problem)
    case .outOfMemory, .couldNotStart, .endedEarly, .unexpected, .recursiveAlias, .nonScalarKey,
      .mergeListItem:
      nil
    case .duplicateKey: "remove one of them; YAML keeps neither reliably"
    case .multipleDocuments: "put each plan in a file of its own"
    case .undefinedAlias(let name): "define `&\(name)` on a node above this alias"
    case .aliasExpansion: "a plan never needs this many; this looks like an alias bomb"
    case .nestingTooDeep: "a plan nests about 6 levels; look for unclosed `[` or `{`"
    case .unsupportedTag: "remove the tag; plans use plain YAML values"
    case .mergeValue: "write `<<: *anchor` or `<<: [*first, *second]`"
    case .fileTooLarge: "split the plan into several files in one folder"
    }
  }

  /// The note at a duplicate key's first appearance.
  static func firstAppearance(of key: String) -> String {
    "`\(key)` first appears here"
  }

  private static let tabHelp = "indent with spaces; YAML does not allow tabs in indentation"

  /// A hint for the syntax errors people hit most.
  private static func syntaxHelp(_ problem: String) -> String? {
    if problem.contains("tab") { return tabHelp }
    if problem.contains("mapping values are not allowed") {
      return "quote a value that contains `: `, or check the indentation of this line"
    }
    if problem.contains("did not find expected key") || problem.contains("expected <block end>") {
      return "check the indentation of this line against the lines above it"
    }
    return nil
  }
}
