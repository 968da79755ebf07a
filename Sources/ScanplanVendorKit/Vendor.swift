/// Everything scanplan knows about one vendor, in one value: what a plan may say to it
/// (`table`), how to talk to it (`api`), and how the built-in emulator plays it
/// (`emulation`). Each vendor's folder exports one; a `VendorRegistry` lists them.
///
/// A class: every provider and scan of a plan refers to its vendor, and a reference is
/// one retain where a copy would be three.
package final class Vendor: Sendable {
  /// The option table: asset keys, scan settings, defaults.
  package let table: VendorTable
  package let api: any ProviderAPI
  /// The emulator's routes.
  package let emulation: any VendorEmulation

  package init(table: VendorTable, api: any ProviderAPI, emulation: any VendorEmulation) {
    precondition(table.type == api.type, "a vendor's table and API speak of one type")
    self.table = table
    self.api = api
    self.emulation = emulation
  }

  package var type: ProviderType { table.type }
}
