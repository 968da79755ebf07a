import ScanplanSupport
import ScanplanVendorKit

extension RunReport {
  /// The most findings a gate's failure lists in the JUnit file; the rest are counted.
  static let junitFindingsListed = 50

  /// The JUnit XML report (`--junit FILE.xml`): one test case per scan. A failed gate's
  /// failure lists the findings that tripped it.
  package func junit() -> String {
    var failures = 0
    var errors = 0
    var skipped = 0
    var cases = ""
    for scan in scans {
      cases +=
        "    <testcase classname=\"\(Self.xml(scan.provider))\" name=\"\(Self.xml(scan.id))\" time=\"\(Self.seconds(scan.duration ?? 0))\">\n"
      let place = " (\(scan.location))"
      switch scan.status {
      case .completed, .triggered:
        if let error = scan.findingsError {
          failures += 1
          cases +=
            "      <failure message=\"\(Self.xml("its findings could not be read: " + error + place))\" type=\"findings\"/>\n"
        } else if let gate = scan.gate, scan.gateFailed {
          failures += 1
          cases +=
            "      <failure message=\"\(Self.xml("gate failed: " + gate.reasons.joined(separator: ", ")))\" type=\"gate\">"
            + Self.xml(Self.tripping(scan, gate)) + "</failure>\n"
        }
      case .failed, .refused, .timedOut:
        failures += 1
        cases +=
          "      <failure message=\"\(Self.xml((scan.reason ?? scan.status.rawValue) + place))\" type=\"\(scan.status.rawValue)\"/>\n"
      case .cancelled:
        failures += 1
        cases +=
          "      <failure message=\"\(Self.xml(scan.status.rawValue + place))\" type=\"cancelled\"/>\n"
      case .errored:
        errors += 1
        cases +=
          "      <error message=\"\(Self.xml((scan.reason ?? scan.status.rawValue) + place))\" type=\"errored\"/>\n"
      case .interrupted, .notStarted, .running:
        skipped += 1
        cases += "      <skipped message=\"\(Self.xml(scan.status.rawValue + place))\"/>\n"
      }
      if let scanID = scan.scanID {
        var text = "scan id \(scanID); status \(scan.shownStatus ?? "-"); polls \(scan.polls)"
        if let findings = scan.findings {
          text += "; " + Counted.phrase(findings.count { $0.baselineState != .absent }, "finding")
        }
        cases += "      <system-out>\(Self.xml(text))</system-out>\n"
      }
      cases += "    </testcase>\n"
    }
    var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    text += "<testsuites>\n"
    text +=
      "  <testsuite name=\"scanplan\" tests=\"\(scans.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"\(Self.seconds(duration ?? 0))\" timestamp=\"\(Self.xml(String(startedAt.prefix(19))))\">\n"
    text += cases
    text += "  </testsuite>\n</testsuites>\n"
    return text
  }

  /// The findings that count towards a failed gate's severities, most severe first, one
  /// a line: severity, name, URL, input, fingerprint.
  static func tripping(_ scan: Scan, _ gate: Gate) -> String {
    let severities = Set(gate.failOn.map(\.severity))
    let tripping = (scan.findings ?? []).filter {
      $0.counts && (severities.isEmpty || severities.contains($0.severity.rawValue))
    }.sorted { $0.severity < $1.severity }
    guard !tripping.isEmpty else { return "" }
    var text = "\n"
    for finding in tripping.prefix(junitFindingsListed) {
      text += "\(finding.severity.rawValue): \(finding.name)"
      if let url = finding.url { text += " at \(url)" }
      if let input = finding.input { text += " (\(input))" }
      text += " [\(finding.fingerprint.prefix(12))]\n"
    }
    if tripping.count > junitFindingsListed {
      text += "and \(tripping.count - junitFindingsListed) more in the report\n"
    }
    return text
  }

  private static func seconds(_ value: Double) -> String {
    FixedPoint.format(value, places: 3)
  }

  static func xml(_ text: String) -> String {
    XMLText.escaped(text)
  }
}
