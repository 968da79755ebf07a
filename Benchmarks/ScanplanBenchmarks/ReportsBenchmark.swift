import Foundation
import ScanplanExecution
import ScanplanRendering
import ScanplanReport
import ScanplanVendorKit

/// `reports [SCANS] [FINDINGS]`: drawing every output of a finished run of SCANS scans,
/// each with a scan id, statuses, severity counts, a gate, a timeline of six polls and
/// FINDINGS findings, from the report in memory as `run` does: the JSON report, the JUnit
/// file, the SARIF file, the HTML page and the job summary; then reading the JSON back,
/// as `scanplan report` does.
func reportsBenchmark(scans: Int, findings each: Int) {
  let plan = scalePlan(scans: scans)
  let severities = Severity.allCases
  let records = RunTable<JobID, ScanRecord>(
    plan.jobs.map { job -> ScanRecord in
      let number = job.index.index
      var record = ScanRecord(
        job: job.index, id: job.id, provider: job.provider, location: job.location)
      record.scanID = "scan-\(number)"
      record.outcome =
        number % 10 == 0 ? .failed("the provider reported the scan `failed`") : .completed
      record.triggeredAt = Double(number) / 100
      record.endedAt = record.triggeredAt! + 900
      record.polls = 6
      record.lastStatus = "completed"
      record.severityCounts = ["critical": 0, "high": 1, "medium": 2, "low": 3, "info": 4]
      record.gate = number % 7 == 0 ? .failed(["high: 3 >= 1"]) : .passed
      record.findings = (0..<each).map { index in
        Finding(
          vendorID: "v-\(number)-\(index)", check: "check-\(index % 40)",
          name: "A check of kind \(index % 40)", severity: severities[index % 5],
          confidence: "95", url: "https://app-\(number).example.test/path/\(index)?id=1",
          input: "id", status: index % 9 == 0 ? "false_positive" : "open",
          suppressed: index % 9 == 0,
          fingerprint: FindingFingerprint.make(
            type: job.api.type, target: "asset-\(number)", check: "check-\(index % 40)",
            url: "https://app-\(number).example.test/path/\(index)?id=1", input: "id"),
          baselineState: index % 4 == 0 ? .new : .unchanged)
      }
      return record
    })
  var timeline = RunTimeline(jobs: plan.jobs.count, budgets: plan.budgets.count)
  for job in plan.jobs {
    let triggered = records[job.index].triggeredAt!
    timeline.sent(.trigger, job: job.index, budget: job.budget, at: triggered)
    timeline.record(
      [.status(job: job.index, status: "running", vendorStatus: "running")], at: triggered + 60)
    for poll in 1...6 {
      timeline.sent(.poll, job: job.index, budget: job.budget, at: triggered + Double(poll) * 150)
    }
  }
  let report = RunReport(
    records: records, startedAt: 1_800_000_000, endedAt: 1_800_003_600, interrupted: false,
    unreachableProviders: [], timeline: timeline,
    budgets: plan.budgets.map {
      RunReport.BudgetUse(
        name: $0.name, rate: $0.requestsPerSecond, statistics: SchedulerCore.BudgetStatistics())
    }, baseline: "main-report.json")
  var times: [String: [Double]] = [:]
  var sizes: [String: Int] = [:]
  func measure(_ name: String, _ body: () -> String) {
    let start = Date()
    let text = body()
    times[name, default: []].append(Date().timeIntervalSince(start))
    sizes[name] = text.utf8.count
  }
  var document = ""
  for _ in 0..<5 {
    measure("redact") {
      _ = report.redacted { $0 }
      return ""
    }
    measure("JSON report") {
      document = report.json()
      return document
    }
    measure("JUnit file") { report.junit() }
    measure("SARIF file") { FindingsSARIF(toolVersion: "bench").render(report).text }
    measure("HTML page") { RunPage().render(report) }
    measure("job summary") { RunStepSummary().render(report) }
    measure("report read back") {
      guard case .success = RunReport.read(Array(document.utf8)) else {
        fatalError("the report does not read back")
      }
      return ""
    }
  }
  func median(_ name: String) -> Double { times[name]!.sorted()[2] }
  func ms(_ value: Double) -> String { String(format: "%.0f ms", value * 1000) }
  func size(_ name: String) -> String {
    sizes[name]! > 0 ? " (\(sizes[name]! / 1024) KiB)" : ""
  }
  let written = ["JSON report", "JUnit file", "SARIF file", "HTML page", "job summary"]
  print("| measurement, \(scans) scans, \(scans * each) findings | median of 5 |")
  print("| --- | --- |")
  for name in ["redact"] + written + ["report read back"] {
    print("| \(name)\(size(name)) | \(ms(median(name))) |")
  }
  print(
    "| all that a run writes (redaction, JSON, JUnit, SARIF, page, summary) | \(ms((["redact"] + written).map(median).reduce(0, +))) |"
  )
}
