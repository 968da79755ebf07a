import ScanplanJSON

/// A run report (`run --report FILE.json`) read back, for the step summary and the HTML
/// page. `run --html` renders from the report it has just written, and
/// `scanplan report FILE.json --html` from one written earlier: one path, so the page
/// shows what the report says, secrets already redacted.
public struct ReportDocument: Sendable {
  /// A name and a count: a status's scans, or a severity's findings.
  public struct Count: Sendable, Equatable {
    /// The status or severity.
    public let name: String
    /// How many.
    public let count: Int
  }

  /// One scan's row.
  public struct Scan: Sendable {
    /// `ASSET/NAME`.
    public let id: String
    /// Its provider's name.
    public let provider: String
    /// How it ended: `completed`, `failed`, `timed_out`...
    public let status: String
    /// Why, when it did not complete.
    public let reason: String?
    /// Seconds from trigger to end.
    public let duration: Double?
    /// Findings by severity, in severity order, when the provider reported them.
    public let severityCounts: [Count]?
    /// `passed` or `failed`, when the scan has a gate.
    public let gate: String?
    /// Why the gate failed.
    public let gateReasons: [String]
    /// Where the scan is defined.
    public let location: String
    /// Seconds since the run started: trigger, first running status, end.
    public let triggered: Double?
    /// When a poll first found it running.
    public let running: Double?
    /// When it ended.
    public let ended: Double?
    /// When each poll was sent.
    public let polls: [Double]
    /// Whether it ended in an earlier run, reported from the state file.
    public let resumed: Bool
    /// What the run said about it beyond its outcome (a state file's entry not reused).
    public let notes: [String]

    /// Whether the scan did not end well: anything but completed (or triggered, for a
    /// scan not waited for) with no failed gate.
    public var isFailure: Bool {
      !(status == "completed" || status == "triggered") || gate == "failed"
    }
  }

  /// A 429's pause of a budget, in seconds since the run started.
  public struct Pause: Sendable, Equatable {
    /// When it began.
    public let from: Double
    /// When requests could go again.
    public let until: Double
  }

  /// One provider's budget.
  public struct Provider: Sendable {
    /// Its name.
    public let name: String
    /// The configured rate, requests per second.
    public let rate: Double
    /// Requests sent.
    public let requests: Int
    /// 429 answers.
    public let throttled: Int
    /// 429 pauses.
    public let pauses: [Pause]
    /// The seconds each entry of `requestCounts` covers.
    public let intervalSeconds: Int
    /// Requests sent in each interval, from the start.
    public let requestCounts: [Int]
  }

  /// Why a file is not a report this version reads.
  public struct ReadError: Error, Sendable {
    /// What is wrong, lowercase.
    public let message: String
  }

  /// When the run started and ended, as written (UTC, ISO 8601).
  public let startedAt: String
  /// When it ended.
  public let endedAt: String
  /// Its length in seconds; nil in a report written without a timeline.
  public let duration: Double?
  /// The exit code the run had.
  public let exitCode: Int
  /// Whether it was interrupted.
  public let interrupted: Bool
  /// Scans by status, in the report's order.
  public let summary: [Count]
  /// The providers' budgets.
  public let providers: [Provider]
  /// The scans, in plan order.
  public let scans: [Scan]

  /// Whether the report has the moments the timeline needs.
  public var hasTimeline: Bool { duration != nil }
}
