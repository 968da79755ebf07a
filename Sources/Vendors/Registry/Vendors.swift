import ScanplanInvicti
import ScanplanS4E
package import ScanplanVendorKit
import ScanplanZAP

/// The vendors this build of scanplan speaks. The executable hands this registry to every
/// part that needs vendors; adding one is its folder and a line here
/// (docs/adding-a-vendor.md).
package enum Vendors {
  /// Every vendor, in the order docs and messages list them.
  package static let registry = VendorRegistry([S4E.vendor, Invicti.vendor, ZAP.vendor])
}

extension Vendors {
  /// Every vendor, in order.
  package static var all: [Vendor] { registry.vendors }
  /// Every provider type, in order.
  package static var types: [ProviderType] { registry.types }
  /// Every vendor's table, in order.
  package static var tables: [VendorTable] { registry.tables }

  /// The type a plan's `type:` names, if any.
  package static func type(named name: String) -> ProviderType? {
    registry.type(named: name)
  }

  /// The vendor of a registered type.
  package static func vendor(_ type: ProviderType) -> Vendor {
    registry.vendor(type)!
  }
}
