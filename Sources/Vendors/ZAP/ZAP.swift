import ScanplanVendorKit

/// OWASP ZAP, from its API description (`zaproxy/zap-api-docs`: `openapi.yaml`, and the
/// guides `explore.md`, `attack.md` and `results.md`): a daemon beside the job, driven
/// over `/JSON/...` with `X-ZAP-API-Key`.
public enum ZAP {
  /// `type: zap`.
  public static let type = ProviderType("zap")

  /// Everything scanplan knows about ZAP, for the registry.
  public static let vendor = Vendor(table: table, api: ZAPAPI(), emulation: ZAPEmulation())
}

extension ProviderType {
  /// OWASP ZAP.
  public static let zap = ZAP.type
}
