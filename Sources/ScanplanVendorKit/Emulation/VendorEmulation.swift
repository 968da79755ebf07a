/// How the built-in emulator plays one vendor: which paths are the vendor's, what its
/// requests must carry, and the shapes of its answers. The emulator itself keeps the
/// scans, the clock, rate limits and faults; a vendor's emulation only speaks its API.
package protocol VendorEmulation: Sendable {
  /// The token `run --sandbox` and `scanplan emulate` use for this vendor.
  var sandboxToken: String { get }

  /// The path every endpoint of the vendor starts with (`/api/v1/`), to tell the
  /// vendor's requests from others before they are routed.
  var pathPrefix: String { get }

  /// Whether a trigger for an asset with a running scan is refused with 409 naming it
  /// (S4E) rather than creating another scan (Invicti).
  var refusesConcurrentScans: Bool { get }

  /// Triggers the vendor publishes as its limit, per `per` seconds, which the emulator
  /// enforces with `--published-limits`; nil when it publishes none.
  var publishedTriggerLimit: (count: Int, per: Double)? { get }

  /// The endpoint a request is for, or nil for a path of the vendor's that is no
  /// endpoint. `segments` are the path's, `query` its parameters, `body` what it carries.
  func route(method: String, segments: [Substring], query: [String: String], body: [UInt8])
    -> EmulatedRoute?

  /// Whether the request carries `token` where the vendor expects it.
  func isAuthorized(_ headers: [HTTPHeader], token: String) -> Bool

  /// A trigger read from its path, body or query (ZAP's actions are GETs, one path per
  /// kind of scan), or the error it is answered with.
  func trigger(segments: [Substring], body: [UInt8], query: [String: String]) -> Result<
    EmulatedTrigger, EmulatedError
  >

  /// A scan's id as the vendor writes it: the emulator's `number`-th scan, in the
  /// `series` of this emulator (so that ids differ across sandbox runs). A UUID unless the
  /// vendor numbers its scans.
  func scanID(number: Int, series: UInt16) -> String

  /// The answer to a trigger that created `scan`; `origin` is the emulator's
  /// `scheme://host:port`, for absolute `Location` headers.
  func created(_ scan: EmulatedScan, origin: String, dialect: EmulatorDialect) -> EmulatedAnswer

  /// The answer to a trigger refused because `running` already runs on the asset.
  func conflict(running: String, dialect: EmulatorDialect) -> EmulatedAnswer

  /// The answer to a status request.
  func status(_ scan: EmulatedScan, dialect: EmulatorDialect) -> EmulatedAnswer

  /// One page of a listing: `scans`, from `offset` of `total`, `limit` a page; `next` is
  /// the next page's offset, if there is one.
  func list(
    _ scans: [EmulatedScan], next: Int?, offset: Int, limit: Int, total: Int,
    dialect: EmulatorDialect
  ) -> EmulatedAnswer

  /// An error in the vendor's shape.
  func error(_ error: EmulatedError, dialect: EmulatorDialect) -> EmulatedAnswer

  /// The results of a completed scan (Invicti's `GET /scans/{id}/results`).
  func results(_ scan: EmulatedScan, dialect: EmulatorDialect) -> EmulatedAnswer

  /// One page of a completed scan's findings: `page`, from `offset` of `total`, asked
  /// for `limit` at a time.
  func findings(
    _ page: [EmulatedFinding], of scan: EmulatedScan, offset: Int, limit: Int, total: Int,
    dialect: EmulatorDialect
  ) -> EmulatedAnswer
}

extension VendorEmulation {
  /// `5ca90000-SSSS-4000-8000-NNNNNNNNNNNN`.
  package func scanID(number: Int, series: UInt16) -> String {
    let hex = String(number, radix: 16)
    let seriesHex = String(series, radix: 16)
    return "5ca90000-" + String(repeating: "0", count: 4 - seriesHex.count) + seriesHex
      + "-4000-8000-" + String(repeating: "0", count: max(0, 12 - hex.count)) + hex
  }

  /// A vendor without results answers 404.
  package func results(_ scan: EmulatedScan, dialect: EmulatorDialect) -> EmulatedAnswer {
    error(EmulatedError(404, code: "not_found", "no such endpoint"), dialect: dialect)
  }

  /// A vendor without findings answers 404.
  package func findings(
    _ page: [EmulatedFinding], of scan: EmulatedScan, offset: Int, limit: Int, total: Int,
    dialect: EmulatorDialect
  ) -> EmulatedAnswer {
    error(EmulatedError(404, code: "not_found", "no such endpoint"), dialect: dialect)
  }
}
