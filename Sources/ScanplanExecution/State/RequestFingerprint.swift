package import ScanplanJSON
package import ScanplanVendorKit

/// What a state file's entry was for: the provider type, the base URL the scan was sent
/// to, and its trigger request (method, path and body), resolved. An entry is reused only
/// for a scan whose fingerprint is the same, so a state file written for another request
/// (a changed `scan_type` or `target_id`, another server, a `--sandbox` run) never stands
/// in for this one. It holds no secret: tokens travel in headers, which are left out.
package struct RequestFingerprint: Equatable, Sendable {
  /// `type`, `base_url` (`sandbox` for a `--sandbox` run, whose emulator's port changes
  /// every run), `method`, `path`, and `body` (the body's text, as sent).
  package let fields: JSONObject
  /// `fnv1a64:` and 16 hexadecimal digits of FNV-1a over the fields' compact JSON.
  package let digest: String

  /// The base URL a `--sandbox` run's fingerprints name.
  package static let sandboxBaseURL = "sandbox"

  /// The fingerprint of fields read back from a state file.
  package init(fields: JSONObject) {
    self.fields = fields
    digest = Self.digest(of: JSONWriter.compact(.object(fields)))
  }

  /// A fingerprint known by its digest alone, its fields lost (a line whose earlier line
  /// with the fields is gone): it matches, but cannot say what changed.
  init(digestOnly digest: String) {
    fields = [:]
    self.digest = digest
  }

  /// The fingerprint of the trigger `api` would send for `input` to `baseURL`.
  package init(type: ProviderType, api: any ProviderAPI, input: TriggerInput, baseURL: String) {
    // Built against an empty base, so the URL is the path; no token, so no secret.
    let request = api.triggerRequest(input, baseURL: "", token: "")
    var fields: JSONObject = [
      "type": .string(type.rawValue), "base_url": .string(baseURL),
      "method": .string(request.method), "path": .string(request.url),
    ]
    // The body as the text the vendor is sent: fingerprints hold strings only, and the
    // body's fields are parsed when a change has to be named.
    if let body = request.body { fields["body"] = .string(String(decoding: body, as: UTF8.self)) }
    self.init(fields: fields)
  }

  /// The names of the fields that differ from `other`'s, as a plan writes them: a body's
  /// fields by their path in the body (`scan_type`, `options.max_depth`), the others by
  /// their own name (`base_url`).
  package func changes(from other: RequestFingerprint) -> [String] {
    var mine: [String: JSONValue] = [:]
    var theirs: [String: JSONValue] = [:]
    Self.flatten(.object(Self.parsingBody(fields)), into: &mine, path: "")
    Self.flatten(.object(Self.parsingBody(other.fields)), into: &theirs, path: "")
    let names = Set(mine.keys).union(theirs.keys).filter { mine[$0] != theirs[$0] }
    let shown = names.map { $0.hasPrefix("body.") ? String($0.dropFirst(5)) : $0 }
    return Array(Set(shown)).sorted()
  }

  /// The fields with the body's text read as JSON, so that its fields can be compared.
  private static func parsingBody(_ fields: JSONObject) -> JSONObject {
    var parsed = fields
    if let text = fields["body"]?.stringValue, let body = try? JSONParser().parse(text) {
      parsed["body"] = body
    }
    return parsed
  }

  /// Why an entry written for `old` is not reused for this request: the sentence the
  /// console, the report and the job summary show.
  package func rejection(of old: RequestFingerprint, scan id: String) -> String {
    let sandbox = Self.sandboxBaseURL
    let why: String
    if old.fields["base_url"] == .string(sandbox), fields["base_url"] != .string(sandbox) {
      why = "it was written by a --sandbox run"
    } else if fields["base_url"] == .string(sandbox), old.fields["base_url"] != .string(sandbox) {
      why = "it was written by a run against the real service"
    } else {
      let changed = old.fields.isEmpty ? [] : changes(from: old)
      why =
        changed.isEmpty
        ? "its fingerprint differs"
        : changed.map { "`\($0)`" }.joined(separator: ", ") + " changed"
    }
    return "state for `\(id)` was for another request (\(why)); running it again"
  }

  private static func flatten(
    _ value: JSONValue, into leaves: inout [String: JSONValue], path: String
  ) {
    if case .object(let object) = value, !object.isEmpty {
      for member in object.members {
        flatten(
          member.value, into: &leaves, path: path.isEmpty ? member.key : path + "." + member.key)
      }
    } else {
      leaves[path] = value
    }
  }

  /// FNV-1a, 64 bits: the same digest on every machine, for comparison, not secrecy.
  static func digest(of text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    let hex = String(hash, radix: 16)
    return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
  }
}
