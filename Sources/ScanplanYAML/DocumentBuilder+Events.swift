import CLibYAML

extension DocumentBuilder {
  // MARK: Events

  /// Handles one event, whose texts are in `bytes`; returns true at the end of the
  /// stream.
  mutating func handle(
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
          error: YAMLError(.multipleDocuments, at: event.range))
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

  mutating func scalar(_ event: YAMLEventRecord, bytes: UnsafeMutablePointer<UInt8>) {
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

  mutating func alias(_ event: YAMLEventRecord, bytes: UnsafeMutablePointer<UInt8>) throws {
    let name = string(event.text, bytes) ?? ""
    let aliasRange = event.range
    guard let target = anchors[name] else {
      if openAnchors.contains(name) {
        throw Stop(
          error: YAMLError(.recursiveAlias(name: name), at: aliasRange))
      }
      throw Stop(
        error: YAMLError(.undefinedAlias(name: name), at: aliasRange))
    }
    expandedThroughAliases += target.size
    if expandedThroughAliases > limits.maxAliasExpansion {
      throw Stop(
        error: YAMLError(.aliasExpansion(limit: limits.maxAliasExpansion), at: aliasRange))
    }
    let id = append(
      NodeRecord(
        kind: .alias, style: .plain, tag: .implicit, range: aliasRange,
        textStart: appendText(name), textCount: Int32(name.utf8.count), first: target.node.raw,
        count: 0))
    attach(id, expandedSize: target.size)
  }

  mutating func open(
    _ kind: YAMLNode.Kind, _ event: YAMLEventRecord, bytes: UnsafeMutablePointer<UInt8>
  ) throws {
    if frames.count >= limits.maxDepth {
      throw Stop(
        error: YAMLError(.nestingTooDeep(limit: limits.maxDepth), at: event.range))
    }
    let name = string(event.anchor, bytes)
    if let name { openAnchors.insert(name) }
    frames.append(
      Frame(
        kind: kind, start: event.start, anchor: name,
        tag: resolveTag(string(event.tag, bytes), collection: true, at: event.range),
        scratchStart: scratch.count, expandedSize: 1))
    if observer != nil, frames.count == 2 { notifyListOpened() }
  }

  mutating func close(_ event: YAMLEventRecord) {
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
}
