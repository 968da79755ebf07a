/// Told about the items of one top-level list while a document loads, each as soon as
/// it is complete, so that checking them overlaps with parsing the rest of the file.
///
/// The list watched is the value of `rootKey` in the root mapping, written directly
/// (not through an alias). The documents passed are snapshots of what has loaded so
/// far: node ids stay valid in every later snapshot and in the final document. The
/// snapshot passed with an item must not be kept: while it lives, the loader's next
/// append would copy everything loaded so far, so the loader stops watching when one is
/// kept. The one passed to `listOpened` may be kept.
public protocol YAMLItemWatcher: AnyObject {
  /// The root mapping's key whose list is watched, such as `assets`.
  var rootKey: String { get }

  /// The list has opened. `pairs` are the root mapping's pairs written before its key,
  /// as written (duplicates not dropped, merge keys not applied).
  func listOpened(
    key: YAMLNodeID, pairs: [(key: YAMLNodeID, value: YAMLNodeID)], in document: YAMLDocument)

  /// One item of the list is complete.
  func itemCompleted(_ item: YAMLNodeID, in document: YAMLDocument)
}
