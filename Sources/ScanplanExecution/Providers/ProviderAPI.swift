import ScanplanJSON
import ScanplanPlan
import ScanplanSupport

/// Where a scan stands, as a provider reports it.
public enum ScanState: Equatable, Sendable {
  /// Waiting or running: poll again.
  case running
  /// A status the runner does not know: treated as running, with a warning.
  case unknown
  /// Finished successfully.
  case completed
  /// Finished with an error.
  case failed
  /// Stopped by a user or a policy.
  case cancelled

  /// Whether the scan has ended.
  public var isTerminal: Bool {
    switch self {
    case .completed, .failed, .cancelled: return true
    case .running, .unknown: return false
    }
  }
}

/// One poll's answer, read.
public struct PollReading: Equatable, Sendable {
  /// The status as the provider wrote it.
  public var status: String
  /// What it means.
  public var state: ScanState
  /// Percent done, when reported.
  public var progress: Int?
  /// Findings by severity, when reported.
  public var severityCounts: [String: Int]?
  /// The provider's id for this run of the scan, when reported.
  public var sessionID: String?
  /// How far along the status is (queued 0, running 1), to notice one that goes back.
  public var phase: Int?

  /// Creates a reading.
  public init(
    status: String, state: ScanState, progress: Int? = nil, severityCounts: [String: Int]? = nil,
    sessionID: String? = nil, phase: Int? = nil
  ) {
    self.status = status
    self.state = state
    self.phase = phase
    self.progress = progress
    self.severityCounts = severityCounts
    self.sessionID = sessionID
  }
}

/// One vendor's API as requests and answers: no I/O, so the dry run prints exactly what
/// the run sends, and adding a vendor is one of these, one table and one emulator route set.
public protocol ProviderAPI: Sendable {
  /// The provider type this API speaks.
  var type: ProviderType { get }
  /// The request that starts a scan.
  func triggerRequest(
    for scan: ResolvedScan, assetKeys: [(key: String, value: JSONValue)], baseURL: String,
    token: String
  ) -> HTTPRequest
  /// The request that asks how a scan stands.
  func pollRequest(scanID: String, baseURL: String, token: String) -> HTTPRequest
  /// The scan id in a trigger's answer (201), or in a 409's body.
  func scanID(inTriggerAnswer response: HTTPResponse) -> String?
  /// A poll's answer, or why it cannot be read.
  func reading(ofPollAnswer response: HTTPResponse, scanID: String) -> Result<
    PollReading, AnswerError
  >
  /// The header values that carry the token, to redact in dry runs.
  func authorizationHeaders(token: String) -> [(name: String, value: String)]
}

/// An answer the runner cannot read.
public struct AnswerError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What is wrong with it, lowercase.
  public let message: String
  /// Creates an error.
  public init(_ message: String) { self.message = message }
  /// The message.
  public var description: String { message }
}

extension ProviderType {
  /// The API of this provider type.
  public var api: any ProviderAPI {
    switch self {
    case .s4e: return S4EAPI()
    case .invicti: return InvictiAPI()
    }
  }
}

/// Helpers the vendor APIs share.
enum APISupport {
  /// The body fields a vendor's settings contribute, in table order: leaves set in the
  /// plan, and leaves whose wire says they are always sent, with their defaults.
  static func settingsBody(_ table: VendorTable, scan: ResolvedScan) -> JSONObject {
    var body = JSONObject()
    for field in table.settings where field.wire != .notSent {
      if case .object(let nested) = field.kind {
        var object = JSONObject()
        for leaf in nested.fields where leaf.wire != .notSent {
          if let value = scan.setting(field.key, leaf.key) {
            object[leaf.key] = value
          } else if leaf.wire == .always, let value = leaf.defaultValue {
            object[leaf.key] = value
          }
        }
        if !object.isEmpty || field.wire == .always { body[field.key] = .object(object) }
      } else if let value = scan.setting(field.key) {
        body[field.key] = value
      } else if field.wire == .always, let value = field.defaultValue {
        body[field.key] = value
      }
    }
    return body
  }

  /// A JSON object from an answer's body, or nil.
  static func object(_ response: HTTPResponse) -> JSONObject? {
    (try? JSONParser().parse(response.body))?.objectValue
  }

  /// A JSON object from an answer's body, or why there is none, naming a content type
  /// that is not JSON.
  static func object(_ response: HTTPResponse, what: String) -> Result<JSONObject, AnswerError> {
    if let object = object(response) { return .success(object) }
    if let type = response.header("Content-Type"), !type.lowercased().contains("json") {
      let shown = type.split(separator: ";").first.map(String.init) ?? type
      return .failure(AnswerError("the \(what) is `\(shown.prefix(60))`, not JSON"))
    }
    return .failure(AnswerError("the \(what) is not a JSON object"))
  }

  /// A path segment with everything but unreserved characters percent-encoded, so a
  /// scan id from a server cannot change the path it is put into.
  static func pathSegment(_ text: String) -> String {
    PercentEncoding.encode(text)
  }

  /// A scan id as an answer gives it: a non-empty string of sane length, or a number.
  static func scanID(_ value: JSONValue?) -> String? {
    switch value {
    case .string(let text) where !text.isEmpty && text.count <= 200: return text
    case .int(let number): return String(number)
    default: return nil
    }
  }
}
