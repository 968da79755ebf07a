package import ScanplanVendorKit

/// OWASP ZAP, from its API description (`zaproxy/zap-api-docs`: `openapi.yaml`, and the
/// guides `explore.md`, `attack.md` and `results.md`): a daemon beside the job, driven
/// over `/JSON/...` with `X-ZAP-API-Key`.
package enum ZAP {
  /// `type: zap`.
  package static let type = ProviderType("zap")

  /// Everything scanplan knows about ZAP, for the registry.
  package static let vendor = Vendor(table: table, api: ZAPAPI(), emulation: ZAPEmulation())
}

extension ProviderType {
  package static let zap = ZAP.type
}
