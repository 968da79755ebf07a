import ScanplanJSON
package import ScanplanVendorKit

/// The shape of a version-1 plan for the vendors of one registry: every mapping's keys,
/// built from the vendors' tables, and what each vendor accepts of them.
///
/// Built once where a registry is handed in (`PlanValidator`), then shared. A class: the
/// readers of every asset refer to it.
package final class PlanFormat: Sendable {
  /// Names of providers, profiles, assets, scans and tags.
  package static let namePattern = "^[A-Za-z0-9][A-Za-z0-9._-]*$"

  /// The vendors the format speaks of.
  package let registry: VendorRegistry
  /// Every key any vendor's scans take, each once (`SettingsUnion`). Profiles are read
  /// against it, as they belong to no provider; each scan's settings are then checked
  /// against its own provider's table (`VendorFit`).
  package let scanSettings: ObjectShape
  /// Every leaf scan setting, in table order: `scan_type`, `options.max_depth`, ... Each
  /// has a slot, its index here, so merging and lookups work on numbers, not key paths.
  package let settingLeaves: [SettingLeaf]
  /// How scans are polled.
  package let poll: ObjectShape
  /// A scanning service and how to talk to it.
  package let provider: ObjectShape
  /// Named, reusable scan settings.
  package let profile: ObjectShape
  package let scan: ObjectShape
  /// What is scanned, and how.
  package let asset: ObjectShape
  /// The whole file.
  package let plan: ObjectShape
  /// The keys whose values may hold environment references, in the order the format
  /// lists them, for messages.
  package let environmentKeys: [String]

  /// For a setting that several vendors declare as a choice (`scan_type`), each vendor's
  /// values, worded for help: the union alone would offer S4E's values to a ZAP scan.
  let choicesByVendor: [String: String]
  /// What each vendor accepts of the union.
  let fits: [ProviderType: VendorFit]
  /// The asset keys of vendors, each once, with their place in the asset's shape.
  let vendorAssetFields: [(field: Field, position: Int)]
  /// Places in the shapes, found once: by name, each read would compare strings.
  let places: Places

  /// Slots and places the builder reads by number.
  struct Places: Sendable {
    let assetName: Int
    let assetProvider: Int
    let assetTags: Int
    let assetScans: Int
    let scanName: Int
    let scanProfile: Int
    /// `scan_type`, which names a scan without a name or profile, where vendors have it.
    let scanTypeSlot: Int?
    /// `wait`, where vendors have it.
    let waitSlot: Int?
    /// The slots of `fail_on`'s severities.
    let failOnSlots: Range<Int>
  }

  /// The format for `registry`'s vendors.
  package init(registry: VendorRegistry) {
    self.registry = registry
    let tables = registry.tables
    scanSettings = SettingsUnion.shape(tables)
    var leaves: [SettingLeaf] = []
    for field in scanSettings.fields {
      if case .object(let nested) = field.kind {
        for leaf in nested.fields {
          leaves.append(SettingLeaf(slot: leaves.count, path: [field.key, leaf.key], field: leaf))
        }
      } else {
        leaves.append(SettingLeaf(slot: leaves.count, path: [field.key], field: field))
      }
    }
    settingLeaves = leaves
    poll = Self.pollShape(tables)
    provider = Self.providerShape(tables, poll: poll, settings: scanSettings)
    profile = scanSettings.adding(
      [Field("extends", .profileReference, summary: "a profile whose settings this one builds on")],
      title: "Profile", place: "a profile")
    scan = scanSettings.adding(
      [
        Field("name", .name, summary: "the scan's name; its id is `ASSET/NAME`"),
        Field("profile", .profileReference, summary: "a profile whose settings the scan uses"),
      ],
      title: "Scan", place: "a scan")
    asset = Self.assetShape(tables, scan: scan)
    plan = Self.planShape(provider: provider, profile: profile, asset: asset)
    var keys: [String] = []
    for shape in [provider, asset, scanSettings] {
      for field in shape.fields where field.allowsEnvironment && !keys.contains(field.key) {
        keys.append(field.key)
      }
    }
    environmentKeys = keys
    let asset = asset
    vendorAssetFields = asset.fields.enumerated().compactMap { position, field in
      field.vendors.isEmpty ? nil : (field, position)
    }
    let failOn = leaves.filter { $0.path.first == "fail_on" }.map(\.slot)
    places = Places(
      assetName: asset.position(of: "name")!, assetProvider: asset.position(of: "provider")!,
      assetTags: asset.position(of: "tags")!, assetScans: asset.position(of: "scans")!,
      scanName: scan.position(of: "name")!, scanProfile: scan.position(of: "profile")!,
      scanTypeSlot: leaves.first { $0.path == ["scan_type"] }?.slot,
      waitSlot: leaves.first { $0.path == ["wait"] }?.slot,
      failOnSlots: (failOn.first ?? 0)..<((failOn.last ?? -1) + 1))
    var groups: [String: [String]] = [:]
    for table in tables {
      for field in table.settings {
        guard case .choice(let values) = field.kind else { continue }
        groups[field.key, default: []].append(
          Suggestions.list(values) + " on " + table.displayName)
      }
    }
    choicesByVendor = groups.filter { $0.value.count > 1 }.mapValues {
      $0.joined(separator: "; ")
    }
    let settings = scanSettings
    let assetFields = vendorAssetFields
    fits = Dictionary(
      uniqueKeysWithValues: tables.map {
        (
          $0.type,
          VendorFit(table: $0, union: settings, leaves: leaves, assetFields: assetFields)
        )
      })
  }

  /// What a vendor accepts; every type a plan can name is the registry's.
  func fit(_ type: ProviderType) -> VendorFit { fits[type]! }

  /// The vendor of a type.
  package func vendor(_ type: ProviderType) -> Vendor { registry.vendor(type)! }

  /// The slot of a leaf setting's path, if any vendor has it.
  package func slot(_ path: String...) -> Int? {
    settingLeaves.firstIndex { $0.path == path }
  }

  /// Every mapping of the format, for hints about keys written in the wrong place.
  package var all: [ObjectShape] {
    var shapes = [plan, provider, poll, profile, asset, scan]
    for field in scanSettings.fields {
      if case .object(let nested) = field.kind { shapes.append(nested) }
    }
    return shapes
  }
}

/// One leaf scan setting: its slot, its key path and its entry in the union of the
/// vendors' tables. A class: every setting of every resolved scan refers to one.
package final class SettingLeaf: Sendable {
  /// The index in `PlanFormat.settingLeaves`.
  package let slot: Int
  /// `["options", "max_depth"]`.
  package let path: [String]
  /// The union's entry; a vendor's own is `VendorFit`'s.
  package let field: Field

  init(slot: Int, path: [String], field: Field) {
    self.slot = slot
    self.path = path
    self.field = field
  }
}
