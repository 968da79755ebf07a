import ScanplanVendorKit

/// One request as the emulator saw it.
public struct SeenRequest: Sendable {
  /// Seconds since the emulator started.
  public let time: Double
  /// The vendor's type name (`s4e`, `invicti`), or `unknown`.
  public let vendor: String
  /// The method.
  public let method: String
  /// The path, without the query.
  public let path: String
  /// What it was answered (0 when no answer was sent).
  public let status: Int
  /// The request's headers.
  public let headers: [HTTPHeader]
}
