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
    records: RunTable<JobID, ScanRecord>, startedAt: Double, endedAt: Double, interrupted: Bool,
    unreachableProviders: [String], timeline: RunTimeline? = nil, budgets: [BudgetUse] = [],
    baseline: String? = nil
  ) {
    let scans = records.map { Self.scan($0, timeline: timeline) }
    self.init(
      startedAt: UTCDate.iso8601(startedAt), endedAt: UTCDate.iso8601(endedAt),
      exitCode: Self.exitCode(
        scans, interrupted: interrupted, unreachableProviders: unreachableProviders),
      interrupted: interrupted)
    epoch = startedAt
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

  private static func scan(_ record: ScanRecord, timeline: RunTimeline?) -> Scan {
    var scan = Scan(
      id: record.id, provider: record.provider, location: record.location,
      result: record.result)
    if let moments = timeline?.scans[record.job] {
      // To the millisecond, as the JSON writes them: what a run draws from memory is what
      // `scanplan report` draws from its file.
      scan.running = moments.runningAt.map(Self.rounded)
      scan.pollTimes = moments.polls.map(Self.rounded)
    }
    return scan
  }
}
