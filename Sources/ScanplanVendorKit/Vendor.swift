/// Everything scanplan knows about one vendor, in one value: what a plan may say to it
/// (`table`), how to talk to it (`api`), and how the built-in emulator plays it
/// (`emulation`). Each vendor's folder exports one; a `VendorRegistry` lists them.
///
/// A class: every provider and scan of a plan refers to its vendor, and a reference is
/// one retain where a copy would be three.
public final class Vendor: Sendable {
  /// The option table: asset keys, scan settings, defaults.
  public let table: VendorTable
  /// Requests and answers.
  public let api: any ProviderAPI
  /// The emulator's routes.
  public let emulation: any VendorEmulation

  /// Bundles a vendor.
  public init(table: VendorTable, api: any ProviderAPI, emulation: any VendorEmulation) {
    precondition(table.type == api.type, "a vendor's table and API speak of one type")
    self.table = table
    self.api = api
    self.emulation = emulation
  }

  /// The provider type.
  public var type: ProviderType { table.type }
}
