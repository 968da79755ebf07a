import ScanplanSupport
import ScanplanVendorKit

/// The emulator's scans: when each was made, how long it runs, how it ends, and where
/// it is at a moment. Vendor-neutral; each vendor's emulation names the phases.
struct EmulatedScans: Sendable {
  /// A scan as the emulator keeps it.
  struct Stored: Sendable {
    let id: String
    let vendor: ProviderType
    let asset: String
    let echoed: [String: String]
    /// Seconds since the emulator started.
    let created: Double
    /// Seconds since the Unix epoch, for `start_date`.
    let createdEpoch: Double
    let runSeconds: Double
    let fails: Bool
    let cancels: Bool
    let severities: [String: Int]
    /// Findings listed beside the counted ones, with a status that takes them out.
    let suppressed: Int
    /// Whether the counts a poll reports disagree with the findings listed.
    let countMismatch: Bool
    /// Whether the scan's findings endpoints answer 500, whatever is asked.
    let findingsFail: Bool
    /// The scan's number, for its findings' vendor ids.
    let number: Int
  }

  let configuration: EmulatorConfiguration
  private(set) var byID: [String: Stored] = [:]
  /// Scan ids by vendor and asset, oldest first, so that a trigger looks at its asset's
  /// scans only.
  private var byAsset: [String: [String]] = [:]
  /// Scan ids by vendor, oldest first, for listings of every asset.
  private var byVendor: [ProviderType: [String]] = [:]
  private var nextNumber = 0

  init(configuration: EmulatorConfiguration) {
    self.configuration = configuration
  }

  /// Makes a scan.
  mutating func create(
    _ emulated: Vendor, _ trigger: EmulatedTrigger, now: Double, random: inout SeededRandom
  ) -> Stored {
    let vendor = emulated.type
    nextNumber += 1
    let id = emulated.emulation.scanID(number: nextNumber, series: configuration.idSeries)
    let span = configuration.runSeconds
    // What a scan finds comes from its asset and how many scans the asset had before, not
    // from the order requests arrive in: every run against an emulator of the same seed
    // finds the same, so a baseline of an earlier sandbox run marks its findings unchanged.
    let earlier = byAsset[key(vendor, trigger.asset)]?.count ?? 0
    var findings = SeededRandom(
      seed: configuration.seed ^ Self.hash(vendor.rawValue + " " + trigger.asset)
        ^ UInt64(earlier) &* 0x9E37_79B9_7F4A_7C15)
    var severities: [String: Int] = [
      "critical": findings.below(2), "high": findings.below(4), "medium": findings.below(8),
      "low": findings.below(12), "info": findings.below(20),
    ]
    var suppressed = findings.below(3)
    if let each = configuration.findingsPerScan {
      // A fixed number, for benchmarks: a tenth critical, a tenth high, a fifth medium, a
      // fifth low, the rest info, none suppressed.
      severities = [
        "critical": each / 10, "high": each / 10, "medium": each / 5, "low": each / 5,
        "info": each - 2 * (each / 10) - 2 * (each / 5),
      ]
      suppressed = 0
    }
    for omitted in configuration.omittedSeverities { severities[omitted] = nil }
    let fails = random.chance(configuration.failureRate)
    let scan = Stored(
      id: id, vendor: vendor, asset: trigger.asset, echoed: trigger.echoed, created: now,
      createdEpoch: UTCDate.now(),
      runSeconds: span.lowerBound + random.unit() * (span.upperBound - span.lowerBound),
      fails: fails, cancels: !fails && random.chance(configuration.cancelRate),
      severities: severities, suppressed: suppressed,
      countMismatch: random.chance(configuration.faults.countMismatches),
      findingsFail: random.chance(configuration.faults.findingsErrors), number: nextNumber)
    byID[id] = scan
    byAsset[key(vendor, trigger.asset), default: []].append(id)
    byVendor[vendor, default: []].append(id)
    return scan
  }

  /// The oldest scan of an asset that has not ended.
  func running(_ vendor: ProviderType, asset: String, now: Double) -> Stored? {
    for id in byAsset[key(vendor, asset)] ?? [] {
      if let scan = byID[id], !phase(scan, now: now).phase.isTerminal { return scan }
    }
    return nil
  }

  /// Scans of a vendor, of one asset or all, newest first.
  func list(_ vendor: ProviderType, asset: String?) -> [Stored] {
    let ids = asset.map { byAsset[key(vendor, $0)] ?? [] } ?? byVendor[vendor] ?? []
    return ids.reversed().compactMap { byID[$0] }
  }

  /// The id of an asset's newest scan that has completed by `now`, if any.
  func latestCompleted(_ vendor: ProviderType, asset: String, now: Double) -> String? {
    list(vendor, asset: asset).first { phase($0, now: now).phase == .completed }?.id
  }

  /// Where a scan is at `now`, and how far along: queued, then running (paused half-way
  /// through when pauses are on), then its end.
  func phase(_ scan: Stored, now: Double) -> (phase: EmulatedPhase, progress: Int) {
    let age = now - scan.created
    let queue = configuration.queueSeconds
    if age < queue { return (.queued(queue > 0 ? age / queue : 1), 0) }
    let running = age - queue
    let pause = configuration.pauseSeconds
    let total = scan.runSeconds + pause
    guard running < total else {
      return (scan.fails ? .failed : scan.cancels ? .cancelled : .completed, 100)
    }
    let pauseStart = scan.runSeconds / 2
    var worked = running
    if pause > 0, running >= pauseStart {
      let into = (running - pauseStart) / pause
      if into < 1 {
        let progress = Int(pauseStart / scan.runSeconds * 100)
        return (into < 0.2 ? .pausing : into < 0.8 ? .paused : .resuming, progress)
      }
      worked = running - pause
    }
    let progress = min(99, Int(worked / scan.runSeconds * 100))
    if scan.cancels, running >= total * 0.9 { return (.aborting, progress) }
    return (.running, progress)
  }

  /// A scan as a vendor describes it, in `phase`. A scan whose counts disagree reports
  /// one high finding more than it lists.
  func view(_ scan: Stored, phase: EmulatedPhase, progress: Int) -> EmulatedScan {
    var severities = scan.severities
    if scan.countMismatch { severities["high", default: 0] += 1 }
    return EmulatedScan(
      id: scan.id, asset: scan.asset, echoed: scan.echoed, phase: phase, progress: progress,
      severities: severities,
      startDate: UTCDate.iso8601(scan.createdEpoch, milliseconds: false))
  }

  /// A scan's findings, most severe first: one per count of each severity, then the
  /// suppressed ones. A finding's check, URL and input come from its asset, severity and
  /// place, so another scan of the asset finds the same findings (the same fingerprints)
  /// as far as its counts go; only the vendor's ids change.
  func findings(of scan: Stored) -> [EmulatedFinding] {
    var findings: [EmulatedFinding] = []
    var counter = 0
    func add(_ severity: Severity, _ place: Int, suppressed: Bool) {
      counter += 1
      let pool = EmulatedScans.checks[severity]!
      let check = pool[place % pool.count]
      // An asset that is an address (ZAP's `url`) is where its findings are.
      let origin =
        scan.asset.hasPrefix("http")
        ? String(scan.asset.reversed().drop { $0 == "/" }.reversed())
        : "https://app-" + scan.asset.prefix(8).lowercased() + ".example.test"
      findings.append(
        EmulatedFinding(
          id: "f\(scan.number)-\(counter)", check: check.id, name: check.name, severity: severity,
          confidence: [100, 95, 80][place % 3],
          url: origin + (check.path.isEmpty ? "" : "/" + check.path) + "/\(place)?id=1",
          input: check.input, suppressed: suppressed, variant: place))
    }
    for severity in Severity.allCases {
      for place in 0..<(scan.severities[severity.rawValue] ?? 0) {
        add(severity, place, suppressed: false)
      }
    }
    for place in 0..<scan.suppressed { add(.medium, 1000 + place, suppressed: true) }
    return findings
  }

  /// The checks the emulator's findings come from, by severity: an id, a name, where
  /// they are found and on which input.
  static let checks: [Severity: [(id: String, name: String, path: String, input: String)]] = [
    .critical: [
      ("c0a80001-0000-4000-8000-000000000001", "SQL injection", "search", "q"),
      ("c0a80001-0000-4000-8000-000000000002", "Remote code execution", "upload", "file"),
    ],
    .high: [
      (
        "c0a80002-0000-4000-8000-000000000001", "Cross-site scripting (reflected)", "profile",
        "name"
      ),
      ("c0a80002-0000-4000-8000-000000000002", "Server-side request forgery", "fetch", "url"),
      ("c0a80002-0000-4000-8000-000000000003", "Path traversal", "download", "path"),
    ],
    .medium: [
      ("c0a80003-0000-4000-8000-000000000001", "Cross-site request forgery", "settings", "form"),
      ("c0a80003-0000-4000-8000-000000000002", "Open redirect", "login", "next"),
      ("c0a80003-0000-4000-8000-000000000003", "TLS 1.0 enabled", "", "tls"),
    ],
    .low: [
      ("c0a80004-0000-4000-8000-000000000001", "Cookie without Secure flag", "", "Set-Cookie"),
      ("c0a80004-0000-4000-8000-000000000002", "Missing Content-Security-Policy", "", "header"),
    ],
    .info: [
      ("c0a80005-0000-4000-8000-000000000001", "Server version disclosed", "", "Server"),
      ("c0a80005-0000-4000-8000-000000000002", "Email address found", "contact", "body"),
    ],
  ]

  /// FNV-1a of a text: the same number on every machine.
  private static func hash(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
  }

  private func key(_ vendor: ProviderType, _ asset: String) -> String {
    vendor.rawValue + " " + asset
  }
}
