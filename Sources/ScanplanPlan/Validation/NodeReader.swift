import ScanplanJSON
import ScanplanVendorKit
import ScanplanYAML

/// Reads YAML nodes against the plan's shapes, reporting every problem it meets as a
/// diagnostic and returning what it could read. It never stops at the first problem.
struct NodeReader {
  /// The document read; while the file loads, a snapshot of what has loaded so far.
  var document: YAMLDocument
  let file: String
  /// The shapes read against, from the registry's vendors.
  let format: PlanFormat
  /// Whether a URL read now may be plain `http` to any host, with a warning: set while a
  /// provider whose vendor allows it has its `base_url` read.
  var allowsPlainHTTP = false
  /// The conventional variable of the credential being read (`INVICTI_API_TOKEN`), for
  /// the help of a credential that is no reference.
  var credentialVariable: String?
  /// The vendor of the settings being read, when known (a provider's `defaults`): a
  /// value of a choice several vendors share is then shown against its values alone.
  var choiceVendor: ProviderType?
  /// Set while an asset is decoded, before its provider is known: invalid values of
  /// choices several vendors share wait here, to be reported against the asset's
  /// provider's values (`PlanBuilder.check`).
  var deferredChoices: [DeferredChoice]?
  private(set) var diagnostics: [Diagnostic] = []
  /// Ranges holding literal secrets, masked in every excerpt that shows them.
  private(set) var secretRanges: [SourceRange] = []

  init(document: YAMLDocument, file: String, format: PlanFormat) {
    self.document = document
    self.file = file
    self.format = format
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
  /// Holds only which pair each of the first 16 fields was found at, in a fixed-size
  /// vector: reading a mapping allocates nothing and copies no reference, and entries
  /// are built when asked for. A shape with more keys finds the others by name when
  /// asked (`Fields.find`), so no shape is capped.
  struct Fields {
    let shape: ObjectShape
    let document: YAMLDocument
    /// The resolved mapping, when there is one.
    let mapping: YAMLNodeID?
    /// Per field of the first 16, the index of its pair in the mapping, or -1.
    var pairs = SIMD16<Int32>(repeating: -1)
    /// Where to point when the mapping as a whole is meant (its first key).
    let range: SourceRange

    /// How many fields `pairs` holds.
    static let slots = 16

    /// The entry of the field at `index` in the shape.
    func entry(at index: Int) -> Entry? {
      let pairIndex = index < Self.slots ? Int(pairs[index]) : find(index)
      guard pairIndex >= 0, let mapping else { return nil }
      return Entry(
        field: shape.fields[index], pair: document.pairs(of: mapping)[pairIndex], in: document)
    }

    /// Whether the field at `index` is present.
    func has(_ index: Int) -> Bool {
      (index < Self.slots ? Int(pairs[index]) : find(index)) >= 0
    }

    /// The pair of a field past the first 16, or -1: the mapping's first key that is
    /// the field's (the loader drops repeated keys).
    private func find(_ index: Int) -> Int {
      guard let mapping else { return -1 }
      let pairs = document.pairs(of: mapping)
      for pairIndex in pairs.indices
      where shape.position(ofKey: document.resolve(pairs[pairIndex].key), in: document) == index {
        return pairIndex
      }
      return -1
    }

    subscript(key: String) -> Entry? {
      guard let index = shape.position(of: key) else {
        preconditionFailure("`\(key)` is not a key of \(shape.title)")
      }
      return entry(at: index)
    }

    /// Where each field was found, without the document: kept by what outlives the
    /// document it was read from (a snapshot taken while the file loads).
    struct Positions {
      let shape: ObjectShape
      let mapping: YAMLNodeID?
      let pairs: SIMD16<Int32>
      let range: SourceRange

      /// The same fields read in `document`, which holds the nodes they were found in.
      func fields(in document: YAMLDocument) -> Fields {
        Fields(shape: shape, document: document, mapping: mapping, pairs: pairs, range: range)
      }
    }

    var positions: Positions {
      Positions(shape: shape, mapping: mapping, pairs: pairs, range: range)
    }
  }

  /// Reports a problem; its wording is its message type's (`Diagnostics/Messages/`).
  mutating func report(
    _ message: some DiagnosticMessage, at range: SourceRange, notes: [Diagnostic.Note] = []
  ) {
    diagnostics.append(Diagnostic(message, file: file, at: range, notes: notes))
  }

  mutating func markSecret(_ range: SourceRange) {
    secretRanges.append(range)
  }

  /// Takes over what another reader found (one that read an asset on its own).
  mutating func adopt(_ diagnostics: [Diagnostic], secretRanges: [SourceRange]) {
    self.diagnostics += diagnostics
    self.secretRanges += secretRanges
  }

  /// Hands over everything found so far, keeping nothing.
  mutating func takeFindings() -> (diagnostics: [Diagnostic], secretRanges: [SourceRange]) {
    defer {
      diagnostics = []
      secretRanges = []
    }
    return (diagnostics, secretRanges)
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
        if index < Fields.slots { fields.pairs[index] = Int32(truncatingIfNeeded: pairIndex) }
        continue
      }
      let text = document.text(resolvedKey)
      if shape.allowsExtensions, text.hasPrefix("x-") { continue }
      unknownKey(text, at: document.range(keyID), in: shape)
    }
    for (index, field) in shape.fields.enumerated()
    where field.isRequired && !fields.has(index) {
      report(ShapeMessage.missingKey(subject: subject(), field: field), at: owner)
    }
    return fields
  }

  mutating func unknownKey(_ key: String, at range: SourceRange, in shape: ObjectShape) {
    let home = format.all.first { $0.title != shape.title && $0.field(key) != nil }
    let vendors = home?.field(key).map { field in
      format.registry.ordered(field.vendors).compactMap {
        format.registry.vendor($0)?.table.displayName
      }
    }
    report(
      ShapeMessage.unknownKey(key: key, shape: shape, home: home, vendors: vendors ?? []),
      at: range)
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
      report(ShapeMessage.tooFewItems(key: entry.field.key, minimum: minCount), at: entry.keyRange)
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
      report(ShapeMessage.noNamedEntries(key: entry.field.key), at: entry.keyRange)
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

}
