import ScanplanJSON
import ScanplanVendorKit

/// Answers as a hostile or broken server gives them, made from a vendor's good answer by
/// rewriting it, so that every vendor's readers meet the same abuse.
enum HostileAnswers {
  /// A trigger's answer, spoiled as `behavior` says.
  static func trigger(_ answer: EmulatedAnswer, _ behavior: EmulatorConfiguration.HostileBehavior)
    -> EmulatedAnswer
  {
    var answer = answer
    switch behavior {
    case .triggerWithoutID:
      answer = rewriting(answer, "scan_id", with: nil)
      answer.headers.removeAll(named: "Location")
    case .triggerIDOfWrongType:
      answer = rewriting(answer, "scan_id", with: true)
      answer.headers.removeAll(named: "Location")
    case .locationWithoutID:
      answer = rewriting(answer, "scan_id", with: nil)
      answer.headers.removeAll(named: "Location")
      answer.headers.append(HTTPHeader("Location", "?"))
    default:
      break
    }
    return answer
  }

  /// A status answer, spoiled as `behavior` says.
  static func status(_ answer: EmulatedAnswer, _ behavior: EmulatorConfiguration.HostileBehavior)
    -> EmulatedAnswer
  {
    var answer = answer
    switch behavior {
    case .malformedJSON:
      answer.body = Array(answer.body.prefix(answer.body.count / 2))
    case .oversizedBody(let bytes):
      let head = Array(#"{"status":"running","padding":""#.utf8)
      answer.body =
        head + Array(repeating: UInt8(ascii: "x"), count: max(0, bytes - head.count - 2))
        + Array(#""}"#.utf8)
    case .htmlInsteadOfJSON:
      answer.headers = [HTTPHeader("Content-Type", "text/html")]
      answer.body = Array("<html><body><h1>Scan status</h1><p>running</p></body></html>".utf8)
    case .missingContentType:
      answer.headers = []
    case .plainTextStatus:
      answer.headers = [HTTPHeader("Content-Type", "text/plain")]
      answer.body = Array("OK".utf8)
    case .nonUTF8Status:
      answer.body = Array(#"{"status":"runn"#.utf8) + [0xFF, 0xFE] + Array(#"ing"}"#.utf8)
    case .statusNotAString:
      answer = rewriting(answer, "status", with: 3)
    case .answersForAnotherScan:
      answer = rewriting(answer, "scan_id", with: "5ca9ffff-0000-4000-8000-000000000000")
    case .neverAnswers:
      answer.delay = .infinity
    case .redirect, .statusGoesBackwards, .pausesAtFirst, .unreachable, .triggerWithoutID,
      .triggerIDOfWrongType, .locationWithoutID, .vendorError:
      break
    }
    return answer
  }

  /// The answer with every `key` in its JSON body set to `value`, or removed for nil.
  private static func rewriting(_ answer: EmulatedAnswer, _ key: String, with value: JSONValue?)
    -> EmulatedAnswer
  {
    guard let body = try? JSONParser().parse(answer.body) else { return answer }
    var answer = answer
    answer.body = Array(JSONWriter.compact(rewrite(body, key, value)).utf8)
    return answer
  }

  private static func rewrite(_ json: JSONValue, _ key: String, _ value: JSONValue?) -> JSONValue {
    switch json {
    case .object(let object):
      var rewritten = JSONObject()
      for member in object.members {
        if member.key == key {
          if let value { rewritten[key] = value }
        } else {
          rewritten[member.key] = rewrite(member.value, key, value)
        }
      }
      return .object(rewritten)
    case .array(let items):
      return .array(items.map { rewrite($0, key, value) })
    default:
      return json
    }
  }
}
