import ScanplanJSON
import ScanplanVendorKit

/// ZAP's requests, every one a `GET` of `openapi.yaml` with its parameters in the query
/// and `X-ZAP-API-Key`: `spiderActionScan` or `ascanActionScan` to start (an attack that
/// does not crawl first after `coreActionAccessUrl`), then `spiderViewStatus` or
/// `ascanViewStatus`. An active scan that crawls first is two
/// stages: the crawl, then the attack, started once the crawl has completed.
///
/// Scan ids are kept as `spider:N` or `active:N`, since ZAP numbers each kind apart.
struct ZAPAPI: ProviderAPI, RunsInStages {
  var type: ProviderType { ZAP.type }

  /// A scan's kind and ZAP's number for it.
  enum Stage: String {
    case spider
    case active

    /// The component of the API that runs it.
    var component: String { self == .spider ? "spider" : "ascan" }
  }

  /// The crawl's parameters as the plan names them, then as ZAP does.
  static let spiderParameters = [
    ("max_children", "maxChildren"), ("recurse", "recurse"), ("context_name", "contextName"),
    ("subtree_only", "subtreeOnly"),
  ]

  /// The attack's parameters as the plan names them, then as ZAP does.
  static let activeParameters = [
    ("recurse", "recurse"), ("in_scope_only", "inScopeOnly"),
    ("scan_policy_name", "scanPolicyName"), ("method", "method"), ("post_data", "postData"),
    ("context_id", "contextId"),
  ]

  /// The first stage: the crawl, unless the scan is an attack told not to crawl.
  func triggerRequest(_ trigger: TriggerInput, baseURL: String, token: String) -> HTTPRequest {
    stageRequest(Self.firstStage(trigger), trigger, baseURL: baseURL, token: token)
  }

  /// An attack starts only on a URL in the session's site tree (`ActiveScanAPI.scanURL`
  /// answers 400 `url_not_found` otherwise, which a fresh daemon always would): one that
  /// does not crawl first has ZAP request the URL with `coreActionAccessUrl`, which puts
  /// it there. A crawl puts it there itself.
  func preparation(_ trigger: TriggerInput, baseURL: String, token: String) -> Preparation? {
    guard !Self.crawls(trigger) else { return nil }
    let url = trigger.value("url")?.stringValue ?? ""
    return Preparation(
      request: HTTPRequest(
        method: "GET",
        url: baseURL + "/JSON/core/action/accessUrl/?url=" + AnswerReading.pathSegment(url),
        headers: authorizationHeaders(token: token)),
      purpose: "put the URL in ZAP's site tree (core/action/accessUrl), since the attack "
        + "does not crawl first")
  }

  /// The attack after the crawl of an active scan.
  func nextStage(after scanID: String, trigger: TriggerInput, baseURL: String, token: String)
    -> HTTPRequest?
  {
    guard Self.stage(of: scanID)?.stage == .spider, Self.isActive(trigger) else { return nil }
    return stageRequest(.active, trigger, baseURL: baseURL, token: token)
  }

  /// The attack, when an active scan crawls first.
  func laterStages(_ trigger: TriggerInput, baseURL: String, token: String) -> [HTTPRequest] {
    guard Self.crawls(trigger), Self.isActive(trigger) else { return [] }
    return [stageRequest(.active, trigger, baseURL: baseURL, token: token)]
  }

  /// `GET {base}/JSON/{spider|ascan}/view/status/?scanId=N`.
  func pollRequest(scanID: String, baseURL: String, token: String) -> HTTPRequest {
    let (stage, number) = Self.stage(of: scanID) ?? (.spider, scanID)
    return HTTPRequest(
      method: "GET",
      url: baseURL + "/JSON/\(stage.component)/view/status/?scanId="
        + AnswerReading.pathSegment(number),
      headers: authorizationHeaders(token: token))
  }

  /// `X-ZAP-API-Key: KEY`, the header `openapi.yaml` names.
  func authorizationHeaders(token: String) -> [HTTPHeader] {
    [HTTPHeader("X-ZAP-API-Key", token)]
  }

  /// `GET {base}/JSON/{spider|ascan}/action/scan/?url=...` with the options the plan sets.
  private func stageRequest(
    _ stage: Stage, _ trigger: TriggerInput, baseURL: String, token: String
  ) -> HTTPRequest {
    let options = trigger.settings["options"]?.objectValue ?? [:]
    var query = "url=" + AnswerReading.pathSegment(trigger.value("url")?.stringValue ?? "")
    for (key, parameter) in stage == .spider ? Self.spiderParameters : Self.activeParameters {
      guard let value = options[key].flatMap(Self.queryText) else { continue }
      query += "&\(parameter)=" + AnswerReading.pathSegment(value)
    }
    return HTTPRequest(
      method: "GET", url: baseURL + "/JSON/\(stage.component)/action/scan/?" + query,
      headers: authorizationHeaders(token: token))
  }

  /// Whether the scan is an attack.
  static func isActive(_ trigger: TriggerInput) -> Bool {
    trigger.value("scan_type")?.stringValue != Stage.spider.rawValue
  }

  /// Whether the scan starts with a crawl: every crawl, and an attack unless
  /// `options.crawl_first` is false.
  static func crawls(_ trigger: TriggerInput) -> Bool {
    !isActive(trigger) || trigger.settings["options"]?["crawl_first"]?.boolValue != false
  }

  /// The stage the trigger starts, whose list a lost trigger's scan is looked for in.
  static func firstStage(_ trigger: TriggerInput) -> Stage {
    crawls(trigger) ? .spider : .active
  }

  /// The kind and number in a kept id (`active:3`).
  static func stage(of scanID: String) -> (stage: Stage, number: String)? {
    guard let colon = scanID.firstIndex(of: ":"),
      let stage = Stage(rawValue: String(scanID[..<colon]))
    else { return nil }
    return (stage, String(scanID[scanID.index(after: colon)...]))
  }

  /// A plan value as a query parameter: `true`, `5`, text.
  private static func queryText(_ value: JSONValue) -> String? {
    switch value {
    case .bool(let flag): return flag ? "true" : "false"
    case .int(let number): return String(number)
    case .double(let number): return String(number)
    case .string(let text): return text
    default: return nil
    }
  }
}
