import DequeModule
import ScanplanJSON
import ScanplanSupport
import ScanplanVendorKit

/// The emulator's memory: scans, rate limiters, counters and the request log, behind one
/// lock. Every decision comes from here so that it is made under the lock and in order.
/// Which vendor a request is for, and the shapes of its answers, are the vendors'
/// emulations' (`Sources/Vendors/NAME`); limits, faults and hostile answers are the same
/// for every vendor.
struct EmulatorState: Sendable {
  struct Bucket: Sendable {
    var tokens: Double
    var updated: Double
  }

  let configuration: EmulatorConfiguration
  /// `scheme://host:port`, for absolute `Location` headers.
  let origin: String
  var random: SeededRandom
  var scans: EmulatedScans
  var buckets: [ProviderType: Bucket] = [:]
  /// When each vendor took the requests of the last second, for `strictRateLimit`.
  var windows: [ProviderType: Deque<Double>] = [:]
  /// Recent trigger times per vendor, for its published trigger limit.
  var recentTriggers: [ProviderType: [Double]] = [:]
  var log: [SeenRequest] = []
  /// Requests and 429s per vendor, for `/_emulator/stats`.
  var counts: [String: (requests: Int, throttled: Int)] = [:]
  /// The most requests the log keeps.
  static let maxLog = 100_000
  var triggersByAsset: [String: Int] = [:]
  /// Each vendor's site tree (ZAP's), which its attacks start from.
  var siteTrees: [ProviderType: SiteTree] = [:]
  var polls: [String: Int] = [:]

  init(configuration: EmulatorConfiguration, origin: String) {
    self.configuration = configuration
    self.origin = origin
    random = SeededRandom(seed: configuration.seed)
    scans = EmulatedScans(configuration: configuration)
  }

  // MARK: Routing

  mutating func answer(
    method: String, uri: String, headers: [HTTPHeader], body: [UInt8],
    now: Double
  ) -> EmulatedAnswer {
    let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    let path = String(parts.first ?? "")
    // The longest prefix: S4E's `/api/` is also the start of Invicti's `/api/v1/`.
    let vendor = configuration.registry.vendors.filter { path.hasPrefix($0.emulation.pathPrefix) }
      .max { $0.emulation.pathPrefix.count < $1.emulation.pathPrefix.count }
    let name = vendor?.type.rawValue ?? "unknown"
    let answer: EmulatedAnswer
    if method == "GET", path == "/_emulator/stats" {
      answer = statistics()
    } else if let vendor {
      answer = route(
        vendor, method: method, path: path, query: parts.count > 1 ? Self.query(parts[1]) : [:],
        headers: headers, body: body, now: now)
    } else {
      answer = .json(404, .object(["message": "no such endpoint"]))
    }
    counts[name, default: (0, 0)].requests += 1
    if answer.status == 429, !answer.drop { counts[name, default: (0, 0)].throttled += 1 }
    // The log is for tests and is bounded; the counters keep counting.
    guard log.count < Self.maxLog else { return answer }
    log.append(
      SeenRequest(
        time: now, vendor: name, method: method, path: path,
        status: answer.drop ? 0 : answer.status, headers: headers))
    return answer
  }

  private mutating func route(
    _ vendor: Vendor, method: String, path: String, query: [String: String],
    headers: [HTTPHeader], body: [UInt8], now: Double
  ) -> EmulatedAnswer {
    let emulation = vendor.emulation
    let dialect = configuration.dialect
    guard emulation.isAuthorized(headers, token: configuration.token(for: vendor.type)) else {
      return emulation.error(
        EmulatedError(401, code: "unauthorized", "missing or expired token"), dialect: dialect)
    }
    if var limited = rateLimited(vendor, now: now) {
      limited.headers += rateLimitHeaders(vendor)
      return limited
    }
    if random.chance(configuration.faults.serverErrors) {
      return emulation.error(
        EmulatedError(
          [500, 502, 503][random.below(3)], code: "server_error", "unexpected server-side failure"),
        dialect: dialect)
    }
    let segments = path.split(separator: "/")
    var answer: EmulatedAnswer
    switch emulation.route(method: method, segments: segments, query: query, body: body) {
    case .trigger?:
      answer = trigger(vendor, body: body, query: query, path: path, now: now)
    case .status(let id)?:
      answer = status(vendor, id, now: now)
    case .list(let asset, let offset, let limit, let echoed)?:
      answer = list(vendor, asset: asset, echoed: echoed, offset: offset, limit: limit, now: now)
    case .results(let id)?:
      answer = completed(vendor, id, now: now) { scan, view in
        vendor.emulation.results(view, dialect: dialect)
      }
    case .findings(let id, _, let offset, let limit)?:
      answer = findingsPage(vendor, id, offset: offset, limit: limit, now: now)
    case .assetFindings(let asset, let offset, let limit)?:
      guard let latest = scans.latestCompleted(vendor.type, asset: asset, now: now) else {
        // Nothing scanned there yet: no findings.
        answer = vendor.emulation.findings(
          [],
          of: EmulatedScan(
            id: "", asset: asset, echoed: [:], phase: .completed, progress: 100, severities: [:],
            startDate: ""),
          offset: 0, limit: max(1, limit), total: 0, dialect: dialect)
        break
      }
      answer = findingsPage(vendor, latest, offset: offset, limit: limit, now: now)
    case .visit(let url, let body)?:
      if configuration.hostile[url] == .unreachable {
        // ZAP's `sendRequest` failing: an `internal_error` with the cause.
        answer = emulation.error(
          EmulatedError(500, code: "internal_error", "Internal Error: connection refused"),
          dialect: dialect)
      } else {
        siteTrees[vendor.type, default: SiteTree()].add(url)
        answer = .json(200, body)
      }
    case .answer(let status, let body)?:
      answer = .json(status, body)
    case nil:
      return emulation.error(
        EmulatedError(404, code: "not_found", "no such endpoint"), dialect: dialect)
    }
    if random.chance(configuration.faults.slowAnswers) {
      answer.delay = max(answer.delay, configuration.faults.slowSeconds)
    }
    answer.headers += rateLimitHeaders(vendor)
    return answer
  }

  /// A token bucket per vendor that holds a fifth of a second's requests, so a client
  /// that spaces its requests evenly is never refused for network jitter; or, when the
  /// limit is strict, at most the rate in any second and no burst at all.
  private mutating func rateLimited(_ vendor: Vendor, now: Double) -> EmulatedAnswer? {
    guard let rate = configuration.rateLimit else { return nil }
    if configuration.strictRateLimit {
      var window = windows[vendor.type] ?? []
      while let oldest = window.first, oldest <= now - 1 { window.removeFirst() }
      defer { windows[vendor.type] = window }
      guard window.count < max(1, Int(rate.rounded(.down))) else {
        return tooManyRequests(vendor, message: "rate limit exceeded", seconds: nil)
      }
      window.append(now)
      return nil
    }
    let capacity = max(2, rate / 5)
    var bucket = buckets[vendor.type] ?? Bucket(tokens: capacity, updated: now)
    bucket.tokens = min(capacity, bucket.tokens + (now - bucket.updated) * rate)
    bucket.updated = now
    defer { buckets[vendor.type] = bucket }
    if bucket.tokens >= 1 {
      bucket.tokens -= 1
      return nil
    }
    return tooManyRequests(vendor, message: "rate limit exceeded", seconds: nil)
  }

  /// The limit as `RateLimit-*` headers tell it, when asked to: the bucket's rate as a
  /// quota per second, and the whole tokens left.
  private func rateLimitHeaders(_ vendor: Vendor) -> [HTTPHeader] {
    guard configuration.rateLimitHeaders, let rate = configuration.rateLimit else { return [] }
    let quota = max(1, Int(rate.rounded(.down)))
    let left = Int((buckets[vendor.type]?.tokens ?? 0).rounded(.down))
    return [
      HTTPHeader("RateLimit-Policy", "\(quota);w=1"), HTTPHeader("RateLimit-Limit", String(quota)),
      HTTPHeader("RateLimit-Remaining", String(max(0, left))), HTTPHeader("RateLimit-Reset", "1"),
    ]
  }

  /// A 429 as the configuration says to tell the wait, in the vendor's error shape.
  private func tooManyRequests(_ vendor: Vendor, message: String, seconds: Int?) -> EmulatedAnswer {
    let emulation = vendor.emulation
    let dialect = configuration.dialect
    switch configuration.retryAfter {
    case .seconds(let configured):
      let wait = seconds ?? configured
      var answer = emulation.error(
        EmulatedError(429, code: "rate_limited", message, retryAfter: wait), dialect: dialect)
      answer.headers.append(HTTPHeader("Retry-After", String(wait)))
      return answer
    case .httpDate(let configured):
      var answer = emulation.error(
        EmulatedError(429, code: "rate_limited", message), dialect: dialect)
      answer.headers.append(
        HTTPHeader("Retry-After", UTCDate.httpDate(UTCDate.now() + Double(seconds ?? configured))))
      return answer
    case .jsonBody(let configured):
      return .json(
        429,
        .object([
          "message": .string(message),
          "retryAfter": .double(seconds.map(Double.init) ?? configured),
        ]))
    case .none:
      return emulation.error(EmulatedError(429, code: "rate_limited", message), dialect: dialect)
    }
  }

  /// `GET /_emulator/stats`: what the emulator saw, for benchmarks run against a
  /// separate emulator process.
  private func statistics() -> EmulatedAnswer {
    var vendors = JSONObject()
    for vendor in configuration.registry.vendors {
      let seen = counts[vendor.type.rawValue] ?? (0, 0)
      vendors[vendor.type.rawValue] = .object([
        "requests": .int(seen.requests), "throttled": .int(seen.throttled),
        "scans": .int(scans.list(vendor.type, asset: nil).count),
      ])
    }
    return .json(200, .object(vendors))
  }

  // MARK: Scans

  /// A page of a completed scan's findings.
  private func findingsPage(
    _ vendor: Vendor, _ id: String, offset: Int, limit: Int, now: Double
  ) -> EmulatedAnswer {
    completed(vendor, id, now: now) { scan, view in
      let all = scans.findings(of: scan)
      let start = min(max(0, offset), all.count)
      let end = min(all.count, start + min(max(1, limit), 1000))
      return vendor.emulation.findings(
        Array(all[start..<end]), of: view, offset: start, limit: max(1, limit),
        total: all.count, dialect: configuration.dialect)
    }
  }

  private mutating func trigger(
    _ vendor: Vendor, body: [UInt8], query: [String: String], path: String, now: Double
  ) -> EmulatedAnswer {
    let emulation = vendor.emulation
    let dialect = configuration.dialect
    let trigger: EmulatedTrigger
    switch emulation.trigger(segments: path.split(separator: "/"), body: body, query: query) {
    case .failure(let error): return emulation.error(error, dialect: dialect)
    case .success(let read): trigger = read
    }
    triggersByAsset[trigger.asset, default: 0] += 1
    let hostile = configuration.hostile[trigger.asset]
    if case .redirect(let target)? = hostile {
      return EmulatedAnswer(status: 307, headers: [HTTPHeader("Location", target + path)])
    }
    if case .vendorError(let status)? = hostile {
      return emulation.error(
        EmulatedError(status, code: "scan_refused", "scanning is not allowed for this target"),
        dialect: dialect)
    }
    if let known = configuration.knownAssets, !known.contains(trigger.asset) {
      return emulation.error(
        EmulatedError(404, code: "not_found", "the specified asset does not exist"),
        dialect: dialect)
    }
    if let missing = trigger.missingFromSiteTree,
      !(siteTrees[vendor.type]?.contains(trigger.asset) ?? false)
    {
      return emulation.error(missing, dialect: dialect)
    }
    if emulation.refusesConcurrentScans,
      let running = scans.running(vendor.type, asset: trigger.asset, now: now)
    {
      return emulation.conflict(running: running.id, dialect: dialect)
    }
    if configuration.publishedLimits, let limit = emulation.publishedTriggerLimit {
      var recent = (recentTriggers[vendor.type] ?? []).filter { $0 > now - limit.per }
      if recent.count >= limit.count {
        let wait = Int((recent[0] + limit.per - now).rounded(.up))
        return tooManyRequests(
          vendor, message: "at most \(limit.count) scans may be created per minute", seconds: wait)
      }
      recent.append(now)
      recentTriggers[vendor.type] = recent
    }
    if trigger.addsToSiteTree { siteTrees[vendor.type, default: SiteTree()].add(trigger.asset) }
    let scan = scans.create(vendor, trigger, now: now, random: &random)
    let (phase, progress) = scans.phase(scan, now: now)
    var answer = emulation.created(
      scans.view(scan, phase: phase, progress: progress), origin: origin, dialect: dialect)
    if let hostile { answer = HostileAnswers.trigger(answer, hostile) }
    // The scan exists; only its answer is lost.
    if random.chance(configuration.faults.lostTriggerAnswers) { answer.drop = true }
    return answer
  }

  private mutating func status(_ vendor: Vendor, _ id: String, now: Double) -> EmulatedAnswer {
    guard let scan = scans.byID[id], scan.vendor == vendor.type else {
      return vendor.emulation.error(
        EmulatedError(404, code: "not_found", "no such scan"), dialect: configuration.dialect)
    }
    var (phase, progress) = scans.phase(scan, now: now)
    let hostile = configuration.hostile[scan.asset]
    if hostile == .statusGoesBackwards || hostile == .pausesAtFirst {
      // Counted by polls, not time: the first polls find what the behaviour says, later
      // ones the truth.
      polls[id, default: 0] += 1
      let scripted: [EmulatedPhase] =
        hostile == .statusGoesBackwards
        ? [.running, .queued(0.5)] : [.pausing, .paused, .resuming]
      if polls[id]! <= scripted.count { phase = scripted[polls[id]! - 1] }
    }
    if phase == .running, random.chance(configuration.faults.unknownStatuses) {
      phase = .unknown("warming_up")
    }
    let answer = vendor.emulation.status(
      scans.view(scan, phase: phase, progress: progress), dialect: configuration.dialect)
    return hostile.map { HostileAnswers.status(answer, $0) } ?? answer
  }

  /// The answer about a completed scan: 404 for an unknown scan, 409 for one that has not
  /// completed, 500 for one whose findings endpoints fail.
  private func completed(
    _ vendor: Vendor, _ id: String, now: Double,
    _ answer: (EmulatedScans.Stored, EmulatedScan) -> EmulatedAnswer
  ) -> EmulatedAnswer {
    let dialect = configuration.dialect
    guard let scan = scans.byID[id], scan.vendor == vendor.type else {
      return vendor.emulation.error(
        EmulatedError(404, code: "not_found", "no such scan"), dialect: dialect)
    }
    let (phase, progress) = scans.phase(scan, now: now)
    guard phase == .completed else {
      return vendor.emulation.error(
        EmulatedError(409, code: "not_completed", "the scan has not completed"), dialect: dialect)
    }
    guard !scan.findingsFail else {
      return vendor.emulation.error(
        EmulatedError(500, code: "server_error", "the findings could not be listed"),
        dialect: dialect)
    }
    return answer(scan, scans.view(scan, phase: phase, progress: progress))
  }

  private func list(
    _ vendor: Vendor, asset: String?, echoed: [String: String], offset: Int, limit: Int?,
    now: Double
  ) -> EmulatedAnswer {
    var all = scans.list(vendor.type, asset: asset)
    if !echoed.isEmpty {
      all = all.filter { scan in echoed.allSatisfy { scan.echoed[$0.key] == $0.value } }
    }
    let size = max(1, limit ?? configuration.listPageSize)
    let start = min(max(0, offset), all.count)
    let end = min(all.count, start + size)
    let page = all[start..<end].map { scan in
      let (phase, progress) = scans.phase(scan, now: now)
      return scans.view(scan, phase: phase, progress: progress)
    }
    return vendor.emulation.list(
      page, next: end < all.count ? end : nil, offset: start, limit: size, total: all.count,
      dialect: configuration.dialect)
  }

  /// A query string's parameters, percent-decoding `%3A` and `+` as the vendors' clients
  /// send them.
  static func query(_ text: Substring) -> [String: String] {
    var parameters: [String: String] = [:]
    for pair in text.split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard let name = parts.first else { continue }
      parameters[String(name)] = parts.count > 1 ? decode(parts[1]) : ""
    }
    return parameters
  }

  private static func decode(_ text: Substring) -> String {
    var bytes: [UInt8] = []
    var iterator = text.utf8.makeIterator()
    while let byte = iterator.next() {
      if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
        let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
      {
        bytes.append(value)
      } else {
        bytes.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
