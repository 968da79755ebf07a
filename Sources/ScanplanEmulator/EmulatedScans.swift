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
    _ vendor: ProviderType, _ trigger: EmulatedTrigger, now: Double, random: inout SeededRandom
  ) -> Stored {
    nextNumber += 1
    let hex = String(nextNumber, radix: 16)
    let series = String(configuration.idSeries, radix: 16)
    let id =
      "5ca90000-" + String(repeating: "0", count: 4 - series.count) + series + "-4000-8000-"
      + String(repeating: "0", count: 12 - hex.count) + hex
    let span = configuration.runSeconds
    var severities: [String: Int] = [
      "critical": random.below(2), "high": random.below(4), "medium": random.below(8),
      "low": random.below(12), "info": random.below(20),
    ]
    for omitted in configuration.omittedSeverities { severities[omitted] = nil }
    let fails = random.chance(configuration.failureRate)
    let scan = Stored(
      id: id, vendor: vendor, asset: trigger.asset, echoed: trigger.echoed, created: now,
      createdEpoch: UTCDate.now(),
      runSeconds: span.lowerBound + random.unit() * (span.upperBound - span.lowerBound),
      fails: fails, cancels: !fails && random.chance(configuration.cancelRate),
      severities: severities)
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

  /// A scan as a vendor describes it, in `phase`.
  func view(_ scan: Stored, phase: EmulatedPhase, progress: Int) -> EmulatedScan {
    EmulatedScan(
      id: scan.id, asset: scan.asset, echoed: scan.echoed, phase: phase, progress: progress,
      severities: scan.severities,
      startDate: UTCDate.iso8601(scan.createdEpoch, milliseconds: false))
  }

  private func key(_ vendor: ProviderType, _ asset: String) -> String {
    vendor.rawValue + " " + asset
  }
}
