/// A stable diagnostic code. Codes never change meaning and are never reused; the
/// catalogue below is the documentation (`scanplan explain`, docs/diagnostics.md).
package struct DiagnosticCode: Hashable, Sendable, CustomStringConvertible {
  /// The code as printed: a letter for the family and three digits.
  package let id: String
  /// A kebab-case name, used as the SARIF rule name.
  package let name: String
  /// The severity the code has unless `--strict` raises it.
  package let severity: Severity
  /// One line on what the code means.
  package let summary: String

  init(_ id: String, _ name: String, _ summary: String) {
    self.init(id, name, .error, summary)
  }

  init(_ id: String, _ name: String, _ severity: Severity, _ summary: String) {
    self.id = id
    self.name = name
    self.severity = severity
    self.summary = summary
  }

  package var description: String { id }

  /// Codes are identified by `id` alone.
  package static func == (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.id == rhs.id }

  /// Hashes the `id`.
  package func hash(into hasher: inout Hasher) { hasher.combine(id) }

  /// The code with this id.
  package static func named(_ id: String) -> DiagnosticCode? {
    let wanted = id.uppercased()
    return all.first { $0.id == wanted }
  }
}

extension DiagnosticCode {
  // MARK: Y: the file and its YAML

  /// libyaml could not parse the file.
  package static let yamlSyntax = DiagnosticCode(
    "Y001", "yaml-syntax", "the file is not valid YAML; the message is libyaml's")
  /// Not UTF-8.
  package static let invalidEncoding = DiagnosticCode(
    "Y002", "invalid-encoding",
    "the file is not UTF-8 (invalid bytes, or a UTF-16/32 byte-order mark)")
  package static let invalidCharacter = DiagnosticCode(
    "Y003", "invalid-character", "the file holds a character YAML forbids, such as NUL")
  /// A key twice in one mapping.
  package static let duplicateKey = DiagnosticCode(
    "Y004", "duplicate-key", "a key appears twice in one mapping")
  /// Nesting beyond 64 levels.
  package static let nestingTooDeep = DiagnosticCode(
    "Y005", "nesting-too-deep", "collections nest deeper than 64 levels")
  /// Alias expansion beyond 10,000 nodes.
  package static let aliasExpansionLimit = DiagnosticCode(
    "Y006", "alias-expansion-limit", "aliases expand to more than 10,000 nodes (an alias bomb)")
  /// A file over 10 MiB.
  package static let fileTooLarge = DiagnosticCode(
    "Y007", "file-too-large", "the file is larger than 10 MiB")
  package static let multipleDocuments = DiagnosticCode(
    "Y008", "multiple-documents", "the file holds more than one YAML document")
  /// An alias with no anchor.
  package static let undefinedAlias = DiagnosticCode(
    "Y009", "undefined-alias", "an alias names an anchor that is not defined before it")
  /// An alias inside its own anchor.
  package static let recursiveAlias = DiagnosticCode(
    "Y010", "recursive-alias", "an alias refers to a node that contains it")
  /// A tag outside the core schema.
  package static let unsupportedTag = DiagnosticCode(
    "Y011", "unsupported-tag", "a tag other than the core schema's (`!!str`, `!!int`, ...)")
  /// A bad merge key value.
  package static let invalidMerge = DiagnosticCode(
    "Y012", "invalid-merge", "a merge key (`<<`) whose value is not a mapping or a list of mappings"
  )
  /// A collection used as a key.
  package static let nonScalarKey = DiagnosticCode(
    "Y013", "non-scalar-key", "a list or mapping used as a mapping key")
  package static let rootNotMapping = DiagnosticCode(
    "Y014", "root-not-mapping", "the file is empty, or its top level is not a mapping")
  /// The file could not be read.
  package static let unreadableFile = DiagnosticCode(
    "Y015", "unreadable-file", "the file could not be read")
  /// More problems than are worth showing.
  package static let tooManyProblems = DiagnosticCode(
    "Y016", "too-many-problems", "a file with more problems than are shown; the first ones are")

  // MARK: P: keys and values

  /// A key the format does not define here.
  package static let unknownKey = DiagnosticCode(
    "P101", "unknown-key", "a key the plan format does not define at this place")
  /// A required key is missing.
  package static let missingKey = DiagnosticCode(
    "P102", "missing-key", "a required key is missing")
  package static let wrongType = DiagnosticCode(
    "P103", "wrong-type", "a value of the wrong type (a string where a number belongs, ...)")
  /// A value not among the allowed ones.
  package static let invalidChoice = DiagnosticCode(
    "P104", "invalid-choice", "a value that is not one of the allowed values")
  /// A number out of range.
  package static let outOfRange = DiagnosticCode(
    "P105", "out-of-range", "a number outside its allowed range")
  /// An integer past 64 bits.
  package static let numberTooLarge = DiagnosticCode(
    "P106", "number-too-large", "an integer that does not fit in 64 bits")
  /// A YAML 1.1 boolean spelling.
  package static let yaml11Boolean = DiagnosticCode(
    "P107", "yaml11-boolean",
    "`yes`, `no`, `on` or `off` where a boolean belongs; write `true` or `false`")
  package static let invalidDuration = DiagnosticCode(
    "P108", "invalid-duration", "a duration that is not whole seconds or whole h, m, s units")
  package static let invalidUUID = DiagnosticCode(
    "P109", "invalid-uuid", "a UUID that is not canonical 8-4-4-4-12 hexadecimal")
  package static let invalidName = DiagnosticCode(
    "P110", "invalid-name", "a name that does not match `[A-Za-z0-9][A-Za-z0-9._-]*`")
  /// A version other than 1.
  package static let unsupportedVersion = DiagnosticCode(
    "P111", "unsupported-version", "a plan format version this scanplan does not read")
  /// An empty list or map that needs entries.
  package static let emptyCollection = DiagnosticCode(
    "P112", "empty-collection", "a list or mapping that must have at least one entry is empty")
  package static let invalidURL = DiagnosticCode(
    "P113", "invalid-url", "a base URL that is not an http(s) URL without query or fragment")
  /// Authorization not stated.
  package static let notAuthorized = DiagnosticCode(
    "P114", "not-authorized", "an asset's statement that scanning it is authorized is not `yes`")
  /// A required setting missing after merging.
  package static let missingAfterMerge = DiagnosticCode(
    "P115", "missing-after-merge",
    "a scan lacks a required setting (`scan_type`, `profile_id`) after defaults and profiles")

  // MARK: R: names and references

  package static let unknownProvider = DiagnosticCode(
    "R201", "unknown-provider", "an asset names a provider the plan does not define")
  package static let unknownProfile = DiagnosticCode(
    "R202", "unknown-profile", "a scan or profile names a profile the plan does not define")
  package static let extendsCycle = DiagnosticCode(
    "R203", "extends-cycle", "profiles extend each other in a cycle")
  /// A name used twice.
  package static let duplicateName = DiagnosticCode(
    "R204", "duplicate-name", "two assets, or two scans of one asset, have the same name")

  // MARK: V: vendors

  /// A setting of another provider type.
  package static let wrongProviderType = DiagnosticCode(
    "V301", "wrong-provider-type",
    "a key of one provider type on an asset, scan or defaults of the other")
  /// A profile whose keys do not fit the asset's provider type.
  package static let profileMismatch = DiagnosticCode(
    "V302", "profile-mismatch",
    "a profile used by a scan whose provider type does not accept its keys")
  /// A profile mixing vendors.
  package static let mixedProfile = DiagnosticCode(
    "V304", "mixed-profile", "a profile with keys of both provider types, which no scan can use")
  /// A base URL with the vendor's API path, which requests add themselves.
  package static let apiPrefixInBaseURL = DiagnosticCode(
    "V305", "api-prefix-in-base-url",
    "a `base_url` ending with the vendor's API path (`/api/v1`, `/api`), which requests add")

  // MARK: S: secrets and transport

  package static let literalToken = DiagnosticCode(
    "S401", "literal-token", "a token written into the plan instead of `${NAME}`")
  /// Plain http off loopback.
  package static let insecureURL = DiagnosticCode(
    "S402", "insecure-url", "an `http` base URL on a host other than loopback")
  /// A malformed environment reference.
  package static let invalidReference = DiagnosticCode(
    "S403", "invalid-env-reference", "a `${...}` environment reference that cannot be read")
  package static let credentialsInURL = DiagnosticCode(
    "S404", "credentials-in-url", "a base URL with a user name or password in it")
  /// An environment reference where none is resolved.
  package static let referenceNotAllowed = DiagnosticCode(
    "S405", "env-reference-not-allowed",
    "an environment reference in a value that must be known when the plan is validated")

  // MARK: W: warnings

  /// A setting the vendor ignores.
  package static let unusedSetting = DiagnosticCode(
    "W501", "unused-setting", .warning, "a setting the vendor ignores for this scan type")
  /// A poll interval under a second.
  package static let pollIntervalClamped = DiagnosticCode(
    "W502", "poll-interval-clamped", .warning, "a poll interval below 1 second, raised to 1 second")
  package static let unusedProfile = DiagnosticCode(
    "W503", "unused-profile", .warning, "a profile no scan or profile uses")
  /// A gate that is never checked.
  package static let gateNeverChecked = DiagnosticCode(
    "W504", "gate-never-checked", .warning,
    "`fail_on` on a scan with `wait: false`, which never sees the result")
  /// Poll intervals in the wrong order.
  package static let pollIntervalOrder = DiagnosticCode(
    "W505", "poll-interval-order", .warning, "`initial_interval` above `max_interval`")
  /// Plain `http` to a service that is not on this machine.
  package static let plainHTTP = DiagnosticCode(
    "W506", "plain-http", .warning,
    "a `base_url` of plain `http` to a host that is not loopback, which the vendor allows")

  /// Every code, in catalogue order.
  package static let all: [DiagnosticCode] = [
    yamlSyntax, invalidEncoding, invalidCharacter, duplicateKey, nestingTooDeep,
    aliasExpansionLimit, fileTooLarge, multipleDocuments, undefinedAlias, recursiveAlias,
    unsupportedTag, invalidMerge, nonScalarKey, rootNotMapping, unreadableFile, tooManyProblems,
    unknownKey, missingKey, wrongType, invalidChoice, outOfRange, numberTooLarge, yaml11Boolean,
    invalidDuration, invalidUUID, invalidName, unsupportedVersion, emptyCollection, invalidURL,
    notAuthorized, missingAfterMerge,
    unknownProvider, unknownProfile, extendsCycle, duplicateName,
    wrongProviderType, profileMismatch, mixedProfile, apiPrefixInBaseURL,
    literalToken, insecureURL, invalidReference, credentialsInURL, referenceNotAllowed,
    unusedSetting, pollIntervalClamped, unusedProfile, gateNeverChecked, pollIntervalOrder,
    plainHTTP,
  ]
}
