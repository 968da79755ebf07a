import ScanplanPlan
import ScanplanReport
import ScanplanVendorKit

/// Everything a run learned about one scan: the report's row.
public struct ScanRecord: Sendable {
  /// The job it belongs to.
  public let job: Int
  /// `ASSET/NAME`.
  public let id: String
  /// The provider's name.
  public let provider: String
  /// Where the scan is defined.
  public let location: String
  /// The provider's id of the scan.
  public var scanID: String?
  /// How it ended; nil while it runs.
  public var outcome: ScanOutcome?
  /// Seconds into the run when the trigger was answered.
  public var triggeredAt: Double?
  /// Seconds into the run when it ended.
  public var endedAt: Double?
  /// Polls answered.
  public var polls = 0
  /// The last status the provider reported, in its own words.
  public var lastStatus: String?
  /// What the last status means.
  public var lastState: ScanState?
  /// Whether a poll has found the scan running (or paused): a later `queued` went back.
  public var reachedRunning = false
  /// Percent done, when reported.
  public var progress: Int?
  /// Findings by severity, when reported.
  public var severityCounts: [String: Int]?
  /// The provider's id for this run of the scan, when reported.
  public var sessionID: String?
  /// The gate's verdict, when the scan has one.
  public var gate: GateVerdict?
  /// The gate it is judged by: its `fail_on`.
  public var failOn: [GateThreshold] = []
  /// The findings the vendor listed, once read; nil when they were not (the vendor lists
  /// none, reading is off, or they could not be read).
  public var findings: [Finding]?
  /// Why the findings could not be read: the gate fails closed, and the scan is a
  /// failure.
  public var findingsError: String?
  /// Whether the scan id came from a 409 (a scan already running) rather than a trigger.
  public var adopted = false
  /// Whether the scan ended in an earlier run, and is reported from the state file.
  public var resumed = false
  /// What the run says about the scan beyond its outcome: a state file's entry that was
  /// not reused, and why.
  public var notes: [String] = []
  /// Whether the scan id came from listing the asset's scans after a trigger's answer
  /// was lost: the scan that trigger made.
  public var recovered = false

  /// A record of a scan that has not started.
  public init(job: Int, id: String, provider: String, location: String) {
    self.job = job
    self.id = id
    self.provider = provider
    self.location = location
  }

  /// The last status as output shows it: the shared word (`paused` for Invicti's
  /// `pausing`), or the provider's own when the runner does not know it.
  public var shownStatus: String? {
    guard let lastStatus else { return nil }
    guard let lastState, lastState != .unknown else { return lastStatus }
    return lastState.rawValue
  }
}
