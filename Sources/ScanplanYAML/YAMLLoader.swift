import CLibYAML

/// What loading one file produced: a document when the file could be read far enough,
/// and every problem found on the way.
package struct YAMLLoadResult: Sendable {
  /// The document, or nil when a problem stopped loading (a syntax error, a limit).
  package let document: YAMLDocument?
  /// Problems in source order of discovery. Those that do not stop loading (duplicate
  /// keys, unsupported tags) come with a document so that validation can go on.
  package let errors: [YAMLError]
}

/// Loads YAML with the system libyaml's event API into a `YAMLDocument` that keeps the
/// source range of every node.
///
/// libyaml's composer is not used: it keeps no ranges for keys, has no limits, and copies
/// aliased nodes, which is what makes alias bombs expensive. Here an alias shares its
/// anchor's node, and its cost is counted against `YAMLLimits.maxAliasExpansion`.
package struct YAMLLoader: Sendable {
  /// The limits applied to every file.
  package var limits: YAMLLimits
  /// Files of at least this many bytes are parsed by libyaml on a thread of its own
  /// while the tree is built on the calling thread; smaller ones on the calling thread
  /// alone, where starting a thread would cost more than the overlap saves. Either way
  /// the result is the same.
  package var concurrentParsingThreshold: Int

  /// Creates a loader with the given limits. Without a threshold, files of 256 KiB and
  /// more get libyaml's thread when the process may run on two processors or more, and
  /// none do on one.
  package init(limits: YAMLLimits = .plan, concurrentParsingThreshold: Int? = nil) {
    self.limits = limits
    self.concurrentParsingThreshold =
      concurrentParsingThreshold ?? (ProcessorCount.available > 1 ? 256 * 1024 : .max)
  }

  /// Loads one file. Never throws: every problem is in the result. `observer` is told
  /// about the items of the root mapping's lists as they complete, on the calling thread.
  package func load(
    _ source: SourceText, observer: (any YAMLItemObserver)? = nil
  ) -> YAMLLoadResult {
    if let error = precheck(source) {
      return YAMLLoadResult(document: nil, errors: [error])
    }
    var builder = DocumentBuilder(source: source, limits: limits, observer: observer)
    return builder.run(concurrent: source.bytes.count >= concurrentParsingThreshold)
  }

  /// Problems found before libyaml sees the bytes: size and encodings libyaml would
  /// otherwise decode or misreport.
  private func precheck(_ source: SourceText) -> YAMLError? {
    let bytes = source.bytes
    if bytes.count > limits.maxBytes { return limits.fileTooLarge(bytes: bytes.count) }
    let utf16 = bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE])
    let utf32 = bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF])
    if utf16 || utf32 {
      return YAMLError(.byteOrderMark(utf32: utf32), at: .fileStart)
    }
    return nil
  }
}
