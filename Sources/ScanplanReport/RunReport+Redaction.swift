import ScanplanVendorKit

extension RunReport {
  /// The report with every text a server or a run could have put a secret in passed
  /// through `redact`: what every output is drawn from, so that no escaping of a format
  /// (HTML, XML, JSON) can carry a token past the redaction.
  package func redacted(_ redact: (String) -> String) -> RunReport {
    var copy = self
    copy.unreachableProviders = unreachableProviders.map(redact)
    for index in copy.scans.indices {
      var scan = copy.scans[index]
      scan.scanID = scan.scanID.map(redact)
      scan.outcome = scan.outcome?.mapReason(redact)
      scan.lastStatus = scan.lastStatus.map(redact)
      scan.sessionID = scan.sessionID.map(redact)
      scan.notes = scan.notes.map(redact)
      scan.findingsError = scan.findingsError.map(redact)
      if case .failed(let reasons)? = scan.result.gate {
        scan.result.gate = .failed(reasons.map(redact))
      }
      for item in scan.result.findings?.indices ?? 0..<0 {
        let original = scan.result.findings![item]
        var finding = original
        finding.vendorID = finding.vendorID.map(redact)
        finding.check = redact(finding.check)
        finding.name = redact(finding.name)
        finding.confidence = finding.confidence.map(redact)
        finding.url = finding.url.map(redact)
        finding.input = finding.input.map(redact)
        finding.status = redact(finding.status)
        // A text without a secret comes back as it was: the list is copied only when a
        // finding held one, never for a report with none.
        if finding != original { scan.result.findings![item] = finding }
      }
      copy.scans[index] = scan
    }
    return copy
  }
}
