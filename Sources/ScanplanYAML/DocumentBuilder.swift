import CLibYAML

/// Raised inside the builder to stop at the first fatal problem.
struct Stop: Error {
  let error: YAMLError
}

/// Builds one document from libyaml's events. Single use.
///
/// A struct, not a class: its state is touched on every event, and a class's stored
/// properties would pay for dynamic exclusivity checks on each access.
struct DocumentBuilder {
  let source: SourceText
  let limits: YAMLLimits

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
  /// Told about the items of root-level lists as they complete; dropped when it keeps a
  /// document it was given.
  var observer: (any YAMLItemObserver)?

  init(source: SourceText, limits: YAMLLimits, observer: (any YAMLItemObserver)? = nil) {
    self.source = source
    self.limits = limits
    self.observer = observer
    // Growing by doubling would copy each array several times and touch twice the
    // memory. Reserved capacity that stays unused is never touched, so costs no page.
    // Plans run at about one node per 10 bytes; a denser file grows past this.
    reserve()
  }

  mutating func reserve() {
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
        return .failure(Stop(error: YAMLError(.couldNotStart, at: .fileStart)))
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
          throw Stop(error: YAMLError(.endedEarly, at: .fileStart))
        }
      } catch let stop as Stop {
        return .failure(stop)
      } catch {
        return .failure(Stop(error: YAMLError(.unexpected("\(error)"), at: .fileStart)))
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

}
