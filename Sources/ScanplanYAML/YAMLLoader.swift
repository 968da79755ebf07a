import CLibYAML

/// What loading one file produced: a document when the file could be read far enough,
/// and every problem found on the way.
public struct YAMLLoadResult: Sendable {
  /// The document, or nil when a problem stopped loading (a syntax error, a limit).
  public let document: YAMLDocument?
  /// Problems in source order of discovery. Those that do not stop loading (duplicate
  /// keys, unsupported tags) come with a document so that validation can go on.
  public let errors: [YAMLError]
}

/// Loads YAML with the system libyaml's event API into a `YAMLDocument` that keeps the
/// source range of every node.
///
/// libyaml's composer is not used: it keeps no ranges for keys, has no limits, and copies
/// aliased nodes, which is what makes alias bombs expensive. Here an alias shares its
/// anchor's node, and its cost is counted against `YAMLLimits.maxAliasExpansion`.
public struct YAMLLoader: Sendable {
  /// The limits applied to every file.
  public var limits: YAMLLimits
  /// Files of at least this many bytes are parsed by libyaml on a thread of its own
  /// while the tree is built on the calling thread; smaller ones on the calling thread
  /// alone, where starting a thread would cost more than the overlap saves. Either way
  /// the result is the same.
  public var concurrentParsingThreshold: Int

  /// Creates a loader with the given limits.
  public init(limits: YAMLLimits = .plan, concurrentParsingThreshold: Int = 256 * 1024) {
    self.limits = limits
    self.concurrentParsingThreshold = concurrentParsingThreshold
  }

  /// Loads one file. Never throws: every problem is in the result. A `watcher` is told
  /// about the items of one top-level list as they complete.
  public func load(_ source: SourceText, watcher: (any YAMLItemWatcher)? = nil) -> YAMLLoadResult {
    if let error = precheck(source) {
      return YAMLLoadResult(document: nil, errors: [error])
    }
    var builder = DocumentBuilder(source: source, limits: limits, watcher: watcher)
    return builder.run(concurrent: source.bytes.count >= concurrentParsingThreshold)
  }

  /// Problems found before libyaml sees the bytes: size and encodings libyaml would
  /// otherwise decode or misreport.
  private func precheck(_ source: SourceText) -> YAMLError? {
    let bytes = source.bytes
    if bytes.count > limits.maxBytes {
      return YAMLError(
        .fileTooLarge,
        "the file is \(YAMLLimits.describe(bytes: bytes.count)), over the limit of "
          + "\(YAMLLimits.describe(bytes: limits.maxBytes))",
        at: .fileStart,
        help: "split the plan into several files in one folder")
    }
    let utf16 = bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE])
    let utf32 = bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF])
    if utf16 || utf32 {
      return YAMLError(
        .invalidEncoding,
        "the file starts with a \(utf32 ? "UTF-32" : "UTF-16") byte-order mark; plans must be UTF-8",
        at: .fileStart,
        help: "save the file as UTF-8")
    }
    return nil
  }
}

/// Raised inside the builder to stop at the first fatal problem.
private struct Stop: Error {
  let error: YAMLError
}

/// Builds one document from libyaml's events. Single use.
///
/// A struct, not a class: its state is touched on every event, and a class's stored
/// properties would pay for dynamic exclusivity checks on each access.
private struct DocumentBuilder {
  let source: SourceText
  let limits: YAMLLimits
  let watcher: (any YAMLItemWatcher)?
  /// The watcher's key as bytes, while no list has been watched yet.
  var watchedKey: [UInt8]?
  /// Whether the second frame is the watched list and its items are being reported.
  var watching = false

  var nodes: [NodeRecord] = []
  /// Texts of scalars and aliases, back to back.
  var textBytes: [UInt8] = []
  var children: [YAMLNodeID] = []
  var errors: [YAMLError] = []

  /// An open collection.
  struct Frame {
    let kind: YAMLNode.Kind
    let start: SourcePosition
    let anchor: String?
    let tag: YAMLNode.Tag
    /// Where this collection's children start in `scratch`.
    let scratchStart: Int
    /// The node count of this collection with every alias expanded.
    var expandedSize: Int
  }

  var frames: [Frame] = []
  /// Children of open collections, innermost last; moved to `children` when one closes.
  var scratch: [YAMLNodeID] = []
  /// Anchor name to node and expanded size; anchors may be redefined, the last one wins.
  var anchors: [String: (node: YAMLNodeID, size: Int)] = [:]
  /// Anchors whose node is still open, to tell a recursive alias from an undefined one.
  var openAnchors: Set<String> = []
  var expandedThroughAliases = 0
  var documents = 0
  var root: YAMLNodeID?

  init(source: SourceText, limits: YAMLLimits, watcher: (any YAMLItemWatcher)?) {
    self.source = source
    self.limits = limits
    self.watcher = watcher
    watchedKey = watcher.map { Array($0.rootKey.utf8) }
    // Growing by doubling would copy each array several times and touch twice the
    // memory. Reserved capacity that stays unused is never touched, so costs no page.
    // Plans run at about one node per 10 bytes; a denser file grows past this.
    reserve()
  }

  private mutating func reserve() {
    let expected = source.bytes.count / 6 + 16
    nodes.reserveCapacity(expected)
    children.reserveCapacity(expected)
    textBytes.reserveCapacity(source.bytes.count / 2 + 16)
  }

  mutating func run(concurrent: Bool) -> YAMLLoadResult {
    // libyaml keeps a pointer to the input, so the whole parse runs inside this closure.
    let outcome: Result<Void, Stop> = source.bytes.withUnsafeBufferPointer { buffer in
      guard
        let events = YAMLEventSource(
          input: buffer, maxDepth: limits.maxDepth, concurrent: concurrent)
      else {
        return .failure(Stop(error: YAMLError(.syntax, "libyaml could not start", at: .fileStart)))
      }
      defer { events.finish() }
      do {
        while let batch = events.next() {
          defer { events.release() }
          for index in 0..<batch.count {
            if try handle(batch.events[index], bytes: batch.bytes) { return .success(()) }
          }
        }
        switch events.end {
        case .failure(let failure):
          throw Stop(error: parserError(failure))
        case .streamEnd, .depthLimit, .cancelled:
          // The events that end these were handled above and returned or threw.
          throw Stop(error: YAMLError(.syntax, "the YAML stream ended early", at: .fileStart))
        }
      } catch let stop as Stop {
        return .failure(stop)
      } catch {
        return .failure(Stop(error: YAMLError(.syntax, "\(error)", at: .fileStart)))
      }
    }
    switch outcome {
    case .failure(let stop):
      return YAMLLoadResult(document: nil, errors: errors + [stop.error])
    case .success:
      let rootID: YAMLNodeID
      if let root {
        rootID = root
      } else {
        // An empty stream: a null root, which the plan layer reports as an empty plan.
        rootID = append(
          NodeRecord(
            kind: .scalar, style: .plain, tag: .implicit, range: .init(at: .start), textStart: 0,
            textCount: 0, first: 0, count: 0))
      }
      return YAMLLoadResult(
        document: YAMLDocument(
          nodes: nodes, textBytes: textBytes, children: children, root: rootID),
        errors: errors)
    }
  }

  // MARK: Events

  /// Handles one event, whose texts are in `bytes`; returns true at the end of the
  /// stream.
  private mutating func handle(
    _ event: YAMLEventRecord, bytes: UnsafeMutablePointer<UInt8>
  ) throws -> Bool {
    switch event.kind {
    case .streamStart, .documentEnd:
      return false
    case .streamEnd:
      return true
    case .documentStart:
      documents += 1
      if documents > 1 {
        throw Stop(
          error: YAMLError(
            .multipleDocuments, "a plan file holds one YAML document; a second one starts here",
            at: event.range, help: "put each plan in a file of its own"))
      }
      return false
    case .alias:
      try alias(event, bytes: bytes)
      return false
    case .scalar:
      scalar(event, bytes: bytes)
      return false
    case .sequenceStart:
      try open(.sequence, event, bytes: bytes)
      return false
    case .mappingStart:
      try open(.mapping, event, bytes: bytes)
      return false
    case .sequenceEnd, .mappingEnd:
      close(event)
      return false
    }
  }

  private mutating func scalar(_ event: YAMLEventRecord, bytes: UnsafeMutablePointer<UInt8>) {
    let textStart = Int32(truncatingIfNeeded: textBytes.count)
    if event.text.count > 0 {
      textBytes.append(
        contentsOf: UnsafeBufferPointer(
          start: bytes + Int(event.text.start), count: Int(event.text.count)))
    }
    let nodeRange = event.range
    let tag = resolveTag(string(event.tag, bytes), collection: false, at: nodeRange)
    let id = append(
      NodeRecord(
        kind: .scalar, style: event.style, tag: tag, range: nodeRange, textStart: textStart,
        textCount: event.text.count, first: 0, count: 0))
    if let anchor = string(event.anchor, bytes) { anchors[anchor] = (id, 1) }
    attach(id, expandedSize: 1)
  }

  private mutating func alias(_ event: YAMLEventRecord, bytes: UnsafeMutablePointer<UInt8>) throws {
    let name = string(event.text, bytes) ?? ""
    let aliasRange = event.range
    guard let target = anchors[name] else {
      if openAnchors.contains(name) {
        throw Stop(
          error: YAMLError(
            .recursiveAlias, "alias `*\(name)` refers to the node that contains it",
            at: aliasRange))
      }
      throw Stop(
        error: YAMLError(
          .undefinedAlias, "alias `*\(name)` names no anchor defined before it", at: aliasRange,
          help: "define `&\(name)` on a node above this alias"))
    }
    expandedThroughAliases += target.size
    if expandedThroughAliases > limits.maxAliasExpansion {
      throw Stop(
        error: YAMLError(
          .aliasExpansionLimit,
          "aliases expand to more than \(YAMLLimits.grouped(limits.maxAliasExpansion)) nodes in this file",
          at: aliasRange,
          help: "a plan never needs this many; this looks like an alias bomb"))
    }
    let id = append(
      NodeRecord(
        kind: .alias, style: .plain, tag: .implicit, range: aliasRange,
        textStart: appendText(name), textCount: Int32(name.utf8.count), first: target.node.raw,
        count: 0))
    attach(id, expandedSize: target.size)
  }

  private mutating func open(
    _ kind: YAMLNode.Kind, _ event: YAMLEventRecord, bytes: UnsafeMutablePointer<UInt8>
  ) throws {
    if frames.count >= limits.maxDepth {
      throw Stop(
        error: YAMLError(
          .nestingTooDeep,
          "collections nest more than \(limits.maxDepth) levels deep",
          at: event.range,
          help: "a plan nests about 6 levels; look for unclosed `[` or `{`"))
    }
    let name = string(event.anchor, bytes)
    if let name { openAnchors.insert(name) }
    frames.append(
      Frame(
        kind: kind, start: event.start, anchor: name,
        tag: resolveTag(string(event.tag, bytes), collection: true, at: event.range),
        scratchStart: scratch.count, expandedSize: 1))
    if kind == .sequence, watchedKey != nil { openWatchedList() }
  }

  /// Starts watching when the sequence just opened is the value of the watched key of
  /// the root mapping.
  private mutating func openWatchedList() {
    guard let watcher, let key = watchedKey, frames.count == 2, frames[0].kind == .mapping
    else { return }
    let rootStart = frames[0].scratchStart
    let written = scratch.count - rootStart
    guard written % 2 == 1 else { return }
    let keyID = scratch[scratch.count - 1]
    let keyRecord = nodes[resolve(keyID).index]
    guard keyRecord.kind == .scalar, keyRecord.hasText(key, in: textBytes) else { return }
    watchedKey = nil
    watching = true
    let pairs = stride(from: rootStart, to: scratch.count - 1, by: 2).map {
      (key: scratch[$0], value: scratch[$0 + 1])
    }
    watcher.listOpened(
      key: keyID, pairs: pairs,
      in: YAMLDocument(nodes: nodes, textBytes: textBytes, children: children, root: keyID))
    // The watcher may keep that snapshot, so the next append copies the arrays; copy them
    // now, at their full reserved size, rather than growing them again by doubling.
    reserve()
  }

  /// Tells the watcher about a complete item of the watched list.
  private mutating func reportItem(_ id: YAMLNodeID) {
    guard let watcher else { return }
    var snapshot = YAMLDocument(nodes: nodes, textBytes: textBytes, children: children, root: id)
    watcher.itemCompleted(id, in: snapshot)
    if !isKnownUniquelyReferenced(&snapshot) {
      // Kept: every later snapshot would cost a copy of the whole document.
      watching = false
    }
  }

  private mutating func close(_ event: YAMLEventRecord) {
    if frames.count == 2 { watching = false }
    let frame = frames.removeLast()
    let nodeRange = SourceRange(start: frame.start, end: event.end)
    let first = Int32(truncatingIfNeeded: children.count)
    let count: Int
    if frame.kind == .mapping {
      count = closeMapping(frame, first: Int(first))
    } else {
      children.append(contentsOf: scratch[frame.scratchStart...])
      count = scratch.count - frame.scratchStart
    }
    scratch.removeSubrange(frame.scratchStart...)
    let id = append(
      NodeRecord(
        kind: frame.kind, style: .plain, tag: frame.tag, range: nodeRange, textStart: 0,
        textCount: 0, first: first, count: Int32(truncatingIfNeeded: count)))
    if let anchor = frame.anchor {
      openAnchors.remove(anchor)
      anchors[anchor] = (id, frame.expandedSize)
    }
    attach(id, expandedSize: frame.expandedSize)
  }

  private static let mergeKey = Array("<<".utf8)

  /// Moves a mapping's pairs from `scratch` to `children`: own pairs first (a duplicate
  /// reported and dropped), then pairs from merge keys whose key is not already there.
  /// Returns the number of pairs.
  private mutating func closeMapping(_ frame: Frame, first: Int) -> Int {
    let pairCount = (scratch.count - frame.scratchStart) / 2
    // Own keys, resolved, to find duplicates: compared as bytes in small mappings, through
    // a dictionary of strings in large ones.
    var ownKeys: [YAMLNodeID] = []
    ownKeys.reserveCapacity(pairCount)
    var index: [String: Int]? = pairCount > 8 ? [:] : nil
    var merges: [YAMLNodeID] = []
    var kept = 0

    for pair in 0..<pairCount {
      let key = scratch[frame.scratchStart + pair * 2]
      let value = scratch[frame.scratchStart + pair * 2 + 1]
      let resolvedKey = resolve(key)
      let keyRecord = nodes[resolvedKey.index]
      if keyRecord.kind != .scalar {
        errors.append(
          YAMLError(
            .nonScalarKey,
            "a mapping key must be a plain string, not a \(describe(keyRecord.kind))",
            at: nodes[key.index].range))
        continue
      }
      if keyRecord.style == .plain, keyRecord.tag == .implicit,
        keyRecord.hasText(Self.mergeKey, in: textBytes)
      {
        collectMerges(value, into: &merges)
        continue
      }
      let firstIndex: Int?
      if index != nil {
        let text = text(resolvedKey)
        firstIndex = index![text]
        if firstIndex == nil { index![text] = ownKeys.count }
      } else {
        firstIndex = ownKeys.firstIndex { sameText($0, resolvedKey) }
      }
      if let firstIndex {
        let text = text(resolvedKey)
        errors.append(
          YAMLError(
            .duplicateKey, "duplicate key `\(text)` in this mapping",
            at: nodes[key.index].range,
            notes: [
              .init(
                message: "`\(text)` first appears here",
                // Own pairs are written from `first` on, key then value.
                range: nodes[children[first + firstIndex * 2].index].range)
            ],
            help: "remove one of them; YAML keeps neither reliably"))
        continue
      }
      ownKeys.append(resolvedKey)
      children.append(key)
      children.append(value)
      kept += 1
    }

    guard !merges.isEmpty else { return kept }
    var present = Set(ownKeys.map(text))
    for source in merges {
      let sourceNode = nodes[source.index]
      let start = Int(sourceNode.first)
      for pair in 0..<Int(sourceNode.count) {
        let key = children[start + pair * 2]
        // Keys of the mapping itself win; among merged mappings, the earlier one wins.
        if present.insert(text(resolve(key))).inserted {
          children.append(key)
          children.append(children[start + pair * 2 + 1])
          kept += 1
        }
      }
    }
    return kept
  }

  private mutating func collectMerges(_ value: YAMLNodeID, into merges: inout [YAMLNodeID]) {
    let target = resolve(value)
    switch nodes[target.index].kind {
    case .mapping:
      merges.append(target)
    case .sequence:
      let node = nodes[target.index]
      for item in children[Int(node.first)..<Int(node.first + node.count)] {
        let resolved = resolve(item)
        if nodes[resolved.index].kind == .mapping {
          merges.append(resolved)
        } else {
          errors.append(
            YAMLError(
              .invalidMerge,
              "a merge key's list may hold only mappings, found a \(describe(nodes[resolved.index].kind))",
              at: nodes[item.index].range))
        }
      }
    default:
      errors.append(
        YAMLError(
          .invalidMerge, "a merge key (`<<`) takes a mapping or a list of mappings",
          at: nodes[value.index].range,
          help: "write `<<: *anchor` or `<<: [*first, *second]`"))
    }
  }

  // MARK: Helpers

  private mutating func append(_ node: NodeRecord) -> YAMLNodeID {
    nodes.append(node)
    return YAMLNodeID(nodes.count - 1)
  }

  private mutating func appendText(_ text: String) -> Int32 {
    let start = Int32(truncatingIfNeeded: textBytes.count)
    textBytes.append(contentsOf: text.utf8)
    return start
  }

  /// A node's text as a string, for messages and the rare large mapping.
  private func text(_ id: YAMLNodeID) -> String {
    let record = nodes[id.index]
    let start = Int(record.textStart)
    return String(decoding: textBytes[start..<start + Int(record.textCount)], as: UTF8.self)
  }

  /// Whether two nodes' texts are the same bytes.
  private func sameText(_ lhs: YAMLNodeID, _ rhs: YAMLNodeID) -> Bool {
    nodes[lhs.index].hasSameText(as: nodes[rhs.index], in: textBytes)
  }

  /// Adds a finished node to the open collection, or makes it the root.
  private mutating func attach(_ id: YAMLNodeID, expandedSize: Int) {
    if frames.isEmpty {
      root = id
    } else {
      scratch.append(id)
      frames[frames.count - 1].expandedSize += expandedSize
      if watching && frames.count == 2 { reportItem(id) }
    }
  }

  private func resolve(_ id: YAMLNodeID) -> YAMLNodeID {
    var current = id
    while nodes[current.index].kind == .alias {
      current = YAMLNodeID(Int(nodes[current.index].first))
    }
    return current
  }

  private func describe(_ kind: YAMLNode.Kind) -> String {
    switch kind {
    case .scalar, .alias: return "scalar"
    case .sequence: return "list"
    case .mapping: return "mapping"
    }
  }

  private mutating func resolveTag(
    _ tag: String?, collection: Bool, at range: SourceRange
  ) -> YAMLNode.Tag {
    guard let tag else { return .implicit }
    let core = "tag:yaml.org,2002:"
    if collection {
      if tag == core + "map" || tag == core + "seq" || tag == "!" { return .collection }
    } else {
      switch tag {
      case "!", core + "str": return .string
      case core + "int": return .int
      case core + "float": return .float
      case core + "bool": return .bool
      case core + "null": return .null
      default: break
      }
    }
    let shown = tag.hasPrefix(core) ? "!!" + tag.dropFirst(core.count) : tag
    errors.append(
      YAMLError(
        .unsupportedTag, "tag `\(shown)` is not supported in a plan", at: range,
        help: "remove the tag; plans use plain YAML values"))
    return collection ? .collection : .string
  }

  /// An anchor's, alias's or tag's text, if the event has one.
  private func string(_ slice: YAMLEventRecord.Slice, _ bytes: UnsafeMutablePointer<UInt8>)
    -> String?
  {
    guard slice.isPresent else { return nil }
    return String(
      decoding: UnsafeBufferPointer(start: bytes + Int(slice.start), count: Int(slice.count)),
      as: UTF8.self)
  }

  private func position(_ mark: yaml_mark_t) -> SourcePosition {
    SourcePosition(line: mark.line + 1, column: mark.column + 1)
  }

  private func range(_ start: yaml_mark_t, _ end: yaml_mark_t) -> SourceRange {
    SourceRange(start: position(start), end: position(end))
  }

  /// libyaml's own error, at libyaml's position, with its problem text.
  private func parserError(_ failure: YAMLEventSource.Failure) -> YAMLError {
    let problem = failure.problem ?? "unknown problem"
    switch failure.error {
    case YAML_READER_ERROR:
      let starts = source.lineStarts()
      let at = source.position(ofByteOffset: failure.problemOffset, lineStarts: starts)
      let location = SourceRange(
        start: at, end: SourcePosition(line: at.line, column: at.column + 1))
      if problem.contains("control characters") {
        let value = failure.problemValue
        let shown =
          value == 0
          ? "NUL"
          : "U+" + String(UInt32(bitPattern: value), radix: 16, uppercase: true).leftPadded(to: 4)
        return YAMLError(
          .invalidCharacter, "the character \(shown) is not allowed in YAML", at: location,
          help: "remove it; if the file is binary or UTF-16, save it as UTF-8 text")
      }
      let byte = failure.problemValue >= 0 ? String(format2Hex: failure.problemValue) : nil
      return YAMLError(
        .invalidEncoding,
        "the file is not valid UTF-8: \(problem)" + (byte.map { " (byte 0x\($0))" } ?? ""),
        at: location, help: "save the file as UTF-8")
    case YAML_MEMORY_ERROR:
      return YAMLError(.syntax, "libyaml ran out of memory", at: .fileStart)
    default:
      let at = range(failure.problemMark, failure.problemMark)
      let problemRange = SourceRange(
        start: at.start, end: SourcePosition(line: at.start.line, column: at.start.column + 1))
      var notes: [YAMLError.Note] = []
      // libyaml often gives a context at the problem itself; a note there says nothing new.
      if let context = failure.context, position(failure.contextMark) != at.start {
        let mark = position(failure.contextMark)
        notes.append(
          .init(
            message: context,
            range: SourceRange(
              start: mark, end: SourcePosition(line: mark.line, column: mark.column + 1))))
      }
      let tab = character(at: at.start) == UInt8(ascii: "\t")
      return YAMLError(
        .syntax, problem, at: problemRange, notes: notes,
        help: tab
          ? "indent with spaces; YAML does not allow tabs in indentation" : syntaxHelp(problem))
    }
  }

  /// The byte at a position, when it is a single-byte character.
  private func character(at position: SourcePosition) -> UInt8? {
    let starts = source.lineStarts()
    guard let line = source.line(position.line, lineStarts: starts) else { return nil }
    var column = 1
    for byte in line where byte & 0xC0 != 0x80 {
      if column == position.column { return byte < 0x80 ? byte : nil }
      column += 1
    }
    return nil
  }

  /// A hint for the syntax errors people hit most.
  private func syntaxHelp(_ problem: String) -> String? {
    if problem.contains("tab") {
      return "indent with spaces; YAML does not allow tabs in indentation"
    }
    if problem.contains("mapping values are not allowed") {
      return "quote a value that contains `: `, or check the indentation of this line"
    }
    if problem.contains("did not find expected key") || problem.contains("expected <block end>") {
      return "check the indentation of this line against the lines above it"
    }
    return nil
  }
}

extension String {
  fileprivate init(format2Hex value: Int32) {
    let hex = String(UInt8(truncatingIfNeeded: value), radix: 16, uppercase: true)
    self = hex.count < 2 ? "0" + hex : hex
  }

  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
