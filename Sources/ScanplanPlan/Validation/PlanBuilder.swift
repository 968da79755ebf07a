import ScanplanJSON
import ScanplanVendorKit
import ScanplanYAML

/// Turns a loaded document into a `ResolvedPlan`, checking every rule of plan format
/// version 1 on the way: references, `extends` cycles, duplicate names, vendor fit,
/// required settings after merging, and the warnings the format names.
struct PlanBuilder {
  var reader: NodeReader
  /// The document checked; while the file loads, a snapshot of what has loaded so far,
  /// which `PlanStream` takes back after each use.
  private(set) var document: YAMLDocument

  /// Classes, not structs: every asset refers to its provider and every scan to its
  /// profiles, and a reference is one retain where a copy would be many.
  final class ProviderDecl: Sendable {
    let name: String
    let range: SourceRange
    let type: ProviderType?
    /// What the type's vendor accepts, when the type is known.
    let fit: VendorFit?
    let defaults: SettingsLayer
    let resolved: ResolvedProvider?

    init(
      name: String, range: SourceRange, type: ProviderType?, fit: VendorFit?,
      defaults: SettingsLayer, resolved: ResolvedProvider?
    ) {
      self.name = name
      self.range = range
      self.type = type
      self.fit = fit
      self.defaults = defaults
      self.resolved = resolved
    }
  }

  final class ProfileDecl: Sendable {
    let name: String
    let range: SourceRange
    let extends: (name: String, range: SourceRange)?
    let layer: SettingsLayer
    /// Set when the profile has keys of both types; its uses are then not checked again.
    let isMixed: Bool

    init(
      name: String, range: SourceRange, extends: (name: String, range: SourceRange)?,
      layer: SettingsLayer, isMixed: Bool
    ) {
      self.isMixed = isMixed
      self.name = name
      self.range = range
      self.extends = extends
      self.layer = layer
    }
  }

  /// A profile's chain, base first, and whether every link of it could be followed.
  struct Chain {
    let profiles: [ProfileDecl]
    let isComplete: Bool
  }

  var providers: [String: ProviderDecl] = [:]
  var providerOrder: [String] = []
  var profiles: [String: ProfileDecl] = [:]
  var profileOrder: [String] = []
  var usedProfiles: Set<String> = []
  /// Profiles in an `extends` cycle; their chains are not followed.
  var cyclic: Set<String> = []
  var scans: [ResolvedScan] = []
  var chains: [String: Chain] = [:]
  var merger: SettingsMerger
  /// Asset names so far, to find repeats.
  var assetNames = TextIndex(capacity: 0)
  /// What was read while the file loaded.
  var streamed = PlanStream.Progress()
  /// Whether scans are resolved; when not, every check still runs.
  let resolving: Bool

  init(document: YAMLDocument, file: String, format: PlanFormat, resolving: Bool = true) {
    self.document = document
    self.resolving = resolving
    reader = NodeReader(document: document, file: file, format: format)
    merger = SettingsMerger(format: format)
  }

  /// The shapes read against.
  var format: PlanFormat { reader.format }

  /// Checks the whole document; the plan comes back even when there are errors, with
  /// what could be resolved. What `PlanStream` read while the file loaded is not read
  /// again: by the loader's rules, the root's first `providers`, `profiles` and `assets`
  /// are the ones the finished document holds.
  mutating func build() -> ResolvedPlan {
    let early = reader.takeFindings()
    guard let top = readRoot() else {
      // A version this scanplan does not read: what was found early is noise too.
      return ResolvedPlan(file: reader.file, providers: [], scans: [])
    }
    reader.adopt(early.diagnostics, secretRanges: early.secretRanges)
    if let entry = top["providers"], entry.value != streamed.providers { readProviders(entry) }
    if let entry = top["profiles"], entry.value != streamed.profiles { readProfiles(entry) }
    if let entry = top["assets"] { readAssets(entry) }
    return finish()
  }

  /// Checks against `document` from now on: a snapshot while the file loads, then the
  /// finished document.
  mutating func use(_ document: YAMLDocument) {
    self.document = document
    reader.document = document
  }

  /// Checks the root mapping's own keys; nil when nothing more is to be checked.
  mutating func readRoot() -> NodeReader.Fields? {
    let root = document.root
    let rootNode = document[root]
    guard rootNode.kind == .mapping else {
      if rootNode.kind == .scalar, rootNode.scalar == .null {
        reader.report(FileMessage.emptyFile, at: .fileStart)
      } else {
        reader.report(FileMessage.rootNotMapping(found: reader.describe(root)), at: rootNode.range)
      }
      return nil
    }
    let top = reader.object(
      root, shape: format.plan, key: "plan", subject: "the plan", owner: reader.headRange(root))!
    if let entry = top["version"], reader.value(entry) == nil,
      case .int = document[document.resolve(entry.value)].scalar
    {
      // A version this scanplan does not read: its other rules would only add noise.
      return nil
    }
    return top
  }

  /// The checks that need every asset read, and the plan.
  mutating func finish() -> ResolvedPlan {
    for name in profileOrder where !usedProfiles.contains(name) {
      reader.report(NameMessage.unusedProfile(name: name), at: profiles[name]!.range)
    }
    return ResolvedPlan(
      file: reader.file, providers: providerOrder.compactMap { providers[$0]?.resolved },
      scans: scans)
  }

}
