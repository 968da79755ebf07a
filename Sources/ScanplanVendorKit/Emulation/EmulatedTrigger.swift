/// A trigger's body as a vendor's emulation read it.
public struct EmulatedTrigger: Sendable {
  /// The asset or target to scan.
  public let asset: String
  /// Fields the vendor echoes in its answers (Invicti's `profile_id`).
  public let echoed: [String: String]
  /// Whether the scan puts its URL, and what is below it, in the vendor's site tree
  /// (ZAP's crawl).
  public let addsToSiteTree: Bool
  /// The error a scan that starts only on a URL in the site tree gets when its URL is not
  /// there (ZAP's attack: `url_not_found`); nil for a scan that needs no site tree.
  public let missingFromSiteTree: EmulatedError?

  /// Creates a read trigger.
  public init(
    asset: String, echoed: [String: String] = [:], addsToSiteTree: Bool = false,
    missingFromSiteTree: EmulatedError? = nil
  ) {
    self.asset = asset
    self.echoed = echoed
    self.addsToSiteTree = addsToSiteTree
    self.missingFromSiteTree = missingFromSiteTree
  }
}
