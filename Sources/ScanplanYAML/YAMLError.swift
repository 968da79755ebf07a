/// A problem found while loading YAML, with the range it concerns.
package struct YAMLError: Error, Equatable, Sendable {
  /// What went wrong. The plan library maps each kind to a stable diagnostic code.
  package enum Kind: Equatable, Sendable, CaseIterable {
    /// libyaml rejected the text; the message is libyaml's own problem text.
    case syntax
    /// The file is not UTF-8: invalid bytes, or a UTF-16 or UTF-32 byte-order mark.
    case invalidEncoding
    /// A character YAML does not allow in a file (NUL and other control characters).
    case invalidCharacter
    /// A key appears twice in one mapping.
    case duplicateKey
    /// Collections nest deeper than the limit.
    case nestingTooDeep
    /// Aliases expand to more nodes than the limit (an alias bomb).
    case aliasExpansionLimit
    /// The file is larger than the limit.
    case fileTooLarge
    /// The file holds more than one YAML document.
    case multipleDocuments
    /// An alias names an anchor that was never defined.
    case undefinedAlias
    /// An alias names an anchor whose node contains the alias.
    case recursiveAlias
    /// A tag outside the core schema (`!custom`, `!!binary`).
    case unsupportedTag
    /// A merge key (`<<`) whose value is not a mapping or a list of mappings.
    case invalidMerge
    /// A key that is not a scalar (`? [a, b]`).
    case nonScalarKey
  }

  /// A secondary location that explains the error.
  package struct Note: Equatable, Sendable {
    /// What the location shows, lowercase, no trailing period.
    package let message: String
    package let range: SourceRange
  }

  package let kind: Kind
  /// A lowercase sentence without a trailing period.
  package let message: String
  /// Where it went wrong.
  package let range: SourceRange
  package let notes: [Note]
  /// How to fix it, if there is a short answer.
  package let help: String?

  /// An error worded by its message (`YAMLMessage`).
  init(_ message: YAMLMessage, at range: SourceRange, notes: [Note] = []) {
    kind = message.kind
    self.message = message.message
    self.range = range
    self.notes = notes
    help = message.help
  }
}

/// The bounds that keep a hostile file from costing unbounded time or memory.
package struct YAMLLimits: Sendable {
  /// The deepest nesting of collections, counted on libyaml's events as they arrive so
  /// that a deep `[[[[` stops before libyaml's quadratic work on it.
  package var maxDepth: Int
  /// The most nodes that aliases may expand to in one file, counted as if every alias
  /// were replaced by a copy of its anchor.
  package var maxAliasExpansion: Int
  /// The largest file, in bytes.
  package var maxBytes: Int

  package init(maxDepth: Int, maxAliasExpansion: Int, maxBytes: Int) {
    self.maxDepth = maxDepth
    self.maxAliasExpansion = maxAliasExpansion
    self.maxBytes = maxBytes
  }

  /// A size in MiB with one decimal, as limit messages show it ("10 MiB", "12.5 MiB").
  package static func describe(bytes count: Int) -> String {
    let tenths = (count * 10 + 512 * 1024) / (1024 * 1024)
    return tenths % 10 == 0 ? "\(tenths / 10) MiB" : "\(tenths / 10).\(tenths % 10) MiB"
  }

  /// The error for a file of `bytes` bytes, over `maxBytes`: loaders that size a file
  /// before reading it say so in the same words as the loader.
  package func fileTooLarge(bytes: Int) -> YAMLError {
    YAMLError(
      .fileTooLarge(size: Self.describe(bytes: bytes), limit: Self.describe(bytes: maxBytes)),
      at: .fileStart)
  }

  /// The limits of plan format version 1: 64 levels, 10,000 nodes, 10 MiB.
  package static let plan = YAMLLimits(
    maxDepth: 64, maxAliasExpansion: 10_000, maxBytes: 10 * 1024 * 1024)
}
