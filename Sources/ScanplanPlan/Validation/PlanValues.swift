package import ScanplanVendorKit

/// The value checks of the plan format, for values only known when a plan runs (those
/// written with environment references).
package enum PlanValues {
  /// The base URL normalized (lowercase scheme and host, no trailing slash), or why it is
  /// not acceptable.
  package static func baseURL(_ text: String, allowingPlainHTTP: Bool = false) -> Result<
    String, PlanValueError
  > {
    switch BaseURL.parse(text, allowingPlainHTTP: allowingPlainHTTP) {
    case .success(let url): return .success(url.normalized)
    case .failure(.credentials): return .failure(PlanValueError("it holds a user name or password"))
    case .failure(.insecure(let host)):
      return .failure(
        PlanValueError("it uses plain `http` to `\(host)`, which is not a loopback host"))
    case .failure(.malformed(let reason)): return .failure(PlanValueError(reason))
    }
  }

  /// A normalized base URL without the vendor's API path (`/api/v1`), when it ends with
  /// it: requests add that path, so a URL copied from the vendor's docs would double it.
  /// Nil when the URL does not end with it.
  package static func withoutAPIPrefix(_ url: String, _ table: VendorTable) -> String? {
    guard case .success(let parsed) = BaseURL.parse(url, allowingPlainHTTP: true),
      parsed.path.lowercased().hasSuffix(table.apiPrefix.lowercased())
    else { return nil }
    let fixed = BaseURL(
      scheme: parsed.scheme, host: parsed.host, port: parsed.port,
      path: String(parsed.path.dropLast(table.apiPrefix.count)))
    return fixed.normalized
  }

  /// Whether a string is a canonical 8-4-4-4-12 UUID.
  package static func isUUID(_ text: String) -> Bool {
    NodeReader.isUUID(text)
  }
}

/// Why a value resolved at run time is not acceptable.
package struct PlanValueError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What is wrong, lowercase.
  package let message: String
  init(_ message: String) { self.message = message }
  package var description: String { message }
}
