import ScanplanJSON
import ScanplanSupport
import ScanplanVendorKit

/// Both vendors in memory, answering in their seeds' shapes: each trigger makes a scan
/// that runs 10 to 60 minutes, and each poll tells its status. Scan ids are numbers so that
/// the service keeps no more than one `Double` per scan.
struct ScaleService {
  private var ends: [Double] = []
  private var random = SeededRandom(seed: 42)

  init(scans: Int) {
    ends.reserveCapacity(scans)
  }

  mutating func answer(_ request: HTTPRequest, at now: Double) -> HTTPResponse {
    if request.method == "POST" {
      let id = ends.count
      ends.append(now + 600 + random.unit() * 3000)
      return HTTPResponse(status: 201, text: #"{"scan_id":"\#(id)","status":"queued"}"#)
    }
    // `…/scans/ID/status` (S4E) or `…/scans/ID` (Invicti).
    let parts = request.url.split(separator: "/")
    let isS4E = parts.last == "status"
    guard let id = Int(isS4E ? parts[parts.count - 2] : parts[parts.count - 1]), id < ends.count
    else { return HTTPResponse(status: 404, text: "{}") }
    let status = now < ends[id] ? "running" : "completed"
    let counts = #""severity_counts":{"critical":0,"high":1,"medium":2,"low":3,"info":4}"#
    if isS4E {
      return HTTPResponse(
        status: 200, text: #"{"scan_id":"\#(id)","status":"\#(status)",\#(counts)}"#)
    }
    let session = status == "running" ? "processing" : "completed"
    return HTTPResponse(
      status: 200,
      text: #"{"scan_id":"\#(id)","current_session":{"status":"\#(session)",\#(counts)}}"#)
  }
}
