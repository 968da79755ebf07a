import ScanplanInvicti
import ScanplanS4E
import ScanplanVendorKit
import Testing

/// A finding's fingerprint: the same finding in every run, whatever the vendor's ids.
@Suite struct FingerprintTests {
  @Test(arguments: [
    ("HTTPS://Shop.Example.COM:443/a/b?z=1&a=2#top", "https://shop.example.com/a/b?a&z"),
    ("http://h:80", "http://h/"), ("http://h:8080/x", "http://h:8080/x"),
    ("https://h/p?id=7", "https://h/p?id"), ("https://h/P/Q", "https://h/P/Q"),
    ("https://user@H:443/", "https://user@h/"), ("not a url", "not a url"),
  ])
  func urlsAreNormalized(_ url: String, _ normalized: String) {
    #expect(FindingFingerprint.normalized(url: url) == normalized)
  }

  /// The same vulnerability read from two runs: other vendor ids, another scan, another
  /// query value and fragment, the same fingerprint. Another input is another finding.
  @Test func theSameFindingFromTwoRunsHasOneFingerprint() throws {
    func read(_ vulnID: String, url: String, detail: String) throws -> Finding {
      let body =
        #"{"vulnerabilities":[{"vuln_id":"\#(vulnID)","vt_id":"vt-xss","vt_name":"XSS","severity":3,"status":"open","affects_url":"\#(url)","affects_detail":"\#(detail)"}]}"#
      let scan = FindingsScan(scanID: "scan-\(vulnID)", sessionID: "s", trigger: invictiTrigger)
      return try #require(
        try invicti.findings(in: answer(body), of: scan, cursor: FindingsCursor(result: "s"))
          .get().findings.first)
    }
    let monday = try read("v-1", url: "https://Shop.example/search?q=shoes", detail: "q")
    let tuesday = try read("v-2", url: "https://shop.example:443/search?q=boots#x", detail: "q")
    #expect(monday.vendorID != tuesday.vendorID)
    #expect(monday.fingerprint == tuesday.fingerprint)
    #expect(monday.fingerprint.count == 32)
    let other = try read("v-3", url: "https://shop.example/search?q=boots", detail: "page")
    #expect(other.fingerprint != monday.fingerprint)
  }

  @Test func theParts() {
    let base = FindingFingerprint.make(
      type: S4E.type, target: "t", check: "c", url: "https://h/", input: "i")
    #expect(
      base
        == FindingFingerprint.make(
          type: S4E.type, target: "t", check: "c", url: "https://H:443/", input: "i"))
    for other in [
      FindingFingerprint.make(
        type: Invicti.type, target: "t", check: "c", url: "https://h/", input: "i"),
      FindingFingerprint.make(
        type: S4E.type, target: "u", check: "c", url: "https://h/", input: "i"),
      FindingFingerprint.make(
        type: S4E.type, target: "t", check: "d", url: "https://h/", input: "i"),
      FindingFingerprint.make(
        type: S4E.type, target: "t", check: "c", url: "https://g/", input: "i"),
      FindingFingerprint.make(
        type: S4E.type, target: "t", check: "c", url: "https://h/", input: nil),
      FindingFingerprint.make(
        type: S4E.type, target: "t", check: "c", url: "https://h/", input: "i", extra: ["GET"]),
      // No two lists of parts read alike.
      FindingFingerprint.make(
        type: S4E.type, target: "tc", check: "", url: "https://h/", input: "i"),
    ] {
      #expect(other != base)
    }
  }
}
