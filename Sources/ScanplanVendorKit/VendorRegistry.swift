/// The vendors one scanplan speaks, in the order docs and messages list them.
///
/// A value, built where the program starts and handed to validation, planning, running,
/// `diff` and the emulator: none of them names a vendor, so adding one is its folder and
/// a line where the registry is built (docs/adding-a-vendor.md).
package struct VendorRegistry: Sendable {
  /// Every vendor, in order.
  package let vendors: [Vendor]
  private let byName: [String: Vendor]

  /// A registry of `vendors`, in that order. Names and emulator path prefixes must be
  /// distinct: a plan's `type:` and a request's path each find one vendor.
  package init(_ vendors: [Vendor]) {
    var byName: [String: Vendor] = [:]
    for vendor in vendors {
      precondition(
        byName.updateValue(vendor, forKey: vendor.type.rawValue) == nil,
        "two vendors are named \(vendor.type.rawValue)")
    }
    precondition(
      Set(vendors.map(\.emulation.pathPrefix)).count == vendors.count,
      "two vendors' emulations share a path prefix")
    self.vendors = vendors
    self.byName = byName
  }

  /// Every provider type, in order.
  package var types: [ProviderType] { vendors.map(\.type) }

  /// Every vendor's table, in order.
  package var tables: [VendorTable] { vendors.map(\.table) }

  /// The type a plan's `type:` names, if any.
  package func type(named name: String) -> ProviderType? {
    byName[name]?.type
  }

  /// The vendor of a type, if registered.
  package func vendor(_ type: ProviderType) -> Vendor? {
    byName[type.rawValue]
  }

  /// `types` that `set` holds, in registry order: how lists of vendors read everywhere.
  package func ordered(_ set: Set<ProviderType>) -> [ProviderType] {
    types.filter(set.contains)
  }
}
