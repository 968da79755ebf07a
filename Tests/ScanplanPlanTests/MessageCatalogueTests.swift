import ScanplanVendorKit
import ScanplanVendors
import Testing

@testable import ScanplanPlan
@testable import ScanplanYAML

/// Every message type, one value of each case: the wording follows the house style, and
/// every code of the catalogue has a message that says it.
@Suite struct MessageCatalogueTests {
  static let format = PlanFormat(registry: Vendors.registry)
  static let s4e = Vendors.all[0].table
  static let invicti = Vendors.all[1].table
  static let uuidField = format.asset.field("asset_id")!

  static let planMessages: [any DiagnosticMessage] = [
    FileMessage.tooManyProblems(hidden: 3),
    FileMessage.unreadableFile(reason: "permission denied"), FileMessage.emptyFile,
    FileMessage.rootNotMapping(found: "a list"),
    ShapeMessage.wrongType(key: "rate", expected: "a number", found: "a list", unquoted: "3"),
    ShapeMessage.unknownKey(key: "scna_type", shape: format.scan, home: nil),
    ShapeMessage.unknownKey(key: "max_depth", shape: format.scan, home: format.provider),
    ShapeMessage.missingKey(subject: "asset `web`", field: uuidField),
    ShapeMessage.missingVendorKey(
      subject: "asset `web`", field: uuidField, vendor: "S4E", provider: "s4e"),
    ShapeMessage.missingAfterMerge(scan: "scan `web/a`", key: "scan_type", provider: "s4e"),
    ShapeMessage.tooFewItems(key: "assets", minimum: 1),
    ShapeMessage.noNamedEntries(key: "providers"),
    ValueMessage.unreadableReference(key: "asset_id", reason: "`${` is not closed"),
    ValueMessage.referenceNotAllowed(key: "scan_type", allowed: format.environmentKeys),
    ValueMessage.invalidUUID(key: "asset_id", found: "nope"),
    ValueMessage.invalidChoice(key: "scan_type", value: "quik", shown: "quik", choices: ["quick"]),
    ValueMessage.unsupportedVersion(found: 2),
    ValueMessage.notAuthorized(key: "user_authorized_to_scan", found: "nothing"),
    ValueMessage.integerBelow(key: "max_depth", minimum: 1, found: 0),
    ValueMessage.integerTooLarge(key: "max_depth"), ValueMessage.numberTooLarge(key: "rate"),
    ValueMessage.notFinite(key: "rate"),
    ValueMessage.numberNotAbove(key: "rate", limit: "0", found: "0"),
    ValueMessage.numberBelow(key: "multiplier", limit: "1", found: "0.5"),
    ValueMessage.zeroTimeout, ValueMessage.yaml11Boolean(text: "yes", meant: true),
    ValueMessage.negativeDuration(key: "timeout"), ValueMessage.durationTooLong(key: "timeout"),
    ValueMessage.fractionalDuration(key: "timeout"),
    ValueMessage.unreadableDuration(text: "5q", reason: "`q` is not a unit"),
    ValueMessage.credentialsInURL(key: "base_url"),
    ValueMessage.insecureURL(key: "base_url", host: "example.com"),
    ValueMessage.invalidURL(key: "base_url", text: "ht!tp", reason: "no scheme"),
    ValueMessage.tokenWithFallback(key: "token", variable: "S4E_API_TOKEN"),
    ValueMessage.tokenNotOneReference(key: "token", variable: "INVICTI_API_TOKEN"),
    ValueMessage.literalToken(key: "api_key", variable: "ZAP_API_KEY"),
    ValueMessage.bareReference(key: "token", name: "INVICTI_TOKEN"),
    ValueMessage.plainHTTP(key: "base_url", host: "zap"),
    VendorFitMessage.providerKeyOfOtherVendor(
      key: "token", owners: [s4e, invicti], provider: "zap", table: s4e),
    NameMessage.invalidName("wéb"), NameMessage.duplicateAsset(name: "web"),
    NameMessage.duplicateScan(asset: "asset `web`", name: "a"),
    NameMessage.unknownProvider(name: "s4", defined: ["s4e"]),
    NameMessage.unknownProfile(name: "deep", defined: []),
    NameMessage.unusedProfile(name: "deep"), NameMessage.extendsCycle(cycle: "a -> b -> a"),
    VendorFitMessage.assetKeyOfOtherVendor(
      key: "asset_id", owners: [s4e], provider: "inv", table: invicti),
    VendorFitMessage.settingOfOtherVendor(
      key: "scan_type", owners: [s4e], owner: "provider `inv`", table: invicti,
      accepted: ["profile_id"]),
    VendorFitMessage.settingOfOtherVendor(
      key: "options.recurse", owners: [], owner: "provider `s`", table: s4e,
      accepted: ["max_depth"]),
    VendorFitMessage.valueOfOtherVendor(
      key: "scan_type", value: "spider", owners: [invicti], owner: "scan `a/b`", table: s4e,
      accepted: ["full", "quick"]),
    VendorFitMessage.profileMismatch(
      profile: "p", provider: "inv", table: invicti, what: "`scan_type` is an S4E setting",
      accepted: ["profile_id"]),
    VendorFitMessage.mixedProfile(
      name: "p", keys: [("Invicti", "profile_id"), ("S4E", "scan_type")]),
    VendorFitMessage.apiPrefixInBaseURL(table: s4e, fixed: "https://api.s4e.io"),
    VendorFitMessage.pollIntervalClamped(key: "initial_interval", reason: nil),
    VendorFitMessage.pollIntervalClamped(key: "initial_interval", reason: s4e.pollFloorNote),
    VendorFitMessage.pollIntervalOrder(initial: 60, maximum: 30),
    VendorFitMessage.unusedSetting(key: "x", value: "quick", reason: "no", others: ["full"]),
    VendorFitMessage.gateNeverChecked(scan: "scan `web/a`"),
  ]

  static let yamlMessages: [YAMLMessage] = [
    .invalidCharacter(shown: "NUL"),
    .invalidUTF8(problem: "invalid leading UTF-8 octet", byte: "FF"),
    .byteOrderMark(utf32: false),
    .syntax(problem: "found character that cannot start any token", tabIndented: true),
    .outOfMemory, .couldNotStart, .endedEarly, .unexpected("stopped"), .multipleDocuments,
    .recursiveAlias(name: "a"), .undefinedAlias(name: "a"), .aliasExpansion(limit: 10_000),
    .nestingTooDeep(limit: 64), .unsupportedTag(shown: "!custom"), .nonScalarKey(found: "list"),
    .duplicateKey(key: "name"), .mergeListItem(found: "list"), .mergeValue,
    .fileTooLarge(size: "11 MiB", limit: "10 MiB"),
  ]

  /// Lowercase unless it starts with a vendor's name, no trailing period, one line: a
  /// sentence that reads inside `path:line:col: error:`.
  static func isHouseStyle(_ text: String) -> Bool {
    guard let first = text.first else { return false }
    let startsWithName = Vendors.tables.contains {
      text.hasPrefix($0.displayName + " ") || text.hasPrefix($0.displayName + "'s ")
    }
    return (!first.isUppercase || startsWithName) && !text.hasSuffix(".")
      && !text.contains("\n")
  }

  @Test func everyMessageIsWrittenInTheHouseStyle() {
    for message in Self.planMessages {
      #expect(Self.isHouseStyle(message.message), "\(message)")
      for line in message.help { #expect(Self.isHouseStyle(line), "\(message): \(line)") }
    }
    for message in Self.yamlMessages {
      // libyaml's own problem text is passed on as it is.
      if case .syntax = message { continue }
      #expect(Self.isHouseStyle(message.message), "\(message)")
      if let help = message.help { #expect(Self.isHouseStyle(help), "\(message): \(help)") }
    }
  }

  @Test func everyCodeOfTheCatalogueHasAMessage() {
    let said =
      Set(Self.planMessages.map(\.code))
      .union(Self.yamlMessages.map { PlanValidator.code(for: $0.kind) })
    let unsaid = DiagnosticCode.all.filter { !said.contains($0) }.map(\.id)
    #expect(unsaid == [])
  }

  /// Where a value of a setting several vendors declare as a choice is written, and
  /// the help P104 gives there.
  struct SharedChoice: Sendable, CustomTestStringConvertible {
    let place: String
    /// The plan's `providers`, `profiles` and `assets`, after its version.
    let body: String
    let help: [String]
    var testDescription: String { place }
  }

  // Block style: `}` would end a flow mapping inside `${...}`.
  static let zapProvider = """
    providers:
      zap:
        type: zap
        base_url: http://127.0.0.1:8080
        api_key: ${ZAP_API_KEY}
    """
  static let s4eProvider = """
    providers:
      s4e:
        type: s4e
        token: ${S4E_API_TOKEN}
    """
  static let s4eValues = "`scan_type` takes `full`, `quick`, `web_app`, `network`, `api` or `ssl`"
  static let everyVendorsValues = s4eValues + " on S4E; `spider` or `active` on ZAP"

  static let sharedChoices: [SharedChoice] = [
    SharedChoice(
      place: "a scan of an S4E asset",
      body: """
        \(s4eProvider)
        assets:
          - { name: web, provider: s4e, asset_id: 8c1f6f0e-59a2-4a44-9a53-4f8a8f2e0b11,
              scans: [{ scan_type: fulll }] }
        """, help: ["did you mean `full`?", s4eValues]),
    SharedChoice(
      place: "a scan of a ZAP asset",
      body: """
        \(zapProvider)
        assets:
          - { name: web, provider: zap, url: https://shop.example.test/,
              scans: [{ scan_type: activ }] }
        """, help: ["did you mean `active`?", "`scan_type` takes `spider` or `active`"]),
    SharedChoice(
      place: "an S4E provider's defaults",
      body: """
        \(s4eProvider)
            defaults: { scan_type: quik }
        assets:
          - { name: web, provider: s4e, asset_id: 8c1f6f0e-59a2-4a44-9a53-4f8a8f2e0b11 }
        """, help: ["did you mean `quick`?", s4eValues]),
    // A profile belongs to no vendor; an asset whose provider is unknown has none yet.
    SharedChoice(
      place: "a profile",
      body: """
        \(zapProvider)
        profiles: { p: { scan_type: spidr } }
        assets:
          - { name: web, provider: zap, url: https://shop.example.test/, scans: [{ profile: p }] }
        """, help: ["did you mean `spider`?", everyVendorsValues]),
    SharedChoice(
      place: "a scan of an asset whose provider is not defined",
      body: """
        \(zapProvider)
        assets:
          - { name: web, provider: nope, url: https://shop.example.test/,
              scans: [{ scan_type: fulll }] }
        """, help: ["did you mean `full`?", everyVendorsValues]),
  ]

  /// A setting several vendors declare as a choice is shown against the values of the
  /// vendor it is written for, when the plan says which: the union would offer ZAP's
  /// `spider` to an S4E scan. Where no vendor is known, each vendor's values are listed
  /// apart.
  @Test(arguments: sharedChoices)
  func aSharedChoiceIsShownAgainstItsVendorsValues(_ fixture: SharedChoice) throws {
    let diagnostics = validate("version: 1\n" + fixture.body + "\n").diagnostics
    let diagnostic = try #require(
      diagnostics.first { $0.code.id == "P104" }, "\(diagnostics.map(\.message))")
    #expect(diagnostic.help == fixture.help)
  }

  @Test func messagesCarryTheirFactsIntoTheirHelp() {
    #expect(
      ValueMessage.invalidChoice(
        key: "scan_type", value: "quik", shown: "quik", choices: ["quick", "full"]
      ).help == [
        "did you mean `quick`?", "`scan_type` takes `quick` or `full`",
      ])
    #expect(
      NameMessage.invalidName("wéb").message
        == "`wéb` is not a valid name: it contains U+00E9 LATIN SMALL LETTER E WITH ACUTE")
    #expect(NameMessage.invalidName("wéb").help.count == 2)
    #expect(NameMessage.invalidName("a b").help.count == 1)
    #expect(
      NameMessage.unknownProfile(name: "deep", defined: []).help == [
        "the plan defines no profiles; add one under `profiles:`"
      ])
    #expect(NameMessage.unknownProvider(name: "zzz", defined: []).help == [])
    #expect(
      YAMLMessage.syntax(
        problem: "mapping values are not allowed in this context", tabIndented: false
      ).help == "quote a value that contains `: `, or check the indentation of this line")
    #expect(
      YAMLMessage.syntax(problem: "anything", tabIndented: true).help
        == "indent with spaces; YAML does not allow tabs in indentation")
  }
}
