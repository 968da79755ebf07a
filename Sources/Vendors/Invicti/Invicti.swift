import ScanplanVendorKit

/// Invicti Platform DAST, from its API document (the seed) and the Acunetix API
/// reference it serves, hosted or on-premises.
public enum Invicti {
  /// `type: invicti`.
  public static let type = ProviderType("invicti")

  /// Everything scanplan knows about Invicti, for the registry.
  public static let vendor = Vendor(
    table: table, api: InvictiAPI(), emulation: InvictiEmulation())
}

extension ProviderType {
  /// Invicti.
  public static let invicti = Invicti.type
}
