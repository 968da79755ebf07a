import ScanplanYAML

/// Checks a plan's assets while its file loads, each as soon as libyaml has parsed it:
/// on a large plan, checking then overlaps with parsing the rest of the file.
///
/// What is read early is confirmed against the whole document at the end; when it does
/// not match (a `profiles` key written after `assets`, say), `finish` returns nil and
/// the plan is checked again from the start, so the outcome never depends on it.
final class AssetWatcher: YAMLItemWatcher {
  let rootKey = "assets"
  private let file: String
  private let resolving: Bool
  private var builder: PlanBuilder?

  init(file: String, resolving: Bool) {
    self.file = file
    self.resolving = resolving
  }

  func listOpened(
    key: YAMLNodeID, pairs: [(key: YAMLNodeID, value: YAMLNodeID)], in document: YAMLDocument
  ) {
    var builder = PlanBuilder(document: document, file: file, resolving: resolving)
    builder.beginAssets(key: key, pairs: pairs, in: document)
    self.builder = builder
  }

  func itemCompleted(_ item: YAMLNodeID, in document: YAMLDocument) {
    builder?.checkAsset(item, in: document)
  }

  /// The finished check and its reader, or nil when the plan must be checked again.
  func finish(_ document: YAMLDocument) -> (plan: ResolvedPlan, reader: NodeReader)? {
    guard var builder else { return nil }
    self.builder = nil
    guard let plan = builder.finishAssets(document) else { return nil }
    return (plan, builder.reader)
  }
}
