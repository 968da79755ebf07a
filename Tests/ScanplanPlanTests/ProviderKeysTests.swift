import ScanplanPlan
import ScanplanVendorKit
import Testing

/// The provider keys real services need: a `base_url` as the vendors' docs write it,
/// `ca_file`, `triggers_per_minute`, and the deadline every scan gets.
@Suite struct ProviderKeysTests {
  static func plan(provider: String) -> String {
    """
    version: 1
    providers:
      p:
    \(provider)
    assets:
      - name: a
        provider: p
        asset_id: a1b2c3d4-e5f6-7890-abcd-ef1234567890
        target_id: 2df49409-ee21-4080-9640-eb46f4610054
        user_authorized_to_scan: yes
        scans: [{ scan_type: quick, options: { timeout: 20m } }]
    """
  }

  @Test(arguments: [
    (
      "type: invicti\n    base_url: https://acunetix.internal:3443/api/v1/",
      "`base_url` ends with `/api/v1`, which scanplan adds to every Invicti request",
      "write `base_url: https://acunetix.internal:3443`"
    ),
    (
      "type: invicti\n    base_url: HTTPS://App.Invicti.com/API/V1",
      "`base_url` ends with `/api/v1`, which scanplan adds to every Invicti request",
      "write `base_url: https://app.invicti.com`"
    ),
    (
      "type: s4e\n    base_url: https://gateway.example.com/s4e/api",
      "`base_url` ends with `/api`, which scanplan adds to every S4E request",
      "write `base_url: https://gateway.example.com/s4e`"
    ),
  ])
  func aBaseURLCopiedFromTheVendorsDocsIsNamedWithItsFix(
    _ provider: String, _ message: String, _ help: String
  ) {
    let diagnostics = validate(Self.plan(provider: "    " + provider + "\n    token: ${T}"))
      .diagnostics.filter { $0.code == .apiPrefixInBaseURL }
    #expect(diagnostics.map(\.message) == [message])
    #expect(diagnostics.first?.help == [help])
  }

  @Test func pathsThatOnlyLookLikeThePrefixAreFine() {
    for url in ["https://api.s4e.io", "https://host/apis", "https://host/v2/api-gateway"] {
      let validation = validate(
        Self.plan(provider: "    type: s4e\n    base_url: \(url)\n    token: ${T}"))
      #expect(!validation.diagnostics.contains { $0.code == .apiPrefixInBaseURL }, "\(url)")
    }
  }

  @Test func theNewKeysResolveWithTheirDefaults() throws {
    let s4e = try #require(
      validate(Self.plan(provider: "    type: s4e\n    token: ${T}")).plan?.providers.first)
    #expect(s4e.triggersPerMinute == 10)
    #expect(s4e.caFile == nil)
    let invicti = try #require(
      validate(
        Self.plan(
          provider:
            "    type: invicti\n    token: ${T}\n    ca_file: certs/ca.pem\n    triggers_per_minute: 2.5"
        )
      ).plan?.providers.first)
    #expect(invicti.triggersPerMinute == 2.5)
    #expect(invicti.caFile == "certs/ca.pem")
  }

  @Test func everyScanHasADeadline() throws {
    let validation = validate(
      header + """
        assets:
          - name: web
            provider: s4e
            asset_id: a1b2c3d4-e5f6-7890-abcd-ef1234567890
            scans: [{ scan_type: quick }, { name: short, scan_type: ssl, options: { timeout: 15m } }]
          - name: api
            provider: inv
            target_id: 2df49409-ee21-4080-9640-eb46f4610054
            user_authorized_to_scan: yes
            scans: [{ profile_id: 11111111-1111-1111-1111-111111111112 }]
        """)
    let scans = try #require(validation.plan?.scans)
    #expect(scans.map { $0.deadline(timeout: nil) } == [5400, 2700, 259_200])
    #expect(scans.map { $0.deadline(timeout: 60) } == [60, 60, 60])
  }

  @Test func environmentReferencesAreNamedWhereTheyAreResolved() {
    let validation = validate(
      header + """
        assets:
          - name: web
            provider: s4e
            asset_id: a1b2c3d4-e5f6-7890-abcd-ef1234567890
            scans: [{ scan_type: "${TYPE}" }]
        """)
    #expect(
      validation.diagnostics.first?.help == [
        "environment references are resolved in `base_url`, `token`, `api_key`, `ca_file`, "
          + "`asset_id`, `target_id`, `url` and `profile_id`"
      ])
  }
}
