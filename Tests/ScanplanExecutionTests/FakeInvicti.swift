import ScanplanExecution
import ScanplanJSON
import ScanplanSupport
import ScanplanVendorKit

/// Invicti in memory, as its API reference shows it: no 409 (a second trigger makes a
/// second scan), the new scan's id only in an absolute `Location`, one scan object per
/// `GET`, and `GET /api/v1/scans?q=target_id:ID` listing a target's scans. Each scan
/// walks `timeline` (status until an age), then ends `final`.
final class FakeInvicti: @unchecked Sendable {
  struct Scan {
    let id: String
    let created: Double
    let target: String
    let profile: String
  }

  var timeline: [(until: Double, status: String)] = [
    (2, "scheduled"), (4, "queued"), (20, "processing"),
  ]
  var final = "completed"
  var counts: JSONValue = .object(["critical": 1, "high": 2, "medium": 0, "low": 3, "info": 5])
  /// Listings list the newest scan first, as a real listing may or may not.
  var newestFirst = true
  var pageSize = 100
  private(set) var scans: [Scan] = []
  private(set) var lookups = 0
  private(set) var triggersByTarget: [String: Int] = [:]

  /// A scan someone else made before the run, `age` seconds old at time 0.
  func add(target: String, profile: String, age: Double) {
    scans.append(
      Scan(id: "old-\(scans.count + 1)", created: -age, target: target, profile: profile))
  }

  func status(_ scan: Scan, at now: Double) -> String {
    let age = now - scan.created
    return timeline.first { age < $0.until }?.status ?? final
  }

  func object(_ scan: Scan, at now: Double) -> JSONValue {
    var session: JSONObject = [
      "status": .string(status(scan, at: now)), "progress": 50,
      "start_date": .string(UTCDate.iso8601(1_800_000_000 + scan.created)),
    ]
    if status(scan, at: now) == "completed" { session["severity_counts"] = counts }
    return .object([
      "scan_id": .string(scan.id), "target_id": .string(scan.target),
      "profile_id": .string(scan.profile), "current_session": .object(session),
    ])
  }

  func answer(_ request: HTTPRequest, _ now: Double) -> Result<HTTPResponse, TransportError> {
    let path = request.url.split(separator: "?")[0]
    if request.method == "POST" {
      let body = try! JSONParser().parse(request.body ?? [])
      let target = body["target_id"]!.stringValue!
      triggersByTarget[target, default: 0] += 1
      let scan = Scan(
        id: "inv-\(scans.count + 1)", created: now, target: target,
        profile: body["profile_id"]!.stringValue!)
      scans.append(scan)
      return .success(
        HTTPResponse(
          status: 201, headers: [HTTPHeader("Location", "https://h:3443/api/v1/scans/\(scan.id)")],
          text: #"{"target_id":"\#(target)"}"#))
    }
    if path.hasSuffix("/api/v1/scans") {
      lookups += 1
      let query = request.url.split(separator: "?")[1]
      let target = query.split(separator: "&").first { $0.hasPrefix("q=") }!.dropFirst(2)
        .replacing("target_id%3A", with: "")
      let cursor =
        query.split(separator: "&").first { $0.hasPrefix("c=") }.map {
          Int($0.dropFirst(2))!
        } ?? 0
      var listed = scans.filter { $0.target == target }
      if newestFirst { listed.reverse() }
      let page = listed.dropFirst(cursor).prefix(pageSize)
      let next: JSONValue = cursor + pageSize < listed.count ? .int(cursor + pageSize) : .null
      let body: JSONValue = .object([
        "scans": .array(page.map { object($0, at: now) }),
        "pagination": .object(["next_cursor": next]),
      ])
      return .success(HTTPResponse(status: 200, text: JSONWriter.compact(body)))
    }
    let id = String(path.split(separator: "/").last!)
    guard let scan = scans.first(where: { $0.id == id }) else {
      return .success(
        HTTPResponse(status: 404, text: #"{"code":404,"reason":"Scan not found","details":[]}"#))
    }
    return .success(HTTPResponse(status: 200, text: JSONWriter.compact(object(scan, at: now))))
  }
}

/// A plan of `count` Invicti targets with one scan each (`scans` for more), polled every
/// 5 seconds.
func invictiPlan(
  targets count: Int, poll: String = "{ initial_interval: 5s, max_interval: 5s }",
  scans: String = "[{ profile_id: 11111111-1111-1111-1111-111111111112 }]", extra: String = "",
  readFindings: Bool = true
) -> String {
  var text = """
    version: 1
    providers:
      inv:
        type: invicti
        base_url: http://127.0.0.1:2
        token: ${INVICTI_API_TOKEN}
        requests_per_second: 10
        read_findings: \(readFindings)
        poll: \(poll)
    \(extra)
    assets:

    """
  for index in 0..<count {
    text += """
        - name: api-\(index)
          provider: inv
          target_id: \(uuid(500 + index))
          user_authorized_to_scan: yes
          scans: \(scans)

      """
  }
  return text
}
