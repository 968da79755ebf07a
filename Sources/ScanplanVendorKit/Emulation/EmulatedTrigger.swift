/// A trigger's body as a vendor's emulation read it.
package struct EmulatedTrigger: Sendable {
  /// The asset or target to scan.
  package let asset: String
  /// Fields the vendor echoes in its answers (Invicti's `profile_id`).
  package let echoed: [String: String]
  /// Whether the scan puts its URL, and what is below it, in the vendor's site tree
  /// (ZAP's crawl).
  package let addsToSiteTree: Bool
  /// The error a scan that starts only on a URL in the site tree gets when its URL is not
  /// there (ZAP's attack: `url_not_found`); nil for a scan that needs no site tree.
  package let missingFromSiteTree: EmulatedError?

  package init(
    asset: String, echoed: [String: String] = [:], addsToSiteTree: Bool = false,
    missingFromSiteTree: EmulatedError? = nil
  ) {
    self.asset = asset
    self.echoed = echoed
    self.addsToSiteTree = addsToSiteTree
    self.missingFromSiteTree = missingFromSiteTree
  }
}
