package import ScanplanJSON
import ScanplanSupport

/// Reading what a server sent, for every vendor: bodies as JSON objects, ids, `Location`
/// headers, messages. Nothing here trusts the server: every odd answer becomes an
/// `AnswerError` that says what is wrong, and every text that may be printed is made
/// printable first, so a server cannot write escape sequences to a terminal.
package enum AnswerReading {
  /// The longest text of a server's that is kept (ids, statuses, messages).
  package static let textLimit = 200

  /// The body as a JSON object, or why it is not one. `what` names the answer in the
  /// message ("status answer").
  package static func object(_ response: HTTPResponse, what: String) -> Result<
    JSONObject, AnswerError
  > {
    guard !response.body.isEmpty else { return .failure(AnswerError("the \(what) is empty")) }
    guard String(validating: response.body, as: UTF8.self) != nil else {
      return .failure(AnswerError("the \(what) is not UTF-8 text"))
    }
    guard let value = try? JSONParser().parse(response.body) else {
      if let type = response.header("Content-Type"), !type.lowercased().contains("json") {
        let shown = type.split(separator: ";").first.map(String.init) ?? type
        return .failure(AnswerError("the \(what) is `\(printable(shown, limit: 60))`, not JSON"))
      }
      return .failure(AnswerError("the \(what) is not a JSON object"))
    }
    guard let object = value.objectValue else {
      return .failure(AnswerError("the \(what) is \(kind(of: value)), not a JSON object"))
    }
    return .success(object)
  }

  /// The body as a JSON object, or nil: for error answers, whose body is a bonus.
  package static func objectIfAny(_ response: HTTPResponse) -> JSONObject? {
    guard !response.body.isEmpty, String(validating: response.body, as: UTF8.self) != nil else {
      return nil
    }
    return (try? JSONParser().parse(response.body))?.objectValue
  }

  /// A scan id as a field gives it: nil when the field is absent, null or empty; the id
  /// for a string or a whole number; an error for any other value, or a string no id
  /// could be (too long, control characters).
  package static func id(_ value: JSONValue?, field: String, what: String) -> Result<
    String?, AnswerError
  > {
    switch value {
    case nil, .null?:
      return .success(nil)
    case .int(let number)?:
      return .success(String(number))
    case .string(let text)? where text.isEmpty:
      return .success(nil)
    case .string(let text)?:
      guard let id = usableID(text) else {
        return .failure(
          AnswerError(
            "the \(what)'s `\(field)` is not a usable id (\(text.unicodeScalars.count > textLimit ? "longer than \(textLimit) characters" : "it holds control characters"))"
          ))
      }
      return .success(id)
    case let other?:
      return .failure(
        AnswerError("the \(what)'s `\(field)` is \(kind(of: other)), not a string"))
    }
  }

  /// The id that follows the last `collection` segment of a `Location` header's path,
  /// whether the header is an absolute URI (`https://host:3443/api/v1/scans/ID`) or a
  /// path, with or without a query, a fragment or a trailing slash; nil when there is none.
  package static func id(inLocation location: String, after collection: String) -> String? {
    var text = Substring(location)
    if let cut = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = text[..<cut] }
    if let colon = text.firstIndex(of: ":"), text[colon...].hasPrefix("://") {
      text = text[text.index(colon, offsetBy: 3)...]
      guard let slash = text.firstIndex(of: "/") else { return nil }
      text = text[slash...]
    }
    let segments = text.split(separator: "/")
    guard let position = segments.indices.dropLast().last(where: { segments[$0] == collection })
    else { return nil }
    return usableID(PercentEncoding.decode(segments[position + 1]))
  }

  /// An id as the runner keeps it: non-empty, at most `textLimit` characters, nothing
  /// that is not printable.
  package static func usableID(_ text: String) -> String? {
    guard !text.isEmpty, text.unicodeScalars.count <= textLimit,
      !text.unicodeScalars.contains(where: isUnprintable)
    else { return nil }
    return text
  }

  /// A server's text made safe to print: control and bidirectional-override characters
  /// become `?`, line breaks end it, and it is clipped to `limit` characters.
  package static func printable(_ text: String, limit: Int = textLimit) -> String {
    var output = String.UnicodeScalarView()
    var count = 0
    for scalar in text.unicodeScalars {
      if scalar == "\n" || scalar == "\r" { break }
      if count == limit {
        output.append(contentsOf: "...".unicodeScalars)
        break
      }
      output.append(isUnprintable(scalar) ? "?" : scalar)
      count += 1
    }
    return String(output)
  }

  /// The usual error fields (`message`, `error`, `detail`, `title`, `reason`), printable.
  package static func commonMessage(_ object: JSONObject) -> String? {
    for key in ["message", "error", "detail", "title", "reason"] {
      if let text = object[key]?.stringValue, !text.isEmpty { return printable(text) }
    }
    return nil
  }

  /// A wait in seconds: a finite number at least 0, or such a number written as a string.
  package static func seconds(_ value: JSONValue?) -> Double? {
    let number: Double?
    switch value {
    case .int(let whole)?: number = Double(whole)
    case .double(let fraction)?: number = fraction
    case .string(let text)?: number = Double(text)
    default: number = nil
    }
    guard let number, number.isFinite, number >= 0 else { return nil }
    return number
  }

  /// Counts by severity, keeping only whole numbers at least 0: a count the server
  /// wrote otherwise is absent, and a gate on it fails rather than passing on a guess.
  package static func severityCounts(_ value: JSONValue?) -> [String: Int]? {
    guard let object = value?.objectValue else { return nil }
    var counts: [String: Int] = [:]
    for member in object.members {
      if let count = member.value.intValue, count >= 0 { counts[member.key] = count }
    }
    return counts
  }

  /// A whole percentage from 0 to 100, or nil.
  package static func progress(_ value: JSONValue?) -> Int? {
    guard let number = value?.doubleValue, number.isFinite else { return nil }
    return Int(min(100, max(0, number.rounded(.down))))
  }

  /// A value's kind in words: "a number", "an array".
  package static func kind(of value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool: return "a boolean"
    case .int, .double: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    }
  }

  /// A path segment with everything but unreserved characters percent-encoded, so a scan
  /// id from a server cannot change the path it is put into.
  package static func pathSegment(_ text: String) -> String {
    PercentEncoding.encode(text)
  }

  private static func isUnprintable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0..<0x20, 0x7F..<0xA0: return true
    // Bidirectional marks and overrides, which can make printed text lie about its order.
    case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }
}
