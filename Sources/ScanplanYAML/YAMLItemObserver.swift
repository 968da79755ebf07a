/// Told about each list that is a value of the root mapping, and each of its items as
/// soon as the item is complete, so that work on them overlaps with parsing the rest of
/// the file.
///
/// The loader knows nothing of what the lists mean: it reports every such list, and the
/// observer picks the ones it cares about by their key. The documents passed hold
/// everything loaded so far; node ids stay valid in the finished document. A document
/// passed must not outlive the call: while it lives, the loader's next append would copy
/// everything loaded so far, so the loader stops telling an observer that keeps one.
package protocol YAMLItemObserver: AnyObject {
  /// A list under `key` (a key of the root mapping) has opened. `earlierPairs` are the
  /// root's pairs written before it, in order, as written: a repeated key is still there
  /// (the loader keeps the first), and merge keys are not applied (they never replace a
  /// key written in the mapping).
  func listOpened(key: YAMLNodeID, earlierPairs: [YAMLPair], in document: YAMLDocument)

  /// Item `index` of the list under `key` is complete. The document is rooted at it.
  func itemCompleted(
    _ item: YAMLNodeID, index: Int, listKey key: YAMLNodeID, in document: YAMLDocument)
}

extension YAMLItemObserver {
  /// Most observers need only the items.
  package func listOpened(key: YAMLNodeID, earlierPairs: [YAMLPair], in document: YAMLDocument) {}
}

/// A key and its value in a mapping.
package struct YAMLPair: Hashable, Sendable {
  /// The key as written (maybe an alias).
  package let key: YAMLNodeID
  /// The value as written (maybe an alias).
  package let value: YAMLNodeID

  package init(key: YAMLNodeID, value: YAMLNodeID) {
    self.key = key
    self.value = value
  }
}
