import ScanplanJSON
package import ScanplanReport
import ScanplanVendorKit

/// A run's findings as SARIF 2.1.0, for code scanning (`run --sarif FILE`, `report
/// REPORT.json --sarif FILE`): one rule per check, one result per finding, each placed at
/// the line of the plan that declares its scan, so that a pull request shows the finding
/// on the plan file.
///
/// GitHub rejects more than 25,000 results in a run and shows the top 5,000: the file
/// keeps `limit` results (5,000 unless raised), new findings first, then the more severe,
/// and says how many it left out in the run's `properties`.
package struct FindingsSARIF: Sendable {
  /// The most results unless raised.
  package static let defaultLimit = 5000
  /// The most results GitHub takes in one run.
  package static let maximumLimit = 25000

  /// Results kept at most.
  package let limit: Int
  /// The version written as the tool's.
  package let toolVersion: String

  /// A writer keeping at most `limit` results.
  package init(limit: Int = defaultLimit, toolVersion: String) {
    self.limit = min(max(1, limit), Self.maximumLimit)
    self.toolVersion = toolVersion
  }

  /// The SARIF log, and how many results it left out.
  package func render(_ report: RunReport) -> (text: String, omitted: Int) {
    // Places, not copies of every finding.
    let findings = report.scans.map { $0.findings ?? [] }
    var all: [(scan: Int, finding: Int)] = []
    for (index, listed) in findings.enumerated() {
      for place in listed.indices { all.append((index, place)) }
    }
    // New first, then the more severe, then as listed.
    let (places, omitted) = FindingRanking.top(all, limit: limit) { findings[$0.scan][$0.finding] }
    let ordered = places.map { ($0.scan, findings[$0.scan][$0.finding]) }
    var rules: [JSONValue] = []
    var ruleIndex: [String: Int] = [:]
    var worst: [String: Severity] = [:]
    for (_, finding) in ordered {
      worst[finding.check] = min(worst[finding.check] ?? finding.severity, finding.severity)
    }
    var results: [JSONValue] = []
    results.reserveCapacity(ordered.count)
    for (scanIndex, finding) in ordered {
      let scan = report.scans[scanIndex]
      if ruleIndex[finding.check] == nil {
        ruleIndex[finding.check] = rules.count
        let severity = worst[finding.check]!
        rules.append(
          .object([
            "id": .string(finding.check), "name": .string(Self.ruleName(finding.name)),
            "shortDescription": .object(["text": .string(finding.name)]),
            "defaultConfiguration": .object(["level": .string(Self.level(severity))]),
            "properties": .object([
              "tags": ["security"],
              "security-severity": .string(Self.securitySeverity(severity)),
            ]),
          ]))
      }
      results.append(result(finding, scan: scan, ruleIndex: ruleIndex[finding.check]!))
    }
    var notifications: [JSONValue] = []
    for scan in report.scans {
      guard let error = scan.findingsError else { continue }
      notifications.append(
        .object([
          "level": "error",
          "message": .object([
            "text": .string("the findings of \(scan.id) could not be read: \(error)")
          ]),
          "locations": .array([Self.location(scan.location)]),
        ]))
    }
    var invocation: JSONObject = ["executionSuccessful": .bool(report.exitCode == 0)]
    if !notifications.isEmpty { invocation["toolExecutionNotifications"] = .array(notifications) }
    var properties: JSONObject = ["resultLimit": .int(limit), "omittedResults": .int(omitted)]
    if let baseline = report.baseline { properties["baseline"] = .string(baseline) }
    let run: JSONObject = [
      "tool": .object([
        "driver": .object([
          "name": "scanplan", "version": .string(toolVersion),
          "informationUri": "https://github.com/scanplan/scanplan", "rules": .array(rules),
        ])
      ]),
      "invocations": .array([.object(invocation)]),
      "columnKind": "unicodeCodePoints",
      "results": .array(results),
      "properties": .object(properties),
    ]
    let log: JSONObject = [
      "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
      "runs": .array([.object(run)]),
    ]
    return (JSONWriter.pretty(.object(log)), omitted)
  }

  private func result(_ finding: Finding, scan: RunReport.Scan, ruleIndex: Int) -> JSONValue {
    var text = finding.name
    if let url = finding.url { text += " at \(url)" }
    if let input = finding.input { text += ", input `\(input)`" }
    text +=
      " (\(finding.severity.rawValue), \(finding.status); scan \(scan.id) on \(scan.provider))"
    var result: JSONObject = [
      "ruleId": .string(finding.check), "ruleIndex": .int(ruleIndex),
      "level": .string(Self.level(finding.severity)),
      "message": .object(["text": .string(text)]),
      "locations": .array([Self.location(scan.location)]),
      "partialFingerprints": .object(["scanplanFinding/v1": .string(finding.fingerprint)]),
    ]
    if let state = finding.baselineState { result["baselineState"] = .string(state.rawValue) }
    if finding.suppressed {
      result["suppressions"] = .array([
        .object([
          "kind": "external", "status": "accepted",
          "justification": .string("the provider's status is `\(finding.status)`"),
        ])
      ])
    }
    var properties: JSONObject = [
      "severity": .string(finding.severity.rawValue), "scan": .string(scan.id),
      "provider": .string(scan.provider), "status": .string(finding.status),
    ]
    if let url = finding.url { properties["url"] = .string(url) }
    if let input = finding.input { properties["input"] = .string(input) }
    if let id = finding.vendorID { properties["vendorId"] = .string(id) }
    result["properties"] = .object(properties)
    return .object(result)
  }

  /// `file:line:column` as a physical location; the file alone when it has no numbers.
  static func location(_ written: String) -> JSONValue {
    let parts = written.split(separator: ":", omittingEmptySubsequences: false)
    var file = written
    var region: JSONObject?
    if parts.count >= 3, let line = Int(parts[parts.count - 2]), let column = Int(parts.last!),
      line >= 1, column >= 1
    {
      file = parts.dropLast(2).joined(separator: ":")
      region = ["startLine": .int(line), "startColumn": .int(column)]
    }
    var physical: JSONObject = ["artifactLocation": .object(["uri": .string(file)])]
    if let region { physical["region"] = .object(region) }
    return .object(["physicalLocation": .object(physical)])
  }

  /// Critical and high are errors, medium warnings, low and info notes.
  static func level(_ severity: Severity) -> String {
    switch severity {
    case .critical, .high: "error"
    case .medium: "warning"
    case .low, .info: "note"
    }
  }

  /// GitHub's `security-severity`, which ranks code scanning alerts.
  private static func securitySeverity(_ severity: Severity) -> String {
    switch severity {
    case .critical: "9.5"
    case .high: "8.0"
    case .medium: "5.5"
    case .low: "3.0"
    case .info: "0.0"
    }
  }

  /// A rule's name: its words joined in camel case, as SARIF's examples write them.
  private static func ruleName(_ name: String) -> String {
    let words = name.split { !$0.isLetter && !$0.isNumber }
    guard let first = words.first else { return "Finding" }
    return first.prefix(1).uppercased() + first.dropFirst()
      + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }
}
