import ScanplanJSON
import ScanplanVendorKit
import ScanplanVendors
import Testing

/// The registry: one place that lists the vendors, each complete and distinct.
@Suite struct RegistryTests {
  @Test func everyVendorIsDistinctAndComplete() {
    #expect(!Vendors.all.isEmpty)
    #expect(Set(Vendors.types.map(\.rawValue)).count == Vendors.all.count)
    for vendor in Vendors.all {
      #expect(vendor.api.type == vendor.type)
      #expect(vendor.table.type == vendor.type)
      #expect(Vendors.type(named: vendor.type.rawValue) == vendor.type)
      #expect(vendor.table.apiPrefix.hasPrefix("/") && !vendor.table.apiPrefix.hasSuffix("/"))
      #expect(vendor.emulation.pathPrefix.hasPrefix(vendor.table.apiPrefix + "/"))
      #expect(!vendor.emulation.sandboxToken.isEmpty)
      // Names are what plans write: lowercase, no spaces.
      #expect(vendor.type.rawValue.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" })
      // The emulator tells vendors apart by their paths.
      for other in Vendors.all where other.type != vendor.type {
        #expect(other.emulation.pathPrefix != vendor.emulation.pathPrefix)
      }
      // Every scan has a deadline, so every run ends.
      #expect(vendor.table.deadline.seconds { _ in nil } > 0)
    }
    #expect(Vendors.type(named: "S4E") == nil)
  }

  @Test func deadlinesFollowTheVendorsRules() {
    let s4e = Vendors.tables[0].deadline
    #expect(s4e.seconds { _ in nil } == 3600 + 1800)
    #expect(s4e.seconds { $0 == ["options", "timeout"] ? .int(900) : nil } == 900 + 1800)
    #expect(s4e.seconds { _ in .int(.max) } == .max)
    #expect(Vendors.tables[1].deadline.seconds { _ in nil } == 72 * 3600)
  }

  @Test func requestsCarryTheirTokenWhereTheVendorWantsIt() {
    let input = TriggerInput(
      assetKeys: [AssetKey("asset_id", "a1b2c3d4-e5f6-7890-abcd-ef1234567890")],
      settings: ["scan_type": "quick"])
    let request = Vendors.all[0].api.triggerRequest(
      input, baseURL: "https://api.s4e.io", token: "T")
    #expect(request.url == "https://api.s4e.io/api/scan/create")
    #expect(request.headers.first?.name == "Authorization")
    #expect(request.headers.first?.value == "Bearer T")
    let poll = Vendors.all[1].api.pollRequest(scanID: "a/b?c", baseURL: "https://h", token: "T")
    // An id from a server cannot change the path it is put into.
    #expect(poll.url == "https://h/api/v1/scans/a%2Fb%3Fc")
  }
}
