import ScanplanPlan
package import ScanplanReport
import ScanplanSupport

extension RunReport {
  /// The most bars a budget's requests are counted in, whatever the run's length: a
  /// page stays light for a run of hours.
  static let maxIntervals = 600

  /// A budget as a report shows it: its provider's name, its rate, what it did.
  package struct BudgetUse: Sendable {
    package let name: String
    /// The configured rate, requests per second.
    package let rate: Double
    package let statistics: SchedulerCore.BudgetStatistics

    package init(name: String, rate: Double, statistics: SchedulerCore.BudgetStatistics) {
      self.name = name
      self.rate = rate
      self.statistics = statistics
    }
  }

  /// The report of a run: its records, when it started and ended (seconds since the
  /// Unix epoch), and, when it kept one, its timeline.
  package init(
    records: [ScanRecord], startedAt: Double, endedAt: Double, interrupted: Bool,
    unreachableProviders: [String], timeline: RunTimeline? = nil, budgets: [BudgetUse] = [],
    baseline: String? = nil
  ) {
    let scans = records.map { Self.scan($0, startedAt: startedAt, timeline: timeline) }
    self.init(
      startedAt: UTCDate.iso8601(startedAt), endedAt: UTCDate.iso8601(endedAt),
      exitCode: Self.exitCode(
        scans, interrupted: interrupted, unreachableProviders: unreachableProviders),
      interrupted: interrupted)
    self.scans = scans
    self.unreachableProviders = unreachableProviders
    self.baseline = baseline
    // Rounded as the JSON writes them, so that what a run draws from memory is what
    // `scanplan report` draws from its file.
    if timeline != nil { duration = Self.rounded(endedAt - startedAt) }
    let interval = max(1, Int(((endedAt - startedAt) / Double(Self.maxIntervals)).rounded(.up)))
    providers = budgets.indices.map { index in
      var provider = Provider(name: budgets[index].name, rate: budgets[index].rate)
      let statistics = budgets[index].statistics
      provider.requests = statistics.requests
      provider.throttled = statistics.throttled
      provider.backloggedSeconds = Self.rounded(statistics.backloggedSeconds)
      provider.backloggedRequests = statistics.backloggedRequests
      if let moments = timeline?.budgets[index] {
        provider.pauses = moments.pauses.map {
          Pause(from: Self.rounded($0.from), until: Self.rounded($0.until))
        }
        provider.intervalSeconds = interval
        let count = max(1, Int(((endedAt - startedAt) / Double(interval)).rounded(.up)))
        var requests = Array(repeating: 0, count: count)
        for sent in moments.sends {
          requests[min(count - 1, max(0, Int(sent / Double(interval))))] += 1
        }
        provider.requestCounts = requests
      }
      return provider
    }
  }

  private static func scan(_ record: ScanRecord, startedAt: Double, timeline: RunTimeline?)
    -> Scan
  {
    var scan = Scan(
      id: record.id, provider: record.provider, status: record.outcome?.status ?? .running,
      location: record.location)
    scan.scanID = record.scanID
    scan.reason = record.outcome?.reason
    scan.adopted = record.adopted
    scan.recovered = record.recovered
    scan.resumed = record.resumed
    scan.triggeredAt = record.triggeredAt.map { UTCDate.iso8601(startedAt + $0) }
    scan.endedAt = record.endedAt.map { UTCDate.iso8601(startedAt + $0) }
    if let start = record.triggeredAt, let end = record.endedAt {
      scan.duration = Self.rounded(end - start)
    }
    scan.polls = record.polls
    if let shown = record.shownStatus, let status = record.lastStatus {
      scan.lastStatus = shown
      // The provider's own word, where output shows a shared one (`paused` for `pausing`).
      if shown != status { scan.vendorStatus = status }
    }
    scan.progress = record.progress
    if let counts = record.severityCounts {
      scan.severityCounts = Count.bySeverity(counts)
    } else if let findings = record.findings {
      scan.severityCounts = Count.counted(findings, everySeverity: true)
      scan.severityCountsByScanplan = true
    }
    scan.sessionID = record.sessionID
    if let verdict = record.gate {
      scan.gate = Gate(
        failOn: record.failOn.map { Count(name: $0.severity, count: $0.count) }, verdict: verdict)
    }
    scan.findings = record.findings
    scan.findingsError = record.findingsError
    scan.notes = record.notes
    if let moments = timeline?.scans[record.job] {
      scan.triggered = record.triggeredAt.map(Self.rounded)
      scan.running = moments.runningAt.map(Self.rounded)
      scan.ended = record.endedAt.map(Self.rounded)
      scan.pollTimes = moments.polls.map(Self.rounded)
    }
    return scan
  }
}
