/// A page of the scans a vendor lists for an asset or target: how the runner finds the
/// scan a trigger made when the trigger's answer was lost. The vendor reads the page and
/// says which scans are of the trigger's kind; the runner decides which one is its own.
package struct ScanListing: Sendable, Equatable {
  package struct Scan: Sendable, Equatable {
    package let id: String
    /// Whether it is a scan of the trigger's kind: the same target and profile, the same
    /// asset and scan type.
    package let matches: Bool
    /// Where it stands, when the listing says.
    package let state: ScanState?
    /// When it started or was created, as the vendor writes it (ISO 8601, which sorts as
    /// text); nil when the listing does not say.
    package let started: String?

    package init(id: String, matches: Bool, state: ScanState?, started: String?) {
      self.id = id
      self.matches = matches
      self.state = state
      self.started = started
    }
  }

  /// The scans of this page, in the vendor's order.
  package let scans: [Scan]
  /// The next page's cursor; nil after the last.
  package let next: String?

  package init(scans: [Scan], next: String?) {
    self.scans = scans
    self.next = next
  }
}
