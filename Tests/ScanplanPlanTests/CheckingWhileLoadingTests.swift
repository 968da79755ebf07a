import ScanplanPlan
import ScanplanYAML
import Testing

/// Assets are checked while the file loads when the layout allows it; these tests hold
/// that the outcome is exactly that of checking the loaded file, whatever the layout.
@Suite struct CheckingWhileLoadingTests {
  /// The same source validated both ways; expects identical outcomes.
  @discardableResult
  static func compare(_ source: SourceText, resolving: Bool = true) -> (
    early: PlanValidation, late: PlanValidation
  ) {
    let early = PlanValidator(resolving: resolving).validate(source)
    let late = PlanValidator(resolving: resolving, checksWhileLoading: false).validate(source)
    #expect(!late.checkedWhileLoading)
    #expect(early.diagnostics == late.diagnostics, "\(source.path)")
    #expect(early.secretRanges == late.secretRanges, "\(source.path)")
    #expect(
      String(describing: early.plan) == String(describing: late.plan), "\(source.path)")
    return (early, late)
  }

  static func text(_ yaml: String) -> SourceText { SourceText(path: "plan.yaml", text: yaml) }

  @Test(arguments: Fixture.all())
  func everyFixtureComesOutTheSame(_ fixture: Fixture) {
    Self.compare(SourceText(path: fixture.name, bytes: fixture.bytes))
    Self.compare(SourceText(path: fixture.name, bytes: fixture.bytes), resolving: false)
  }

  @Test func mostFixturesAreCheckedWhileLoading() {
    let fixtures = Fixture.all()
    let early = fixtures.filter {
      PlanValidator().validate(SourceText(path: $0.name, bytes: $0.bytes)).checkedWhileLoading
    }
    // The others have no `assets` list, fail to load, or use a layout that is checked late.
    #expect(early.count * 2 > fixtures.count, "\(early.count) of \(fixtures.count)")
  }

  @Test func everyExampleIsCheckedWhileLoading() throws {
    let root = String(#filePath.split(separator: "/Tests/")[0])
    let inputs = try PlanInputs.expand([
      root.hasPrefix("/") ? root + "/examples" : "/" + root + "/examples"
    ]).get()
    for input in inputs {
      guard case .file(let path) = input else { continue }
      let source = SourceText(path: path, bytes: readFile(path))
      #expect(Self.compare(source).early.checkedWhileLoading, "\(path)")
    }
  }

  static let providers = """
    providers:
      s4e: { type: s4e, token: "${S4E_API_TOKEN}" }

    """
  static let profiles = """
    profiles:
      web: { scan_type: web_app }
      unused: { scan_type: network }

    """
  static let assets = """
    assets:
      - name: a
        provider: s4e
        asset_id: 1e2feb89-414c-443c-9027-c4d1c386bbc4
        scans: [{ profile: web }, { profile: missing }]
      - name: a
        provider: s4f
        asset_id: not-a-uuid
        scans: [{ scan_type: network }]

    """

  /// Layouts where what is read early is not what the whole file says, or where the
  /// list is not written under `assets`: the file is checked once loaded.
  static let lateLayouts: [(name: String, yaml: String)] = [
    ("profiles after assets", "version: 1\n" + providers + assets + profiles),
    ("providers after assets", "version: 1\n" + profiles + assets + providers),
    (
      "profiles merged into the root",
      """
      x-base: &base
        profiles:
          web: { scan_type: web_app }
      version: 1
      <<: *base

      """ + providers + assets
    ),
    ("an unsupported version after assets", providers + profiles + assets + "version: 2\n"),
    (
      "assets through an alias",
      "version: 1\n" + providers + profiles
        + assets.replacing("assets:\n", with: "x-assets: &list\n") + "assets: *list\n"
    ),
  ]

  @Test(arguments: lateLayouts.map(\.name))
  func layoutsReadTooEarlyAreCheckedAgain(_ name: String) {
    let yaml = Self.lateLayouts.first { $0.name == name }!.yaml
    let (early, _) = Self.compare(Self.text(yaml))
    #expect(!early.checkedWhileLoading)
    #expect(!early.diagnostics.isEmpty)
  }

  @Test func theUsualLayoutIsCheckedWhileLoading() {
    let (early, _) = Self.compare(
      Self.text("version: 1\n" + Self.providers + Self.profiles + Self.assets))
    #expect(early.checkedWhileLoading)
    #expect(
      early.diagnostics.map(\.code.id).sorted() == ["P109", "R201", "R202", "R204", "W503"],
      "\(early.diagnostics.map(\.message))")
  }

  @Test func keysAfterAssetsThatAreNotReadEarlyAreFine() {
    let yaml = Self.providers + Self.profiles + Self.assets + "version: 1\nx-note: written last\n"
    #expect(Self.compare(Self.text(yaml)).early.checkedWhileLoading)
  }

  @Test func aRepeatedRootKeyBeforeAssetsIsReadAsTheLoaderKeepsIt() {
    let yaml = "version: 1\n" + Self.providers + Self.providers + Self.profiles + Self.assets
    let (early, _) = Self.compare(Self.text(yaml))
    #expect(early.diagnostics.contains { $0.code.id == "Y004" })
  }

  /// Large enough for libyaml to run on a thread of its own, with problems spread
  /// through it.
  @Test func aLargePlanComesOutTheSame() {
    var yaml = "version: 1\n" + Self.providers + Self.profiles + "assets:\n"
    for index in 0..<2500 {
      let name = index % 997 == 5 ? "asset-5" : "asset-\(index)"
      let provider = index % 1201 == 7 ? "s4x" : "s4e"
      let uuid = index % 1501 == 9 ? "nope" : "1e2feb89-414c-443c-9027-c4d1c386bbc4"
      yaml += """
          - name: \(name)
            provider: \(provider)
            asset_id: \(uuid)
            tags: [team-\(index % 7), prod]
            scans:
              - profile: web
              - name: extra
                scan_type: network
                options: { timeout: \(index + 1) }

        """
    }
    #expect(yaml.utf8.count > 256 * 1024)
    let (early, _) = Self.compare(Self.text(yaml))
    #expect(early.checkedWhileLoading)
    #expect(early.plan?.scans.count ?? 0 > 4900)
    let codes = early.diagnostics.map(\.code.id)
    #expect(codes.filter { $0 == "R204" }.count == 2)  // asset-5, three times
    #expect(codes.filter { $0 == "R201" }.count == 3)
    #expect(codes.filter { $0 == "P109" }.count == 2)
    #expect(codes.filter { $0 == "W503" }.count == 1)
    #expect(codes.count == 8, "\(early.diagnostics.map(\.message))")
  }
}
