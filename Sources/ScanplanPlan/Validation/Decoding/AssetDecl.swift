import ScanplanJSON
import ScanplanVendorKit
import ScanplanYAML

/// One asset as written, read from its node with every problem that needs nothing
/// outside the asset: its shape, its values, its tags and its scans' own settings.
/// What needs the rest of the plan (providers, profiles, other assets' names) is checked
/// from this by `PlanBuilder`.
///
/// Holds no document: one may be decoded from a snapshot taken while the file loads. A
/// class, like `ProviderDecl`: checks pass it around and capture it in closures, and a
/// reference is one retain where a copy would be one per field.
final class AssetDecl {
  /// A name as written where another declaration is meant, and where it is written.
  struct Reference {
    let name: String
    let range: SourceRange
  }

  /// A vendor's asset key that is present, such as S4E's `asset_id`.
  struct VendorKey {
    /// The index in `PlanFormat.vendorAssetFields`.
    let position: Int
    let keyRange: SourceRange
    /// Nil when the value was invalid, which was reported.
    let value: JSONValue?
  }

  /// One scan of the asset, when it is a mapping. A class for the same reason.
  final class Scan {
    /// The scan's place in the asset's `scans`, counted from 0.
    let index: Int
    let head: SourceRange
    /// The scan's valid name, unless an earlier scan of the asset has it (reported).
    let name: String?
    /// Whether `profile` is written, valid or not.
    let hasProfile: Bool
    /// The profile named, when its name is valid.
    let profile: Reference?
    /// The scan's own settings.
    let own: SettingsLayer

    init(
      index: Int, head: SourceRange, name: String?, hasProfile: Bool, profile: Reference?,
      own: SettingsLayer
    ) {
      self.index = index
      self.head = head
      self.name = name
      self.hasProfile = hasProfile
      self.profile = profile
      self.own = own
    }
  }

  /// The node read, as the list holds it (maybe an alias).
  let item: YAMLNodeID
  /// The asset's place in `assets`, counted from 0, for "asset #N" in messages.
  let index: Int
  let head: SourceRange
  /// False when the node is not a mapping; nothing more was read.
  let isMapping: Bool
  /// The name, when its value is valid.
  let name: String?
  let provider: Reference?
  let vendorKeys: [VendorKey]
  let tags: [String]
  /// The scans that are mappings; empty when `scans` is missing or not a list.
  let scans: [Scan]
  /// The problems found reading the asset, and literal secrets to mask.
  let diagnostics: [Diagnostic]
  /// Invalid values of choices several vendors share, to be reported against the
  /// provider's values once it is known.
  let deferredChoices: [NodeReader.DeferredChoice]
  let secretRanges: [SourceRange]

  init(
    item: YAMLNodeID, index: Int, head: SourceRange, isMapping: Bool, name: String?,
    provider: Reference?, vendorKeys: [VendorKey], tags: [String], scans: [Scan],
    diagnostics: [Diagnostic], deferredChoices: [NodeReader.DeferredChoice],
    secretRanges: [SourceRange]
  ) {
    self.item = item
    self.index = index
    self.head = head
    self.isMapping = isMapping
    self.name = name
    self.provider = provider
    self.vendorKeys = vendorKeys
    self.tags = tags
    self.scans = scans
    self.diagnostics = diagnostics
    self.deferredChoices = deferredChoices
    self.secretRanges = secretRanges
  }
}
