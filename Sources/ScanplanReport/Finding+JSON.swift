package import ScanplanJSON
import ScanplanVendorKit

extension Finding {
  /// A finding as reports and state files write it: `fingerprint`, `severity`, `check`,
  /// `name`, `url`, `input`, `status`, `suppressed`, then `baseline_state`, `confidence`
  /// and the vendor's `id` where there are.
  package func json() -> JSONValue {
    var object: JSONObject = [
      "fingerprint": .string(fingerprint), "severity": .string(severity.rawValue),
      "check": .string(check), "name": .string(name),
      "url": url.map(JSONValue.string) ?? .null, "input": input.map(JSONValue.string) ?? .null,
      "status": .string(status), "suppressed": .bool(suppressed),
    ]
    if let baselineState { object["baseline_state"] = .string(baselineState.rawValue) }
    if let confidence { object["confidence"] = .string(confidence) }
    if let vendorID { object["id"] = .string(vendorID) }
    return .object(object)
  }

  /// A finding read back; nil for an object that is no finding (no fingerprint, check or
  /// known severity).
  package init?(json value: JSONValue) {
    guard let object = value.objectValue, let fingerprint = object["fingerprint"]?.stringValue,
      let check = object["check"]?.stringValue,
      let severity = object["severity"]?.stringValue.flatMap(Severity.init(rawValue:))
    else { return nil }
    self.init(
      vendorID: object["id"]?.stringValue, check: check,
      name: object["name"]?.stringValue ?? check, severity: severity,
      confidence: object["confidence"]?.stringValue, url: object["url"]?.stringValue,
      input: object["input"]?.stringValue, status: object["status"]?.stringValue ?? "open",
      suppressed: object["suppressed"]?.boolValue ?? false, fingerprint: fingerprint,
      baselineState: object["baseline_state"]?.stringValue.flatMap(BaselineState.init(rawValue:)))
  }
}
