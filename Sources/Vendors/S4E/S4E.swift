import ScanplanVendorKit

/// S4E, from its REST API document (the seed) and its API reference pages.
public enum S4E {
  /// `type: s4e`.
  public static let type = ProviderType("s4e")

  /// Everything scanplan knows about S4E, for the registry.
  public static let vendor = Vendor(table: table, api: S4EAPI(), emulation: S4EEmulation())
}

extension ProviderType {
  /// S4E.
  public static let s4e = S4E.type
}
