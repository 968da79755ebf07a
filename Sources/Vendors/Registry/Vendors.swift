import ScanplanInvicti
import ScanplanS4E
import ScanplanVendorKit

/// The vendors scanplan speaks, in the order docs and messages list them. The only place
/// outside the vendor folders that names a vendor: adding one is its folder and a line
/// here (docs/adding-a-vendor.md).
public enum Vendors {
  /// Every vendor.
  public static let all: [Vendor] = {
    let vendors = [S4E.vendor, Invicti.vendor]
    // Types are told apart by their bits and named by their raw values.
    precondition(Set(vendors.map(\.type.bit)).count == vendors.count, "two vendors share a bit")
    precondition(
      Set(vendors.map(\.type.rawValue)).count == vendors.count, "two vendors share a name")
    return vendors.sorted { $0.type < $1.type }
  }()

  /// Every provider type, in order.
  public static let types: [ProviderType] = all.map(\.type)

  /// Every vendor's table, in order.
  public static let tables: [VendorTable] = all.map(\.table)

  /// The type a plan's `type:` names, if any.
  public static func type(named name: String) -> ProviderType? {
    types.first { $0.rawValue == name }
  }

  /// The vendor of a type.
  public static func vendor(_ type: ProviderType) -> Vendor {
    // Types come from this registry, so one always matches.
    all.first { $0.type == type }!
  }
}

extension ProviderType {
  /// The vendor's table: defaults, asset keys and scan settings.
  public var table: VendorTable { Vendors.vendor(self).table }

  /// The vendor's API.
  public var api: any ProviderAPI { Vendors.vendor(self).api }

  /// How the emulator plays the vendor.
  public var emulation: any VendorEmulation { Vendors.vendor(self).emulation }
}
