import ScanplanPlan
import ScanplanYAML
import Testing

/// The wording of messages that name what they are about; the fixtures check codes and
/// positions, these check that the subject of a message is the right one.
@Suite struct MessageTests {
  static func messages(_ assets: String) -> [String] {
    validate(header + "assets:\n" + assets).diagnostics.map(\.message)
  }

  @Test func missingVendorKeysNameTheAssetAndProvider() {
    let messages = Self.messages(
      """
        - name: web
          provider: s4e
          scans: [{ scan_type: quick }]
        - provider: s4e
          scans: [{ scan_type: quick }]
      """)
    #expect(
      messages.contains("asset `web` has no `asset_id`, which S4E assets need (provider `s4e`)"))
    #expect(messages.contains("asset #2 has no `name`"))
    #expect(messages.contains("asset #2 has no `asset_id`, which S4E assets need (provider `s4e`)"))
  }

  @Test func scanMessagesNameTheScan() {
    let messages = Self.messages(
      """
        - name: web
          provider: s4e
          asset_id: a1b2c3d4-e5f6-7890-abcd-ef1234567890
          scans:
            - name: nightly
              options: { max_depth: 3 }
            - name: nightly
              scan_type: quick
            - options: { timeout: 60 }
      """)
    #expect(messages.contains("scan `web/nightly` has no `scan_type`"))
    #expect(messages.contains("asset `web` has two scans named `nightly`"))
    #expect(messages.contains("scan #3 of asset `web` has no `scan_type`"))
  }

  @Test func vendorMessagesNameTheProviderType() {
    let messages = Self.messages(
      """
        - name: api
          provider: inv
          target_id: 2df49409-ee21-4080-9640-eb46f4610054
          user_authorized_to_scan: yes
          scans:
            - profile_id: 11111111-1111-1111-1111-111111111112
              scan_type: ssl
      """)
    // A key two vendors share is named as both's.
    #expect(
      messages == ["`scan_type` is an S4E and ZAP setting, but provider `inv` is of type invicti"])
  }

  /// The messages a new user found misleading: each says what to write instead.
  @Test func helpSaysWhatToWrite() {
    let plan = """
      version: 1
      providers:
        inv: { type: invicti, token: INVICTI_TOKEN }
        inv2: { type: invicti, token: $INVICTI_TOKEN }
        zap: { type: zap, api_key: "secret" }
      assets:
        - name: api
          provider: inv
          target_id: 2df49409-ee21-4080-9640-eb46f4610054
          scan_type: full
          scans:
            - profile_id: 11111111-1111-1111-1111-111111111112
              fail_on: { critical: 0 }
      """
    let diagnostics = validate(plan).diagnostics
    func help(_ message: String) -> [String] {
      diagnostics.first { $0.message.contains(message) }?.help ?? ["no such message: \(message)"]
    }
    // The vendor's own conventional variable, not S4E's.
    #expect(
      help("`token` holds a literal credential")
        == ["store it in an environment variable and write `token: ${INVICTI_API_TOKEN}`"])
    #expect(
      help("`api_key` holds a literal credential")
        == ["store it in an environment variable and write `api_key: ${ZAP_API_KEY}`"])
    // A shell's `$NAME` is named, and shown with braces.
    #expect(
      diagnostics.contains {
        $0.message == "`token` is the text `$INVICTI_TOKEN`, not an environment reference"
      })
    #expect(
      help("`$INVICTI_TOKEN`") == ["references take braces: write `token: ${INVICTI_TOKEN}`"])
    #expect(
      help("has no `user_authorized_to_scan`").first?.hasPrefix(
        "add `user_authorized_to_scan: yes`") == true)
    #expect(
      help("unknown key `scan_type` in an asset")
        == ["`scan_type` belongs in a profile, not in an asset; S4E and ZAP scans take it"])
    #expect(
      help("`critical` must be at least 1, found 0") == [
        "a gate counts findings from 1: `critical: 1` fails on the first critical finding; "
          + "leave `critical` out to not gate on it"
      ])
  }
}
