import ScanplanJSON
import ScanplanVendorKit
import Testing

/// Invicti sends no 409 naming the scan a lost trigger made: the runner lists the
/// target's scans and adopts the one that fits.
@Suite struct LookupTests {
  static func item(
    _ id: String, status: String = "processing",
    profile: String = "11111111-1111-1111-1111-111111111112",
    target: String = "2df49409-ee21-4080-9640-eb46f4610054",
    started: String = "2026-11-23T10:00:00Z"
  ) -> String {
    #"{"scan_id":"\#(id)","target_id":"\#(target)","profile_id":"\#(profile)","current_session":{"status":"\#(status)","start_date":"\#(started)"}}"#
  }

  static func lookup(_ items: [String], pagination: String = "{}", owned: Set<String> = [])
    -> String
  {
    outcome(
      invicti.lookup(
        answer(#"{"scans":[\#(items.joined(separator: ","))],"pagination":\#(pagination)}"#),
        trigger: invictiTrigger, isOwned: { owned.contains($0) }))
  }

  @Test func theRequestListsTheTargetsScansPageByPage() throws {
    let first = try #require(
      invicti.lookupRequest(invictiTrigger, cursor: nil, baseURL: "https://h:3443", token: "t"))
    #expect(first.method == "GET")
    #expect(
      first.url
        == "https://h:3443/api/v1/scans?q=target_id%3A2df49409-ee21-4080-9640-eb46f4610054&l=100")
    #expect(first.headers.map(\.name) == ["X-Auth", "accept"])
    let next = try #require(
      invicti.lookupRequest(invictiTrigger, cursor: "100", baseURL: "https://h:3443", token: "t"))
    #expect(next.url.hasSuffix("&l=100&c=100"))
    #expect(invicti.recoversLostTriggers)
    #expect(!s4e.recoversLostTriggers)
  }

  @Test func theRunningScanOfTheTargetAndProfileIsFound() {
    #expect(Self.lookup([Self.item("new")]) == "found(\"new\")")
  }

  @Test func scansThatCannotBeItAreSkipped() {
    let items = [
      Self.item("ended", status: "completed"), Self.item("aborted", status: "aborted"),
      Self.item("other-profile", profile: "11111111-1111-1111-1111-111111111111"),
      Self.item("other-target", target: "00000000-0000-4000-8000-000000000000"),
      Self.item("mine-already"),
    ]
    #expect(Self.lookup(items, owned: ["mine-already"]) == "notFound")
  }

  @Test func theMostRecentlyStartedFits() {
    let items = [
      Self.item("older", started: "2026-11-23T09:00:00Z"),
      Self.item("newer", started: "2026-11-23T10:30:00Z"),
      Self.item("queued-no-date", status: "scheduled", started: ""),
    ]
    #expect(Self.lookup(items) == "found(\"newer\")")
  }

  @Test func laterPagesAreFollowed() {
    #expect(Self.lookup([], pagination: #"{"next_cursor":"100"}"#) == "nextPage(\"100\")")
    #expect(Self.lookup([], pagination: #"{"next_cursor":200}"#) == "nextPage(\"200\")")
    #expect(Self.lookup([], pagination: #"{"cursors":["0","50"]}"#) == "nextPage(\"50\")")
    #expect(Self.lookup([], pagination: #"{"next_cursor":null}"#) == "notFound")
  }

  @Test func anOddListingIsAnErrorInWords() {
    #expect(
      outcome(
        invicti.lookup(answer(#"{"items":[]}"#), trigger: invictiTrigger, isOwned: { _ in false }))
        == "error: the scan list has no `scans` list")
    #expect(
      outcome(invicti.lookup(answer("<html>"), trigger: invictiTrigger, isOwned: { _ in false }))
        == "error: the scan list is not a JSON object")
  }
}
