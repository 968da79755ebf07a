import ScanplanInvicti
import ScanplanJSON
import ScanplanS4E
import ScanplanVendorKit
import Testing

/// An answer for a reader under test.
func answer(
  _ status: Int, _ body: String,
  headers: [HTTPHeader] = [
    HTTPHeader("Content-Type", "application/json")
  ]
) -> HTTPResponse {
  HTTPResponse(status: status, headers: headers, text: body)
}

/// A 200 answer for a reader under test.
func answer(
  _ body: String, headers: [HTTPHeader] = [HTTPHeader("Content-Type", "application/json")]
) -> HTTPResponse {
  answer(200, body, headers: headers)
}

/// An answer whose body is bytes, not text.
func answer(bytes: [UInt8], headers: [HTTPHeader] = []) -> HTTPResponse {
  HTTPResponse(status: 200, headers: headers, body: bytes)
}

// Both list scans and findings; the cast fails the suite at once if either stops.
let s4e = S4E.vendor.api as! any ListsScans & ListsFindings
let invicti = Invicti.vendor.api as! any ListsScans & ListsFindings

/// The trigger input of an Invicti scan of target `T` with profile `P`.
let invictiTrigger = TriggerInput(
  assetKeys: [
    AssetKey("user_authorized_to_scan", "yes"),
    AssetKey("target_id", "2df49409-ee21-4080-9640-eb46f4610054"),
  ],
  settings: [
    "profile_id": "11111111-1111-1111-1111-111111111112",
    "schedule": .object(["disable": false, "time_sensitive": false]),
  ])

/// What a reader gave, as one comparable value: the id or reading, or the error's words.
func outcome<Value>(_ result: Result<Value, AnswerError>) -> String {
  switch result {
  case .success(let value): return "\(value)"
  case .failure(let error): return "error: \(error.message)"
  }
}

/// One answer for a reader, and what the reader must make of it: a table row.
struct AnswerCase: Sendable, CustomTestStringConvertible {
  let name: String
  let api: any ProviderAPI
  let response: HTTPResponse
  let expected: String
  var testDescription: String { name }
}
