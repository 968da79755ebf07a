import ScanplanFuzzSupport
import ScanplanVendorKit
import ScanplanVendors

/// Seeds from every registered vendor's emulation, in both dialects: a created scan, its
/// polls, a page of findings and errors, so that a new vendor's answer shapes are fuzzed
/// by being registered. `Fuzz/answer_seeds.py` adds the broken and hostile ones.
func vendorSeeds() -> [(name: String, bytes: [UInt8])] {
  var seeds: [(String, [UInt8])] = []
  for vendor in Vendors.all {
    let emulation = vendor.emulation
    for dialect in [EmulatorDialect.seed, .reference] {
      func scan(_ phase: EmulatedPhase, _ progress: Int) -> EmulatedScan {
        EmulatedScan(
          id: emulation.scanID(number: 1, series: 0), asset: "a", echoed: [:], phase: phase,
          progress: progress, severities: ["high": 2, "low": 1], startDate: "2026-12-02T10:00:00Z")
      }
      let finding = EmulatedFinding(
        id: "f1", check: "xss", name: "Cross-site scripting", severity: .high, confidence: 95,
        url: "https://app.example.test/a?q=1", input: "q", suppressed: false, variant: 1)
      let answers = [
        emulation.created(scan(.queued(0), 0), origin: "http://127.0.0.1:1", dialect: dialect),
        emulation.status(scan(.running, 40), dialect: dialect),
        emulation.status(scan(.completed, 100), dialect: dialect),
        emulation.results(scan(.completed, 100), dialect: dialect),
        emulation.findings(
          [finding], of: scan(.completed, 100), offset: 0, limit: 100, total: 1, dialect: dialect),
        emulation.list(
          [scan(.running, 40)], next: nil, offset: 0, limit: 100, total: 1, dialect: dialect),
        emulation.error(EmulatedError(404, code: "not_found", "no such scan"), dialect: dialect),
        emulation.error(
          EmulatedError(429, code: "rate_limited", "slow down", retryAfter: 2), dialect: dialect),
      ]
      var bytes: [UInt8] = [0]
      for (index, answer) in answers.enumerated() {
        if index > 0 { bytes += FuzzAnswers.separator }
        bytes += FuzzAnswers.encode(answer)
      }
      seeds.append(("\(vendor.type.rawValue)-\(dialect)", bytes))
    }
  }
  return seeds
}

/// Writes the vendor seeds into `directory`; false when one cannot be written.
func writeVendorSeeds(_ directory: String) -> Bool {
  vendorSeeds().allSatisfy { writeFile(directory + "/emulated-" + $0.name, $0.bytes) }
}
