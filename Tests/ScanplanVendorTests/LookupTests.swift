import ScanplanJSON
import ScanplanVendorKit
import ScanplanVendors
import Testing

/// Both vendors list an asset's scans, so that the scan a lost trigger made is found:
/// each listed scan, whether it is of the trigger's kind, its state and start, and the
/// next page.
@Suite struct LookupTests {
  static func item(
    _ id: String, status: String = "processing",
    profile: String = "11111111-1111-1111-1111-111111111112",
    target: String = "2df49409-ee21-4080-9640-eb46f4610054",
    started: String = "2026-11-23T10:00:00Z"
  ) -> String {
    #"{"scan_id":"\#(id)","target_id":"\#(target)","profile_id":"\#(profile)","current_session":{"status":"\#(status)","start_date":"\#(started)"}}"#
  }

  static func listing(_ items: [String], pagination: String = "{}") throws -> ScanListing {
    try invicti.listing(
      answer(#"{"scans":[\#(items.joined(separator: ","))],"pagination":\#(pagination)}"#),
      trigger: invictiTrigger
    ).get()
  }

  @Test func invictiListsTheTargetsScansPageByPage() throws {
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
    // Every vendor lists scans, so every vendor's lost trigger can be found.
    #expect(Vendors.all.allSatisfy { $0.api is any ListsScans })
  }

  @Test func invictiSaysWhichScansAreOfTheTriggersKind() throws {
    let listing = try Self.listing([
      Self.item("same"), Self.item("ended", status: "completed"),
      Self.item("other-profile", profile: "11111111-1111-1111-1111-111111111117"),
      Self.item("other-target", target: "00000000-0000-4000-8000-000000000001"),
      #"{"target_id":"2df49409-ee21-4080-9640-eb46f4610054"}"#,
    ])
    #expect(listing.scans.map(\.id) == ["same", "ended", "other-profile", "other-target"])
    #expect(listing.scans.map(\.matches) == [true, true, false, false])
    #expect(listing.scans.map(\.state) == [.running, .completed, .running, .running])
    #expect(listing.scans[0].started == "2026-11-23T10:00:00Z")
    #expect(listing.next == nil)
  }

  @Test(
    arguments: [
      (#"{"next_cursor":"100"}"#, "100"), (#"{"next_cursor":200}"#, "200"),
      (#"{"cursors":["0","50"]}"#, "50"), (#"{"next_cursor":null}"#, nil),
    ] as [(String, String?)])
  func invictiFollowsItsCursor(_ pagination: String, _ next: String?) throws {
    #expect(try Self.listing([], pagination: pagination).next == next)
  }

  static let s4eTrigger = TriggerInput(
    assetKeys: [AssetKey("asset_id", "a1b2c3d4-e5f6-7890-abcd-ef1234567890")],
    settings: ["scan_type": "web_app"])

  @Test func s4eListsTheAssetsScansOfTheScanType() throws {
    let first = try #require(
      s4e.lookupRequest(Self.s4eTrigger, cursor: nil, baseURL: "https://api.s4e.io", token: "t"))
    #expect(
      first.url
        == "https://api.s4e.io/api/scans?asset_id=a1b2c3d4-e5f6-7890-abcd-ef1234567890&scan_type=web_app&page=1&per_page=100"
    )
    let body = #"""
      {"data":[
        {"scan_id":"sc-2","asset_id":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","scan_type":"web_app","status":"completed","created_at":"2026-11-23T10:00:05Z"},
        {"scan_id":"sc-1","asset_id":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","scan_type":"ssl","status":"running","created_at":"2026-11-23T09:00:00Z"}],
       "meta":{"total":150,"page":1,"per_page":100,"total_pages":2}}
      """#
    let listing = try s4e.listing(answer(body), trigger: Self.s4eTrigger).get()
    #expect(listing.scans.map(\.id) == ["sc-2", "sc-1"])
    #expect(listing.scans.map(\.matches) == [true, false])
    #expect(listing.scans.map(\.state) == [.completed, .running])
    #expect(listing.next == "2")
    let last = try s4e.listing(
      answer(#"{"data":[],"meta":{"page":2,"total_pages":2}}"#), trigger: Self.s4eTrigger
    ).get()
    #expect(last.next == nil)
  }

  @Test(arguments: [
    ("invicti", #"{"items":[]}"#, "error: the scan list has no `scans` list"),
    ("invicti", "<html>", "error: the scan list is not a JSON object"),
    ("s4e", #"{"items":[]}"#, "error: the scan list has no `data` or `scans` list"),
  ])
  func aListingThatCannotBeReadSaysWhy(_ vendor: String, _ body: String, _ expected: String) {
    let (api, trigger) = vendor == "s4e" ? (s4e, Self.s4eTrigger) : (invicti, invictiTrigger)
    #expect(outcome(api.listing(answer(body), trigger: trigger)) == expected)
  }
}
