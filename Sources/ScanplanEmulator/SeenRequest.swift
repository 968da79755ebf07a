package import ScanplanVendorKit

/// One request as the emulator saw it.
package struct SeenRequest: Sendable {
  /// Seconds since the emulator started.
  package let time: Double
  /// The vendor's type name (`s4e`, `invicti`), or `unknown`.
  package let vendor: String
  package let method: String
  /// The path, without the query.
  package let path: String
  /// What it was answered (0 when no answer was sent).
  package let status: Int
  package let headers: [HTTPHeader]
}
