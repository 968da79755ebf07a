import ScanplanJSON
import ScanplanSupport

/// What the emulator answers, as a value: status, headers and body, or no answer at all.
struct EmulatorAnswer: Sendable {
  var status: Int
  var headers: [(String, String)] = []
  var body: [UInt8] = []
  /// Seconds to wait before answering.
  var delay = 0.0
  /// Close the connection without answering.
  var drop = false

  static func json(_ status: Int, _ value: JSONValue, headers: [(String, String)] = [])
    -> EmulatorAnswer
  {
    EmulatorAnswer(
      status: status, headers: [("Content-Type", "application/json")] + headers,
      body: Array(JSONWriter.compact(value).utf8))
  }

  static func error(_ status: Int, _ message: String) -> EmulatorAnswer {
    json(status, .object(["message": .string(message)]))
  }
}

/// One request as the emulator saw it.
public struct SeenRequest: Sendable {
  /// Seconds since the emulator started.
  public let time: Double
  /// `s4e` or `invicti` (or `unknown`).
  public let vendor: String
  /// The method.
  public let method: String
  /// The path.
  public let path: String
  /// What it was answered (0 when no answer was sent).
  public let status: Int
  /// The request's headers.
  public let headers: [(name: String, value: String)]
}

/// The emulator's memory: scans, rate limiters, counters and the request log, behind one
/// lock. Every decision comes from here so that it is made under the lock and in order.
struct VendorState: Sendable {
  struct Scan: Sendable {
    let id: String
    let vendor: String
    let asset: String
    let created: Double
    let runSeconds: Double
    let fails: Bool
    let severities: [String: Int]
  }

  struct Bucket: Sendable {
    var tokens: Double
    var updated: Double
  }

  let configuration: EmulatorConfiguration
  var random: SeededRandom
  var scans: [String: Scan] = [:]
  var nextScan = 0
  var buckets: [String: Bucket] = [:]
  var log: [SeenRequest] = []
  /// Requests and 429s per vendor, for `/_emulator/stats`.
  var counts: [String: (requests: Int, throttled: Int)] = [:]
  /// The most requests the log keeps.
  static let maxLog = 100_000
  var triggersByAsset: [String: Int] = [:]
  var polls: [String: Int] = [:]

  init(configuration: EmulatorConfiguration) {
    self.configuration = configuration
    random = SeededRandom(seed: configuration.seed)
  }

  // MARK: Routing

  mutating func answer(
    method: String, path: String, headers: [(name: String, value: String)], body: [UInt8],
    now: Double
  ) -> EmulatorAnswer {
    let vendor =
      path.hasPrefix("/api/v1/") ? "invicti" : path.hasPrefix("/api/scan/") ? "s4e" : "unknown"
    let answer = route(
      vendor: vendor, method: method, path: path, headers: headers, body: body, now: now)
    counts[vendor, default: (0, 0)].requests += 1
    if answer.status == 429, !answer.drop { counts[vendor, default: (0, 0)].throttled += 1 }
    // The log is for tests and is bounded; the counters keep counting.
    guard log.count < Self.maxLog else { return answer }
    log.append(
      SeenRequest(
        time: now, vendor: vendor, method: method, path: path,
        status: answer.drop ? 0 : answer.status,
        headers: headers))
    return answer
  }

  private mutating func route(
    vendor: String, method: String, path: String, headers: [(name: String, value: String)],
    body: [UInt8],
    now: Double
  ) -> EmulatorAnswer {
    if method == "GET", path == "/_emulator/stats" { return statistics() }
    guard vendor != "unknown" else { return .error(404, "no such endpoint") }
    guard authorized(vendor, headers) else { return .error(401, "missing or expired token") }
    if let limited = rateLimited(vendor, now: now) { return limited }
    if random.chance(configuration.faults.serverErrors) {
      return .error([500, 502, 503][random.below(3)], "unexpected server-side failure")
    }
    var answer: EmulatorAnswer
    let segments = path.split(separator: "/").map(String.init)
    switch (vendor, method, segments.count) {
    case ("s4e", "POST", 3) where segments[2] == "create":
      answer = triggerS4E(body, now: now)
    case ("s4e", "GET", 4) where segments[3] == "status":
      answer = statusS4E(segments[2], now: now)
    case ("invicti", "POST", 3) where segments[2] == "scans":
      answer = triggerInvicti(body, now: now)
    case ("invicti", "GET", 4) where segments[2] == "scans":
      answer = statusInvicti(segments[3], now: now)
    default:
      return .error(404, "no such endpoint")
    }
    if random.chance(configuration.faults.slowAnswers) {
      answer.delay = configuration.faults.slowSeconds
    }
    return answer
  }

  private func authorized(_ vendor: String, _ headers: [(name: String, value: String)]) -> Bool {
    func header(_ name: String) -> String? {
      headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
    if vendor == "s4e" { return header("Authorization") == "Bearer " + configuration.s4eToken }
    return header("X-Auth") == configuration.invictiToken
  }

  /// A token bucket per vendor that holds a fifth of a second's requests, so a client
  /// that spaces its requests evenly is never refused for network jitter.
  private mutating func rateLimited(_ vendor: String, now: Double) -> EmulatorAnswer? {
    guard let rate = configuration.rateLimit else { return nil }
    let capacity = max(2, rate / 5)
    var bucket = buckets[vendor] ?? Bucket(tokens: capacity, updated: now)
    bucket.tokens = min(capacity, bucket.tokens + (now - bucket.updated) * rate)
    bucket.updated = now
    defer { buckets[vendor] = bucket }
    if bucket.tokens >= 1 {
      bucket.tokens -= 1
      return nil
    }
    switch configuration.retryAfter {
    case .seconds(let seconds):
      return EmulatorAnswer.json(
        429, .object(["message": "rate limit exceeded"]),
        headers: [("Retry-After", String(seconds))])
    case .httpDate(let seconds):
      return EmulatorAnswer.json(
        429, .object(["message": "rate limit exceeded"]),
        headers: [("Retry-After", UTCDate.httpDate(UTCDate.now() + Double(seconds)))])
    case .jsonBody(let seconds):
      return .json(
        429, .object(["message": "rate limit exceeded", "retryAfter": .double(seconds)]))
    case .none:
      return .error(429, "rate limit exceeded")
    }
  }

  /// `GET /_emulator/stats`: what the emulator saw, for benchmarks run against a
  /// separate emulator process.
  private func statistics() -> EmulatorAnswer {
    var vendors = JSONObject()
    for vendor in ["s4e", "invicti"] {
      let seen = counts[vendor] ?? (0, 0)
      vendors[vendor] = .object([
        "requests": .int(seen.requests), "throttled": .int(seen.throttled),
        "scans": .int(scans.values.filter { $0.vendor == vendor }.count),
      ])
    }
    return .json(200, .object(vendors))
  }

  // MARK: Scans

  private func state(_ scan: Scan, now: Double) -> (status: String, progress: Int) {
    let age = now - scan.created
    if age < configuration.queueSeconds { return ("queued", 0) }
    let running = age - configuration.queueSeconds
    if running < scan.runSeconds {
      return ("running", min(99, Int(running / scan.runSeconds * 100)))
    }
    return (scan.fails ? "failed" : "completed", 100)
  }

  private func running(vendor: String, asset: String, now: Double) -> Scan? {
    scans.values.filter {
      $0.vendor == vendor && $0.asset == asset
        && !["completed", "failed"].contains(state($0, now: now).status)
    }
    .min { $0.created < $1.created }
  }

  private mutating func create(vendor: String, asset: String, now: Double) -> Scan {
    nextScan += 1
    let hex = String(nextScan, radix: 16)
    let id = "5ca90000-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex
    let span = configuration.runSeconds
    let scan = Scan(
      id: id, vendor: vendor, asset: asset, created: now,
      runSeconds: span.lowerBound + random.unit() * (span.upperBound - span.lowerBound),
      fails: random.chance(configuration.failureRate),
      severities: [
        "critical": random.below(2), "high": random.below(4), "medium": random.below(8),
        "low": random.below(12),
      ])
    scans[id] = scan
    return scan
  }

  private mutating func triggerS4E(_ body: [UInt8], now: Double) -> EmulatorAnswer {
    guard let request = try? JSONParser().parse(body), let asset = request["asset_id"]?.stringValue,
      let type = request["scan_type"]?.stringValue
    else { return .error(400, "missing or invalid field in the payload") }
    guard ["full", "quick", "web_app", "network", "api", "ssl"].contains(type) else {
      return .error(400, "scan_type must be one of full, quick, web_app, network, api, ssl")
    }
    return trigger(vendor: "s4e", asset: asset, now: now) { scan in
      .json(
        201,
        .object([
          "scan_id": .string(scan.id), "status": "queued",
          "created_at": .string(UTCDate.iso8601(UTCDate.now(), milliseconds: false)),
          "estimated_duration": .int(Int(scan.runSeconds)),
        ]))
    }
  }

  private mutating func triggerInvicti(_ body: [UInt8], now: Double) -> EmulatorAnswer {
    guard let request = try? JSONParser().parse(body),
      let target = request["target_id"]?.stringValue,
      let profile = request["profile_id"]?.stringValue
    else { return .error(400, "missing or invalid field in the payload") }
    guard request["user_authorized_to_scan"]?.stringValue == "yes" else {
      return .error(400, "user_authorized_to_scan must be \"yes\"")
    }
    return trigger(vendor: "invicti", asset: target, now: now) { scan in
      .json(
        201,
        .object([
          "profile_id": .string(profile), "target_id": .string(target),
          "user_authorized_to_scan": "yes",
          "scan_id": .string(scan.id),
        ]), headers: [("Location", "/api/v1/scans/\(scan.id)")])
    }
  }

  private mutating func trigger(
    vendor: String, asset: String, now: Double, answer: (Scan) -> EmulatorAnswer
  ) -> EmulatorAnswer {
    triggersByAsset[asset, default: 0] += 1
    if case .redirect(let target)? = configuration.hostile[asset] {
      return EmulatorAnswer(status: 307, headers: [("Location", target + "/api/scan/create")])
    }
    if let known = configuration.knownAssets, !known.contains(asset) {
      return .error(404, "the specified asset does not exist")
    }
    if let running = running(vendor: vendor, asset: asset, now: now) {
      return .json(
        409,
        .object([
          "message": "a scan is already running for this asset", "scan_id": .string(running.id),
        ]))
    }
    let scan = create(vendor: vendor, asset: asset, now: now)
    var result = answer(scan)
    // The scan exists; only its answer is lost.
    if random.chance(configuration.faults.lostTriggerAnswers) { result.drop = true }
    return result
  }

  private mutating func status(_ id: String, now: Double) -> (
    scan: Scan, status: String, progress: Int
  )? {
    guard let scan = scans[id] else { return nil }
    var (status, progress) = state(scan, now: now)
    if configuration.hostile[scan.asset] == .statusGoesBackwards {
      // The first poll finds it running, the second queued again, then the truth.
      polls[id, default: 0] += 1
      switch polls[id]! {
      case 1: status = "running"
      case 2: status = "queued"
      default: break
      }
    }
    if status == "running", random.chance(configuration.faults.unknownStatuses) {
      status = "warming_up"
    }
    return (scan, status, progress)
  }

  private mutating func statusS4E(_ id: String, now: Double) -> EmulatorAnswer {
    guard let (scan, status, _) = status(id, now: now), scan.vendor == "s4e" else {
      return .error(404, "no such scan")
    }
    let answer = EmulatorAnswer.json(
      200, .object(["scan_id": .string(scan.id), "status": .string(status)]))
    return hostile(answer, for: scan)
  }
  /// A status answer as a hostile server would give it.
  private func hostile(_ answer: EmulatorAnswer, for scan: Scan) -> EmulatorAnswer {
    var answer = answer
    switch configuration.hostile[scan.asset] {
    case .malformedJSON?:
      answer.body = Array(answer.body.prefix(answer.body.count / 2))
    case .oversizedBody?:
      answer.body =
        Array(#"{"status":"running","padding":""#.utf8)
        + Array(repeating: UInt8(ascii: "x"), count: 2 << 20)
        + Array(#""}"#.utf8)
    case .htmlInsteadOfJSON?:
      answer.headers = [("Content-Type", "text/html")]
      answer.body = Array("<html><body><h1>Scan status</h1><p>running</p></body></html>".utf8)
    case .missingContentType?:
      answer.headers = []
    case .neverAnswers?:
      answer.delay = .infinity
    case .redirect?, .statusGoesBackwards?, nil:
      break
    }
    return answer
  }

  private mutating func statusInvicti(_ id: String, now: Double) -> EmulatorAnswer {
    guard let (scan, status, progress) = status(id, now: now), scan.vendor == "invicti" else {
      return .error(404, "no such scan")
    }
    let invictiStatus = status == "running" ? "scanning" : status
    var session: JSONObject = ["progress": .int(progress), "status": .string(invictiStatus)]
    if status == "completed" {
      session["scan_session_id"] = .string("5e550000" + scan.id.dropFirst(8))
      var counts = JSONObject()
      for key in ["critical", "high", "medium", "low"] {
        counts[key] = .int(scan.severities[key] ?? 0)
      }
      session["severity_counts"] = .object(counts)
    }
    let object: JSONValue = .object([
      "current_session": .object(session), "scan_id": .string(scan.id),
    ])
    return hostile(
      .json(200, configuration.invictiListsScans ? .object(["scans": [object]]) : object), for: scan
    )
  }
}
