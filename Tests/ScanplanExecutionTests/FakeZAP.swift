import ScanplanExecution
import ScanplanJSON
import ScanplanSupport
import ScanplanVendorKit

/// A ZAP daemon in memory, as `openapi.yaml` shows it: crawls and attacks numbered each
/// apart, `{"scan": "N"}` to a start, `{"status": "NN"}`, and `view/scans` listing every
/// scan of a kind without its URL. Each scan runs `duration` seconds. As ZAP's
/// `ActiveScanAPI.scanURL`, an attack starts only on a URL in the site tree: crawled, or
/// requested with `core/action/accessUrl`.
final class FakeZAP: @unchecked Sendable {
  struct Scan {
    let number: Int
    let url: String
    let created: Double
  }

  var duration = 20.0
  /// URLs ZAP cannot reach: `accessUrl` of one answers 500 `internal_error`.
  var unreachable: Set<String> = []
  /// The session's site tree.
  private(set) var siteTree: Set<String> = []
  /// The scans of each kind (`spider`, `ascan`), in order of their numbers.
  private(set) var scans: [String: [Scan]] = [:]

  /// Scans made for a URL, of every kind.
  func count(url: String) -> Int {
    scans.values.joined().filter { $0.url == url }.count
  }

  /// Adds a scan someone else started, of `kind`, at `created`.
  func add(_ kind: String, url: String, created: Double) {
    scans[kind, default: []].append(
      Scan(number: scans[kind, default: []].count, url: url, created: created))
  }

  func answer(_ request: HTTPRequest, _ now: Double) -> Result<HTTPResponse, TransportError> {
    let parts = request.url.split(separator: "?", maxSplits: 1)
    let path = parts[0].split(separator: "/").suffix(4).map(String.init)
    var query: [String: String] = [:]
    for pair in (parts.count > 1 ? parts[1] : "").split(separator: "&") {
      let nameValue = pair.split(separator: "=", maxSplits: 1)
      query[String(nameValue[0])] = nameValue.count > 1 ? PercentEncoding.decode(nameValue[1]) : ""
    }
    let kind = path.count == 4 ? path[1] : ""
    let body: JSONValue
    switch path.count == 4 ? (path[2], path[3]) : ("", "") {
    case ("action", "accessUrl"):
      let url = query["url"] ?? ""
      guard !unreachable.contains(url) else {
        return json(
          500, .object(["code": "internal_error", "message": "Internal Error: connection refused"]))
      }
      siteTree.insert(url)
      body = .object(["accessUrl": .array([.object(["id": "1", "requestHeader": "GET"])])])
    case ("action", "scan"):
      let url = query["url"] ?? ""
      if kind == "spider" { siteTree.insert(url) }
      guard kind != "ascan" || siteTree.contains(url) else {
        return json(
          400, .object(["code": "url_not_found", "message": "URL Not Found in the Scan Tree"]))
      }
      add(kind, url: url, created: now)
      body = .object(["scan": .string(String(scans[kind]!.count - 1))])
    case ("view", "status"):
      guard let number = Int(query["scanId"] ?? ""), let scan = scans[kind]?[number] else {
        return json(400, .object(["code": "does_not_exist", "message": "Does Not Exist"]))
      }
      body = .object(["status": .string(now - scan.created >= duration ? "100" : "50")])
    case ("view", "scans"):
      body = .object([
        "scans": .array(
          (scans[kind] ?? []).map { scan in
            .object([
              "id": .string(String(scan.number)),
              "state": now - scan.created >= duration ? "FINISHED" : "RUNNING",
            ])
          })
      ])
    case ("view", "recordsToScan"):
      body = .object(["recordsToScan": "0"])
    case ("view", "alerts"):
      body = .object(["alerts": .array([])])
    default:
      return json(404, .object(["code": "bad_view", "message": "No Implementor"]))
    }
    return json(200, body)
  }

  private func json(_ status: Int, _ body: JSONValue) -> Result<HTTPResponse, TransportError> {
    .success(HTTPResponse(status: status, text: JSONWriter.compact(body)))
  }
}

/// A plan of `count` ZAP URLs with one scan each, `spider` unless told.
func zapPlan(urls count: Int, scan: String = "{ scan_type: spider }") -> String {
  var text = """
    version: 1
    providers:
      zap:
        type: zap
        base_url: http://127.0.0.1:3
        api_key: ${ZAP_API_KEY}
        requests_per_second: 10
        poll: { initial_interval: 5s, max_interval: 5s }
    assets:

    """
  for index in 0..<count {
    text += """
        - { name: site-\(index), provider: zap, url: "https://site-\(index).example.test/", scans: [\(scan)] }

      """
  }
  return text
}
