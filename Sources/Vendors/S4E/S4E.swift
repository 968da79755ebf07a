package import ScanplanVendorKit

/// S4E, from its REST API document (the seed) and its API reference pages.
package enum S4E {
  /// `type: s4e`.
  package static let type = ProviderType("s4e")

  /// Everything scanplan knows about S4E, for the registry.
  package static let vendor = Vendor(table: table, api: S4EAPI(), emulation: S4EEmulation())
}

extension ProviderType {
  /// S4E.
  package static let s4e = S4E.type
}
