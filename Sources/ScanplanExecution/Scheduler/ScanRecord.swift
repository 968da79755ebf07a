package import ScanplanPlan
package import ScanplanReport
package import ScanplanVendorKit

/// Everything a run learned about one scan: the report's row.
package struct ScanRecord: Sendable {
  /// The job it belongs to.
  package let job: Int
  /// `ASSET/NAME`.
  package let id: String
  package let provider: String
  /// Where the scan is defined.
  package let location: String
  /// The provider's id of the scan.
  package var scanID: String?
  /// How it ended; nil while it runs.
  package var outcome: ScanOutcome?
  /// Seconds into the run when the trigger was answered.
  package var triggeredAt: Double?
  /// Seconds into the run when it ended.
  package var endedAt: Double?
  package var polls = 0
  /// The last status the provider reported, in its own words.
  package var lastStatus: String?
  /// What the last status means.
  package var lastState: ScanState?
  /// Whether a poll has found the scan running (or paused): a later `queued` went back.
  package var reachedRunning = false
  /// Percent done, when reported.
  package var progress: Int?
  /// Findings by severity, when reported.
  package var severityCounts: [String: Int]?
  /// The provider's id for this run of the scan, when reported.
  package var sessionID: String?
  /// The gate's verdict, when the scan has one.
  package var gate: GateVerdict?
  /// The gate it is judged by: its `fail_on`.
  package var failOn: [GateThreshold] = []
  /// The findings the vendor listed, once read; nil when they were not (the vendor lists
  /// none, reading is off, or they could not be read).
  package var findings: [Finding]?
  /// Why the findings could not be read: the gate fails closed, and the scan is a
  /// failure.
  package var findingsError: String?
  /// Whether the scan id came from a 409 (a scan already running) rather than a trigger.
  package var adopted = false
  /// Whether the scan ended in an earlier run, and is reported from the state file.
  package var resumed = false
  /// What the run says about the scan beyond its outcome: a state file's entry that was
  /// not reused, and why.
  package var notes: [String] = []
  /// Whether the scan id came from listing the asset's scans after a trigger's answer
  /// was lost: the scan that trigger made.
  package var recovered = false

  /// A record of a scan that has not started.
  package init(job: Int, id: String, provider: String, location: String) {
    self.job = job
    self.id = id
    self.provider = provider
    self.location = location
  }

  /// The last status as output shows it: the shared word (`paused` for Invicti's
  /// `pausing`), or the provider's own when the runner does not know it.
  package var shownStatus: String? {
    guard let lastStatus else { return nil }
    guard let lastState, lastState != .unknown else { return lastStatus }
    return lastState.rawValue
  }
}
