import ScanplanJSON
import ScanplanPlan
import ScanplanRendering
import ScanplanVendorKit
import ScanplanVendors
import ScanplanYAML
import Testing

func validate(_ text: String, path: String = "plan.yaml") -> PlanValidation {
  PlanValidator(registry: Vendors.registry).validate(SourceText(path: path, text: text))
}

let header = """
  version: 1
  providers:
    s4e:
      type: s4e
      token: ${S4E_API_TOKEN}
    inv:
      type: invicti
      token: ${INVICTI_API_TOKEN}

  """

@Suite struct ResolvedPlanTests {
  @Test func everyExampleIsValid() throws {
    let root = String(#filePath.split(separator: "/Tests/")[0])
    let inputs = try PlanInputs.expand([
      root.hasPrefix("/") ? root + "/examples" : "/" + root + "/examples"
    ]).get()
    #expect(inputs.count >= 5)
    for input in inputs {
      let validation = PlanValidator(registry: Vendors.registry).validate(input)
      #expect(validation.diagnostics.isEmpty, "\(input): \(validation.diagnostics.map(\.message))")
      #expect(validation.plan?.scans.isEmpty == false)
    }
  }

  @Test func settingsMergeDefaultsThenProfileChainThenScan() throws {
    let text = """
      version: 1
      providers:
        s4e:
          type: s4e
          token: ${S4E_API_TOKEN}
          defaults:
            options: { follow_redirects: false, max_depth: 2, timeout: 1h }
      profiles:
        base:
          scan_type: web_app
          options: { max_depth: 4 }
        deep:
          extends: base
          options: { max_depth: 8, enable_bruteforce: true }
      assets:
        - name: web
          provider: s4e
          asset_id: a1b2c3d4-e5f6-7890-abcd-ef1234567890
          scans:
            - profile: deep
              options: { timeout: 90s }
      """
    let validation = validate(text)
    #expect(validation.diagnostics.isEmpty)
    let scan = try #require(validation.plan?.scans.first)
    #expect(scan.id == "web/deep")
    #expect(scan.setting("scan_type") == "web_app")
    #expect(scan.setting("options", "follow_redirects") == false)  // from defaults
    #expect(scan.setting("options", "max_depth") == 8)  // deep over base over defaults
    #expect(scan.setting("options", "enable_bruteforce") == true)
    #expect(scan.setting("options", "timeout") == 90)  // the scan's own, in seconds
    // Table order, whatever order the plan wrote them in.
    #expect(
      scan.settings.map { $0.path.joined(separator: ".") } == [
        "scan_type", "options.follow_redirects", "options.max_depth", "options.timeout",
        "options.enable_bruteforce",
      ])
  }

  @Test func scanIdsAreStableAndUnique() throws {
    let text =
      header + """
        profiles:
          web: { scan_type: web_app }
        assets:
          - name: shop
            provider: s4e
            asset_id: a1b2c3d4-e5f6-7890-abcd-ef1234567890
            scans:
              - profile: web
              - profile: web
              - scan_type: ssl
              - scan_type: ssl
              - name: ssl
                scan_type: ssl
              - name: custom
                scan_type: quick
          - name: api
            provider: inv
            target_id: 2df49409-ee21-4080-9640-eb46f4610054
            user_authorized_to_scan: "yes"
            scans:
              - profile_id: 11111111-1111-1111-1111-111111111112
        """
    let validation = validate(text)
    #expect(validation.diagnostics.isEmpty, "\(validation.diagnostics.map(\.message))")
    let ids = validation.plan?.scans.map(\.id)
    // The explicit `ssl` keeps its exact id; the unnamed ssl scans step around it.
    #expect(
      ids == [
        "shop/web", "shop/web#2", "shop/ssl#2", "shop/ssl#3", "shop/ssl", "shop/custom", "api/scan",
      ])
  }

  @Test func providersGetTheirTypesDefaults() throws {
    let validation = validate(
      header + """
        assets:
          - name: web
            provider: s4e
            asset_id: a1b2c3d4-e5f6-7890-abcd-ef1234567890
            scans: [{ scan_type: quick }]
          - name: api
            provider: inv
            target_id: 2df49409-ee21-4080-9640-eb46f4610054
            user_authorized_to_scan: true
            scans: [{ profile_id: 11111111-1111-1111-1111-111111111112 }]
        """)
    let plan = try #require(validation.plan)
    let s4e = try #require(plan.provider(named: "s4e"))
    #expect(s4e.baseURL == "https://api.s4e.io")
    #expect(s4e.tokenVariable == "S4E_API_TOKEN")
    #expect(s4e.requestsPerSecond == 1)
    #expect(
      s4e.poll == PollPolicy(initialInterval: 5, maxInterval: 60, multiplier: 2, timeout: nil))
    #expect(s4e.onConflict == .adopt)
    let invicti = try #require(plan.provider(named: "inv"))
    #expect(invicti.baseURL == "https://platform.invicti.com")
    #expect(
      invicti.poll
        == PollPolicy(initialInterval: 300, maxInterval: 600, multiplier: 2, timeout: nil))
    let api = try #require(plan.scans.last)
    // Whatever the plan wrote, the request carries the string "yes".
    #expect(api.assetKeys.map(\.key) == ["target_id", "user_authorized_to_scan"])
    #expect(api.assetKeys.last?.value == "yes")
    #expect(api.setting("schedule", "disable") == nil)
  }

  @Test func pollSettingsAreReadAndClampedToOneSecond() throws {
    let validation = validate(
      """
      version: 1
      providers:
        s4e:
          type: s4e
          base_url: http://127.0.0.1:8080/
          token: ${T}
          requests_per_second: 0.5
          max_concurrent_scans: 3
          on_conflict: fail
          poll: { initial_interval: 0, max_interval: 1m30s, multiplier: 1.5, timeout: 2h }
      assets:
        - name: web
          provider: s4e
          asset_id: A1B2C3D4-E5F6-7890-ABCD-EF1234567890
          scans: [{ scan_type: full, wait: false }]
      """)
    #expect(validation.diagnostics.map(\.code) == [.pollIntervalClamped])
    #expect(!validation.hasErrors)
    let provider = try #require(validation.plan?.providers.first)
    #expect(provider.baseURL == "http://127.0.0.1:8080")
    #expect(provider.requestsPerSecond == 0.5)
    #expect(provider.maxConcurrentScans == 3)
    #expect(provider.onConflict == .fail)
    #expect(
      provider.poll
        == PollPolicy(initialInterval: 1, maxInterval: 90, multiplier: 1.5, timeout: 7200))
    #expect(validation.plan?.scans.first?.wait == false)
    #expect(validation.strict().hasErrors)
  }

  @Test func anchorsMergeKeysAndExtensionKeysWork() throws {
    let validation = validate(
      header + """
        x-web: &web
          scan_type: web_app
          options: { max_depth: 3 }
        x-asset: &asset
          provider: s4e
          asset_id: a1b2c3d4-e5f6-7890-abcd-ef1234567890
        assets:
          - <<: *asset
            name: one
            scans: [*web]
          - <<: *asset
            name: two
            scans:
              - <<: *web
                options: { max_depth: 5 }
        """)
    #expect(validation.diagnostics.isEmpty, "\(validation.diagnostics.map(\.message))")
    let scans = try #require(validation.plan?.scans)
    #expect(scans.map(\.id) == ["one/web_app", "two/web_app"])
    #expect(scans[1].setting("options", "max_depth") == 5)
  }

  @Test func environmentReferencesAreKeptUnresolved() throws {
    let validation = validate(
      """
      version: 1
      providers:
        s4e:
          type: s4e
          base_url: https://${S4E_HOST:-api.s4e.io}/v2
          token: ${S4E_API_TOKEN}
      assets:
        - name: web
          provider: s4e
          asset_id: ${WEB_ASSET_ID}
          scans: [{ scan_type: api }]
      """)
    #expect(validation.diagnostics.isEmpty, "\(validation.diagnostics.map(\.message))")
    #expect(validation.plan?.providers.first?.baseURL == "https://${S4E_HOST:-api.s4e.io}/v2")
    #expect(validation.plan?.scans.first?.assetKeys.first?.value == "${WEB_ASSET_ID}")
  }

  @Test func failOnAndWaitResolve() throws {
    let validation = validate(
      header + """
        profiles:
          gate:
            profile_id: 11111111-1111-1111-1111-111111111112
            fail_on: { critical: 1, high: 5 }
        assets:
          - name: api
            provider: inv
            target_id: 2df49409-ee21-4080-9640-eb46f4610054
            user_authorized_to_scan: yes
            scans:
              - profile: gate
                fail_on: { high: 2, low: 50 }
        """)
    let scan = try #require(validation.plan?.scans.first)
    #expect(scan.failOn.map(\.severity) == ["critical", "high", "low"])
    #expect(scan.failOn.map(\.count) == [1, 2, 50])
    #expect(scan.wait)
  }

  @Test func literalTokensAreMaskedAndNeverInAMessage() {
    let secret = "s4e_live_0123456789abcdef"
    let validation = validate(
      header.replacingFirst("${S4E_API_TOKEN}", with: secret) + """
        assets:
          - name: web
            provider: s4e
            asset_id: a1b2c3d4-e5f6-7890-abcd-ef1234567890
            scans: [{ scan_type: quick }]
        """)
    #expect(validation.diagnostics.map(\.code) == [.literalToken])
    #expect(validation.secretRanges.count == 1)
    for format in [
      TextRenderer(color: false).render([validation]), JSONDiagnosticsRenderer.render([validation]),
      GitHubAnnotationRenderer.render([validation]),
      SARIFRenderer.render([validation], toolVersion: "t"),
    ] {
      #expect(!format.contains(secret))
      #expect(!format.contains("0123456789"))
    }
  }
}

extension String {
  func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = firstRange(of: target) else { return self }
    return self[..<range.lowerBound] + replacement + self[range.upperBound...]
  }
}
