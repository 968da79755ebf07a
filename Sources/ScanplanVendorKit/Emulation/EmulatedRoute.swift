/// Which of a vendor's endpoints a request is for.
public enum EmulatedRoute: Equatable, Sendable {
  /// Create a scan.
  case trigger
  /// How one scan stands.
  case status(scanID: String)
  /// The scans of an asset (or of every asset), a page at a time.
  case list(asset: String?, cursor: Int)
}
