package import ScanplanVendorKit

/// Invicti Platform DAST, from its API document (the seed) and the Acunetix API
/// reference it serves, hosted or on-premises.
package enum Invicti {
  /// `type: invicti`.
  package static let type = ProviderType("invicti")

  /// Everything scanplan knows about Invicti, for the registry.
  package static let vendor = Vendor(
    table: table, api: InvictiAPI(), emulation: InvictiEmulation())
}

extension ProviderType {
  package static let invicti = Invicti.type
}
