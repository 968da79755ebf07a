package import ScanplanReport
import ScanplanSupport
import ScanplanVendorKit

/// What a run prints: plain timestamped lines when output is not a terminal, and a live
/// view (counts by state, the slowest scans, each provider's rate) when it is. Every line
/// passes through the redactor.
package final class RunConsole: @unchecked Sendable {
  // Only the run driver's task calls a console, one call at a time.
  private let plan: RunPlan
  private let live: Bool
  private let redactor: Redactor
  private let write: @Sendable (String) -> Void
  /// Whether findings carry a baseline's states, so that lines count the new ones.
  private let baseline: Bool
  private var drawnLines = 0
  private var lastDraw = -1.0
  /// `run --quiet`: only what stops a provider (refused, unreachable) is shown as it
  /// happens, then the summary; no live view.
  package var quiet = false

  /// A console writing through `write`.
  package init(
    plan: RunPlan, live: Bool, redactor: Redactor, baseline: Bool = false,
    write: @escaping @Sendable (String) -> Void
  ) {
    self.plan = plan
    self.live = live
    self.redactor = redactor
    self.baseline = baseline
    self.write = write
  }

  /// Prints what the events say, at `epoch` (seconds since the Unix epoch).
  package func show(_ events: [RunEvent], records: RunTable<JobID, ScanRecord>, epoch: Double) {
    var lines: [String] = []
    for event in events {
      if quiet {
        switch event {
        case .refused, .unreachable: break
        default: continue
        }
      }
      guard let line = describe(event, records: records) else { continue }
      lines.append(UTCDate.iso8601(epoch) + "  " + line)
    }
    guard !lines.isEmpty else { return }
    clearLive()
    emit(lines.joined(separator: "\n") + "\n")
  }

  /// Redraws the live view, at most a few times a second; nothing off a terminal.
  package func refresh(
    records: RunTable<JobID, ScanRecord>, rates: RunTable<BudgetID, Double>, now: Double,
    force: Bool = false
  ) {
    guard live, !quiet, force || now - lastDraw >= 0.25 else { return }
    lastDraw = now
    var lines: [String] = []
    let running = records.filter { $0.outcome == nil && $0.triggeredAt != nil }
    let waiting = records.filter { $0.outcome == nil && $0.triggeredAt == nil }.count
    let paused = running.filter { $0.lastState == .paused }.count
    var counts = ["running \(running.count - paused)"]
    if paused > 0 { counts.append("paused \(paused)") }
    counts.append("waiting \(waiting)")
    let ended: [ScanStatus] = [
      .completed, .triggered, .failed, .cancelled, .timedOut, .errored, .refused,
    ]
    for status in ended {
      let count = records.filter { $0.outcome?.status == status }.count
      if count > 0 { counts.append("\(status.rawValue) \(count)") }
    }
    lines.append("scanplan run  \(Self.duration(now))  " + counts.joined(separator: "  "))
    for index in plan.budgets.ids {
      let budget = plan.budgets[index]
      lines.append(
        "  \(budget.name): \(Self.rate(rates[index]))/s of \(Self.rate(budget.requestsPerSecond))/s"
      )
    }
    let slowest = running.sorted { ($0.triggeredAt ?? 0) < ($1.triggeredAt ?? 0) }.prefix(5)
    for record in slowest {
      let status = record.shownStatus.map { " \($0)" } ?? ""
      let progress = record.progress.map { " \($0)%" } ?? ""
      lines.append(
        "  \(record.id)  \(Self.duration(now - (record.triggeredAt ?? now)))\(status)\(progress)")
    }
    clearLive()
    emit(lines.joined(separator: "\n") + "\n")
    drawnLines = lines.count
  }

  /// Removes the live view before the summary.
  package func finish() {
    clearLive()
  }

  /// The summary printed at the end of a run; `resume` is the command that takes an
  /// interrupted run up again, when it had a state file.
  package func summary(_ report: RunReport, resume: String? = nil) -> String {
    var text =
      "\n"
      + report.summary.map { "\($0.count) \($0.name.replacing("_", with: " "))" }.joined(
        separator: ", ")
    text += " in \(Self.duration(report.duration ?? 0))"
    let resumed = report.scans.count { $0.resumed }
    if resumed > 0 { text += " (\(resumed) of them reported from the state file)" }
    text += "\n"
    for scan in report.scans {
      switch scan.status {
      case .completed, .triggered:
        if let error = scan.findingsError {
          text += "  \(scan.id): its findings could not be read: \(error) at \(scan.location)\n"
        } else if let gate = scan.gate, scan.gateFailed {
          text +=
            "  \(scan.id): gate failed (\(gate.reasons.joined(separator: ", "))) at \(scan.location)\n"
          text += Self.tripping(scan, gate, baseline: report.baseline != nil)
        }
      case .running:
        text += "  \(scan.id): still running at \(scan.location)\n"
      case .failed, .cancelled, .timedOut, .errored, .refused, .interrupted, .notStarted:
        let reason = scan.reason.map { ": \($0)" } ?? ""
        text += "  \(scan.id): \(scan.status.rawValue)\(reason) at \(scan.location)\n"
      }
    }
    if !report.unreachableProviders.isEmpty {
      text += "  unreachable: " + report.unreachableProviders.joined(separator: ", ") + "\n"
    }
    if report.interrupted {
      if let resume {
        text += "interrupted: the scans already triggered are in the state file; resume with\n"
        text += "  \(resume)\n"
      } else {
        text +=
          "interrupted: no --state file was given, so a run started again triggers every scan "
          + "again; give one to resume the next time\n"
      }
    }
    text += "exit code \(report.exitCode)\n"
    return redactor.redact(text)
  }

  /// The findings that failed a gate, a line each, the first few: the new ones when
  /// there is a baseline.
  static func tripping(_ scan: RunReport.Scan, _ gate: RunReport.Gate, baseline: Bool) -> String {
    let severities = Set(gate.failOn.map(\.severity))
    let counted = (scan.findings ?? []).filter {
      $0.counts && (severities.isEmpty || severities.contains($0.severity.rawValue))
    }.sorted { $0.severity < $1.severity }
    var text = ""
    for finding in counted.prefix(5) {
      text += "    \(baseline ? "new " : "")\(finding.severity.rawValue): \(finding.name)"
      if let url = finding.url { text += " at \(url)" }
      if let input = finding.input { text += " (\(input))" }
      text += "\n"
    }
    if counted.count > 5 { text += "    and \(counted.count - 5) more in the report\n" }
    return text
  }

  private func describe(_ event: RunEvent, records: RunTable<JobID, ScanRecord>) -> String? {
    switch event {
    case .triggering, .staging:
      return nil
    case .staged(let job, let scanID):
      return "\(plan.jobs[job].id)  next stage started: scan \(scanID)"
    case .triggered(let job, let scanID, let origin):
      let id = plan.jobs[job].id
      switch origin {
      case .triggered: return "\(id)  triggered scan \(scanID) on \(plan.jobs[job].provider)"
      case .adopted: return "\(id)  adopted running scan \(scanID) (409)"
      case .recovered:
        return "\(id)  found scan \(scanID), made by the trigger whose answer was lost"
      }
    case .lookingForLostScan(let job):
      return
        "\(plan.jobs[job].id)  the trigger's answer was lost: listing the asset's scans for the one it made"
    case .waitingForConflict(let job, let scanID):
      return "\(plan.jobs[job].id)  waiting for running scan \(scanID) to end (on_conflict: wait)"
    case .status(let job, let status, let vendorStatus):
      return "\(plan.jobs[job].id)  \(status)"
        + (status == vendorStatus ? "" : " (\(vendorStatus))")
    case .unknownStatus(let job, let status):
      return "\(plan.jobs[job].id)  warning: unknown status `\(status)`, treated as running"
    case .statusWentBack(let job, let from, let to):
      return
        "\(plan.jobs[job].id)  warning: the status went back from `\(from)` to `\(to)`; still polling"
    case .retrying(let job, let cause, let delay):
      return "\(plan.jobs[job].id)  retrying in \(Self.seconds(delay)): \(cause)"
    case .throttled(let budget, let seconds, let rate):
      return
        "\(plan.budgets[budget].name)  throttled (429): pausing \(Self.seconds(seconds)), rate now \(Self.rate(rate))/s"
    case .refused(let budget, let reason):
      return "\(plan.budgets[budget].name)  refused: \(reason)"
    case .unreachable(let budget, let reason):
      return "\(plan.budgets[budget].name)  unreachable: \(reason)"
    case .note(_, let text):
      return text
    case .readingFindings, .findingsPage, .census:
      return nil
    case .resumed(let count):
      return Counted.phrase(count, "scan")
        + " ended in an earlier run: reported from the state file"
    case .finished(let job):
      let record = records[job]
      guard let outcome = record.outcome else { return nil }
      var line = "\(record.id)  \(outcome.label)"
      if let reason = outcome.reason { line += ": \(reason)" }
      if let findings = record.findings {
        // What this run saw (a baseline's absent ones are not), and of it what counts new.
        line += ", " + Counted.phrase(findings.count { $0.baselineState != .absent }, "finding")
        if baseline {
          line += " (\(findings.count { $0.counts && $0.baselineState == .new }) new)"
        }
      } else if let error = record.findingsError {
        line += "; its findings could not be read: \(error)"
      }
      // The vendor's counts, or those of the findings listed where it reports none.
      let counts =
        record.severityCounts.map(RunReport.Count.bySeverity)
        ?? record.findings.map { RunReport.Count.counted($0, everySeverity: true) } ?? []
      if !counts.isEmpty {
        line += "  " + counts.map { "\($0.name) \($0.count)" }.joined(separator: ", ")
      }
      if case .failed(let reasons)? = record.gate {
        line += "  gate failed: " + reasons.joined(separator: ", ")
      }
      return line
    }
  }

  private func clearLive() {
    guard live, drawnLines > 0 else { return }
    // Up to the first line of the view, then clear to the end of the screen.
    emit("\u{1B}[\(drawnLines)F\u{1B}[J")
    drawnLines = 0
  }

  private func emit(_ text: String) {
    write(redactor.redact(text))
  }

  static func duration(_ seconds: Double) -> String {
    let whole = max(0, Int(seconds))
    if whole < 60 { return "\(whole)s" }
    if whole < 3600 { return "\(whole / 60)m\(whole % 60)s" }
    return "\(whole / 3600)h\(whole % 3600 / 60)m"
  }

  static func seconds(_ value: Double) -> String {
    FixedPoint.format(value, places: 1) + "s"
  }

  static func rate(_ value: Double) -> String {
    FixedPoint.format(value, places: 2)
  }
}
