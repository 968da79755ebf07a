import ScanplanJSON
import ScanplanVendorKit

/// ZAP's lists of scans, `spiderViewScans` and `ascanViewScans`: every scan of one kind
/// the daemon holds, `{"scans": [{"id", "progress", "state"}]}`, without its URL. They
/// make a trigger whose answer was lost findable: the runner lists the kind before the
/// first trigger and again after the loss, and takes the one scan that is new, while no
/// other start of the run could have made it (`listsOneAssetsScans` is false).
extension ZAPAPI: ListsScans {
  /// ZAP's lists hold every scan of a kind, whatever its URL.
  var listsOneAssetsScans: Bool { false }

  /// `GET {base}/JSON/{spider|ascan}/view/scans/`, of the kind the trigger starts: the
  /// whole list at once, as ZAP has no pages.
  func lookupRequest(_ trigger: TriggerInput, cursor: String?, baseURL: String, token: String)
    -> HTTPRequest?
  {
    HTTPRequest(
      method: "GET", url: baseURL + "/JSON/\(Self.firstStage(trigger).component)/view/scans/",
      headers: authorizationHeaders(token: token))
  }

  /// Each listed scan as the runner keeps it (`spider:N`, `active:N`); `FINISHED` has
  /// ended, whether it completed or was stopped.
  func listing(_ response: HTTPResponse, trigger: TriggerInput) -> Result<
    ScanListing, AnswerError
  > {
    let body: JSONObject
    switch AnswerReading.object(response, what: "scan list") {
    case .failure(let error): return .failure(error)
    case .success(let object): body = object
    }
    guard let items = body["scans"]?.arrayValue else {
      return .failure(AnswerError("the scan list has no `scans` list"))
    }
    let stage = Self.firstStage(trigger)
    var scans: [ScanListing.Scan] = []
    for item in items {
      guard let scan = item.objectValue,
        case .success(let id?) = AnswerReading.id(scan["id"], field: "id", what: "scan list")
      else { continue }
      scans.append(
        ScanListing.Scan(
          id: stage.rawValue + ":" + id, matches: true,
          state: scan["state"]?.stringValue.map(Self.listedState), started: nil))
    }
    return .success(ScanListing(scans: scans, next: nil))
  }

  /// ZAP's `state`: `NOT_STARTED`, `RUNNING`, `PAUSED` or `FINISHED`.
  static func listedState(_ word: String) -> ScanState {
    switch word.uppercased() {
    case "FINISHED": .completed
    case "PAUSED": .paused
    case "NOT_STARTED": .queued
    default: .running
    }
  }
}
