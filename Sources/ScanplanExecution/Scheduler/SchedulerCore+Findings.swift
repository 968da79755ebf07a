import ScanplanPlan
import ScanplanReport
import ScanplanVendorKit

extension SchedulerCore {
  /// A scan the vendor reported completed. Its findings are read first, a page at a time
  /// inside the budget, where the vendor lists them and the provider reads them; then
  /// its gate is judged and it ends `completed`.
  mutating func vendorCompleted(_ job: RunPlan.Job, now: Double) {
    let index = job.index
    guard job.findingsLister != nil else {
      complete(job, now: now)
      return
    }
    records[index].findings = []
    leaveTheVendor(job, reading: JobRuntime.FindingsReading(), now: now)
    runtimes[index].failures = 0
    events.append(.readingFindings(job: index))
    enqueue(index, .findings, due: now)
  }

  /// The scan is done at the vendor: it stops counting against the limits (and S4E's
  /// next scan of the asset may start) while its findings are read.
  mutating func leaveTheVendor(
    _ job: RunPlan.Job, reading: JobRuntime.FindingsReading, now: Double
  ) {
    runtimes[job.index].readFindings(reading)
    release(job)
    needsActivation = true
  }

  /// What the vendor needs to list a scan's findings.
  func findingsScan(_ job: RunPlan.Job) -> FindingsScan {
    FindingsScan(
      scanID: records[job.index].scanID ?? "", sessionID: records[job.index].sessionID,
      trigger: job.triggerInput)
  }

  /// A page of findings: kept, and the next asked for, until the vendor says there is
  /// none. A page that cannot be read is asked for again like a poll; a refusal, or a
  /// list that never ends, leaves the findings unread, and the gate fails closed.
  mutating func findingsAnswered(_ job: RunPlan.Job, _ response: HTTPResponse, now: Double) {
    let index = job.index
    guard (200..<300).contains(response.status) else {
      let outcome = failure(job, response, "findings request")
      findingsFailed(index, outcome.reason ?? outcome.label, now: now)
      return
    }
    let cursor = runtimes[index].reading.cursor
    let page: FindingsPage
    switch job.findingsListing.findings(in: response, of: findingsScan(job), cursor: cursor) {
    case .failure(let error):
      retry(index, .findings, cause: error.message, now: now)
      return
    case .success(let read):
      page = read
    }
    runtimes[index].failures = 0
    let findings = page.findings.map { shared($0) }
    records[index].findings?.append(contentsOf: findings)
    events.append(.findingsPage(job: index, count: page.findings.count, next: page.next))
    guard let next = page.next else {
      complete(job, now: now)
      return
    }
    var reading = runtimes[index].reading
    let read = reading.followed.count + 1
    guard read < configuration.maxFindingsPages else {
      findingsFailed(
        index, "the findings list did not end after \(read) pages", now: now)
      return
    }
    guard reading.followed.insert(next).inserted else {
      findingsFailed(index, "the findings list asked for a page it had already given", now: now)
      return
    }
    reading.cursor = next
    runtimes[index].reading = reading
    enqueue(index, .findings, due: now)
  }

  /// A finding whose repeated words are the ones an earlier finding has, not copies.
  private mutating func shared(_ finding: Finding) -> Finding {
    var finding = finding
    finding.check = findingWords.insert(finding.check).memberAfterInsert
    finding.name = findingWords.insert(finding.name).memberAfterInsert
    finding.status = findingWords.insert(finding.status).memberAfterInsert
    finding.confidence = finding.confidence.map { findingWords.insert($0).memberAfterInsert }
    finding.input = finding.input.map { findingWords.insert($0).memberAfterInsert }
    return finding
  }

  /// The findings could not be read: the scan completed, and its gate fails closed (a
  /// scan without a gate is a failure too), with the reason.
  mutating func findingsFailed(_ index: JobID, _ reason: String, now: Double) {
    records[index].findingsError = reason
    records[index].findings = nil
    complete(plan.jobs[index], now: now)
  }

  /// Judges the gate of a completed scan and ends it. Counts that disagree with the
  /// listed findings are noted.
  mutating func complete(_ job: RunPlan.Job, now: Double) {
    let index = job.index
    if let baseline = configuration.baseline, records[index].findings != nil {
      let absent = baseline.mark(&records[index].findings!, scan: job.id)
      records[index].findings! += absent
    }
    let judgement = judge(job)
    records[index].gate = judgement.verdict
    if !judgement.disagreements.isEmpty {
      let note =
        "`\(job.id)`: the counts the provider reports disagree with the findings it lists ("
        + judgement.disagreements.joined(separator: "; ") + "); the gate counts the larger"
      records[index].notes.append(note)
      events.append(.note(job: index, text: note))
    }
    finish(index, .completed, now: now)
  }

  /// The gate's judgement of a job's record as it stands.
  func judge(_ job: RunPlan.Job) -> GateJudgement {
    let record = records[job.index]
    return GateJudgement(
      failOn: job.scan.failOn, reported: record.severityCounts,
      findings: record.findings, findingsError: record.findingsError,
      baseline: configuration.hasBaseline)
  }
}
