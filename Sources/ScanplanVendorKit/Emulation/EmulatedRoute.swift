package import ScanplanJSON

/// Which of a vendor's endpoints a request is for.
package enum EmulatedRoute: Equatable, Sendable {
  /// Create a scan.
  case trigger
  /// How one scan stands.
  case status(scanID: String)
  /// The scans of an asset (or of every asset), a page at a time: `limit` from
  /// `offset`, or the emulator's page size when the request names none; only those
  /// whose trigger echoed each of `echoed` (ZAP's crawls apart from its attacks).
  case list(asset: String?, offset: Int, limit: Int?, echoed: [String: String] = [:])
  /// A scan's results, under which its findings are listed (Invicti).
  case results(scanID: String)
  /// A page of a completed scan's findings (of one of its results, where the vendor has
  /// them): `limit` findings from `offset`.
  case findings(scanID: String, result: String?, offset: Int, limit: Int)
  /// A page of the findings of an asset's latest completed scan, for a vendor that lists
  /// findings by target rather than by scan (ZAP's alerts of a base URL).
  case assetFindings(asset: String, offset: Int, limit: Int)
  /// A URL the vendor requests itself, which puts it in its site tree (ZAP's
  /// `accessUrl`), answered with `answer` once it is there.
  case visit(url: String, answer: JSONValue)
  /// An answer that depends on no scan, as the vendor's emulation writes it (ZAP's
  /// passive-scan queue, which the emulator keeps empty).
  case answer(status: Int, body: JSONValue)
}
