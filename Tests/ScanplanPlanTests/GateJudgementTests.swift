import ScanplanReport
import ScanplanVendorKit
import Testing

/// The gate's judgement as a table: listed findings, the counts the vendor reports, and
/// the verdict. A listing known to be short proves nothing where the counts are silent.
@Suite struct GateJudgementTests {
  /// `high:2` is two open high findings; `high:2s` two suppressed ones; `high:2u` two
  /// unchanged against a baseline.
  static func findings(_ spec: String) -> [Finding] {
    spec.split(separator: " ").flatMap { item -> [Finding] in
      let parts = item.split(separator: ":")
      var count = String(parts[1])
      let suppressed = count.hasSuffix("s")
      let unchanged = count.hasSuffix("u")
      if suppressed || unchanged { count.removeLast() }
      return (0..<Int(count)!).map { index in
        Finding(
          vendorID: "\(parts[0])-\(index)", check: "c\(index)", name: "n",
          severity:
            Severity(rawValue: String(parts[0]))!, confidence: nil, url: "https://x/\(index)",
          input: nil, status: suppressed ? "false_positive" : "open", suppressed: suppressed,
          fingerprint: "\(parts[0])\(index)", baselineState: unchanged ? .unchanged : nil)
      }
    }
  }

  @Test(arguments: [
    // The counts leave critical out and the listing is short: critical cannot be judged.
    (
      "critical:1", ["high": 4], "", false,
      GateVerdict.failed([
        "critical cannot be judged: the provider reports no critical count and lists 0 of "
          + "the 4 findings it counts"
      ])
    ),
    (
      "critical:1", ["high": 4, "medium": 8], "high:1 medium:8", false,
      .failed([
        "critical cannot be judged: the provider reports no critical count and lists 9 of "
          + "the 12 findings it counts"
      ])
    ),
    // The listing matches the counts: it decides, as it always did.
    ("critical:1", ["high": 4], "high:4", false, .passed),
    ("critical:1", ["high": 4], "high:2 high:2s", false, .passed),
    ("critical:1", ["high": 4], "high:4 critical:1", false, .failed(["critical: 1 >= 1"])),
    // A severity the vendor counts takes the larger of the two.
    ("high:3", ["high": 4], "high:1", false, .failed(["high: 4 >= 3"])),
    ("high:5", ["high": 4], "high:1", false, .passed),
    // Against a baseline, a severity listed short may hide new findings.
    (
      "high:1", ["high": 4], "high:1u", true,
      .failed([
        "high cannot be judged against the baseline: the provider counts 4 and lists 1, and "
          + "those unlisted may be new"
      ])
    ),
    ("high:1", ["high": 1], "high:1u", true, .passed),
  ])
  func theVerdict(
    _ gate: String, _ reported: [String: Int], _ listed: String, _ baseline: Bool,
    _ verdict: GateVerdict
  ) {
    let failOn = gate.split(separator: " ").map { item in
      let parts = item.split(separator: ":")
      return GateThreshold(severity: String(parts[0]), count: Int(parts[1])!)
    }
    let judgement = GateJudgement(
      failOn: failOn, reported: reported, findings: Self.findings(listed), findingsError: nil,
      baseline: baseline)
    #expect(judgement.verdict == verdict)
  }
}
