import Foundation
import ScanplanExecution
import ScanplanRendering

/// `reports [SCANS]`: writing the JSON report and the JUnit file of a finished run of
/// SCANS scans, each with a scan id, statuses, severity counts, a gate and a timeline of
/// six polls; then reading the report back and drawing the HTML page and the job summary
/// from it, as `run --html` does inside GitHub Actions.
func reportsBenchmark(scans: Int) {
  let plan = scalePlan(scans: scans)
  let records = plan.jobs.map { job -> ScanRecord in
    var record = ScanRecord(
      job: job.index, id: job.id, provider: job.provider, location: job.location)
    record.scanID = "scan-\(job.index)"
    record.outcome =
      job.index % 10 == 0 ? .failed("the provider reported the scan `failed`") : .completed
    record.triggeredAt = Double(job.index) / 100
    record.endedAt = record.triggeredAt! + 900
    record.polls = 6
    record.lastStatus = "completed"
    record.severityCounts = ["critical": 0, "high": 1, "medium": 2, "low": 3, "info": 4]
    record.gate = .passed
    return record
  }
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
      RunReport.Budget(
        name: $0.name, rate: $0.requestsPerSecond, statistics: SchedulerCore.BudgetStatistics())
    })
  var json: [Double] = []
  var junit: [Double] = []
  var page: [Double] = []
  var summary: [Double] = []
  var bytes = (0, 0, 0)
  for _ in 0..<5 {
    var start = Date()
    let document = report.json()
    json.append(Date().timeIntervalSince(start))
    start = Date()
    let suite = report.junit()
    junit.append(Date().timeIntervalSince(start))
    start = Date()
    guard case .success(let read) = ReportDocument.read(Array(document.utf8)) else {
      fatalError("the report does not read back")
    }
    let html = RunPage().render(read)
    page.append(Date().timeIntervalSince(start))
    start = Date()
    _ = RunStepSummary().render(read)
    summary.append(Date().timeIntervalSince(start))
    bytes = (document.utf8.count, suite.utf8.count, html.utf8.count)
  }
  func ms(_ values: [Double]) -> String { String(format: "%.0f ms", values.sorted()[2] * 1000) }
  print("| measurement, \(scans) scans | median of 5 | target |")
  print("| --- | --- | --- |")
  print("| JSON report (\(bytes.0 / 1024) KiB) | \(ms(json)) | under 1 s |")
  print("| JUnit file (\(bytes.1 / 1024) KiB) | \(ms(junit)) | under 1 s |")
  print("| both | \(ms(zip(json, junit).map(+))) | under 1 s |")
  print("| HTML page, read from the report (\(bytes.2 / 1024) KiB) | \(ms(page)) | |")
  print("| job summary, from the report read back | \(ms(summary)) | |")
}
