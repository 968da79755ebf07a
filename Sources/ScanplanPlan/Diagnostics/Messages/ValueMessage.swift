import ScanplanVendorKit

/// The wording of values that do not fit their key's kind: numbers, durations, UUIDs,
/// choices, URLs, tokens and environment references. Values are clipped by the caller
/// (`NodeReader.clip`), so a pasted secret is never echoed whole.
enum ValueMessage: DiagnosticMessage {
  /// `${` that does not parse.
  case unreadableReference(key: String, reason: String)
  /// `${NAME}` in a key that must be known when the plan is validated; `allowed` are the
  /// keys that take references.
  case referenceNotAllowed(key: String, allowed: [String])
  /// Not 8-4-4-4-12 hexadecimal digits.
  case invalidUUID(key: String, found: String)
  /// Not one of the key's choices; `value` is clipped, `shown` is the text compared;
  /// `byVendor` words each vendor's values, for a key several vendors declare.
  case invalidChoice(
    key: String, value: String, shown: String, choices: [String], byVendor: String? = nil)
  /// `version` other than 1.
  case unsupportedVersion(found: Int)
  /// `user_authorized_to_scan` other than `yes`; `found` describes the value.
  case notAuthorized(key: String, found: String)
  /// An integer below the key's minimum.
  case integerBelow(key: String, minimum: Int, found: Int)
  /// An integer past 64 bits.
  case integerTooLarge(key: String)
  /// A number past what a double holds.
  case numberTooLarge(key: String)
  /// `.inf` or `.nan`.
  case notFinite(key: String)
  /// A number at or below the bound it must exceed; both already formatted.
  case numberNotAbove(key: String, limit: String, found: String)
  /// A number below the bound it must reach; both already formatted.
  case numberBelow(key: String, limit: String, found: String)
  /// `poll.timeout: 0`.
  case zeroTimeout
  /// `yes`, `on` and friends, which YAML 1.2 reads as strings.
  case yaml11Boolean(text: String, meant: Bool)
  /// A negative number of seconds.
  case negativeDuration(key: String)
  /// More seconds than an integer holds.
  case durationTooLong(key: String)
  /// Seconds with a fraction.
  case fractionalDuration(key: String)
  /// A duration string that does not parse; `text` is clipped.
  case unreadableDuration(text: String, reason: String)
  /// `https://user:password@host`.
  case credentialsInURL(key: String)
  /// `http` to a host other than loopback.
  case insecureURL(key: String, host: String)
  /// A URL that does not parse; `text` is clipped.
  case invalidURL(key: String, text: String, reason: String)
  /// Plain `http` to a host that is not loopback, where the vendor allows it.
  case plainHTTP(key: String, host: String)
  /// `${NAME:-literal}` as a credential.
  case tokenWithFallback(key: String, variable: String)
  /// A credential with text around its reference.
  case tokenNotOneReference(key: String, variable: String)
  /// A credential written out.
  case literalToken(key: String, variable: String)
  /// `$NAME` where `${NAME}` was meant.
  case bareReference(key: String, name: String)

  var code: DiagnosticCode {
    switch self {
    case .unreadableReference: .invalidReference
    case .referenceNotAllowed: .referenceNotAllowed
    case .invalidUUID: .invalidUUID
    case .invalidChoice: .invalidChoice
    case .unsupportedVersion: .unsupportedVersion
    case .notAuthorized: .notAuthorized
    case .integerBelow, .notFinite, .numberNotAbove, .numberBelow, .zeroTimeout: .outOfRange
    case .integerTooLarge, .numberTooLarge: .numberTooLarge
    case .yaml11Boolean: .yaml11Boolean
    case .negativeDuration, .durationTooLong, .fractionalDuration, .unreadableDuration:
      .invalidDuration
    case .credentialsInURL: .credentialsInURL
    case .insecureURL: .insecureURL
    case .plainHTTP: .plainHTTP
    case .invalidURL: .invalidURL
    case .tokenWithFallback, .tokenNotOneReference, .literalToken, .bareReference: .literalToken
    }
  }

  var message: String {
    switch self {
    case .unreadableReference(let key, let reason):
      "`\(key)` has an environment reference that cannot be read: \(reason)"
    case .referenceNotAllowed(let key, _):
      "`\(key)` cannot use environment references; its value must be known when the plan is validated"
    case .invalidUUID(let key, let found): "`\(key)` must be a UUID, found `\(found)`"
    case .invalidChoice(let key, let value, _, _, _): "`\(value)` is not a valid `\(key)`"
    case .unsupportedVersion(let found):
      "plan format version \(found) is not supported; this scanplan reads version 1"
    case .notAuthorized(let key, let found): "`\(key)` must be `yes`, found \(found)"
    case .integerBelow(let key, let minimum, let found):
      "`\(key)` must be at least \(minimum), found \(found)"
    case .integerTooLarge(let key): "`\(key)` is too large to be a 64-bit integer"
    case .numberTooLarge(let key): "`\(key)` is too large"
    case .notFinite(let key): "`\(key)` must be a finite number"
    case .numberNotAbove(let key, let limit, let found):
      "`\(key)` must be greater than \(limit), found \(found)"
    case .numberBelow(let key, let limit, let found):
      "`\(key)` must be at least \(limit), found \(found)"
    case .zeroTimeout: "`timeout` must be greater than 0; leave it out to wait without limit"
    case .yaml11Boolean(let text, let meant): "`\(text)` is not a boolean here, write `\(meant)`"
    case .negativeDuration(let key): "`\(key)` is not a duration: durations cannot be negative"
    case .durationTooLong(let key): "`\(key)` is not a duration: it is too long to count"
    case .fractionalDuration(let key):
      "`\(key)` is not a duration: durations are whole units, without fractions"
    case .unreadableDuration(let text, let reason): "`\(text)` is not a duration: \(reason)"
    case .credentialsInURL(let key): "`\(key)` holds a user name or password; plans live in git"
    case .insecureURL(let key, let host):
      "`\(key)` uses plain `http` to `\(host)`; only loopback hosts may use `http`"
    case .invalidURL(let key, let text, let reason): "`\(text)` is not a valid `\(key)`: \(reason)"
    case .plainHTTP(let key, let host):
      "`\(key)` uses plain `http` to `\(host)`: the credential and the findings cross the network unencrypted"
    case .tokenWithFallback(let key, _):
      "`\(key)` has a fallback, which puts a literal credential in the plan"
    case .tokenNotOneReference(let key, _):
      "`\(key)` must be exactly one environment reference, with nothing around it"
    case .literalToken(let key, _): "`\(key)` holds a literal credential; plans live in git"
    case .bareReference(let key, let name):
      "`\(key)` is the text `$\(name)`, not an environment reference"
    }
  }

  var help: [String] {
    switch self {
    case .unreadableReference:
      ["write `${NAME}`, `${NAME:-fallback}`, or `$${` for a literal `${`"]
    case .referenceNotAllowed(_, let allowed):
      [
        "environment references are resolved in "
          + allowed.dropLast().map { "`\($0)`" }.joined(separator: ", ")
          + " and `\(allowed.last ?? "")`"
      ]
    case .invalidUUID:
      [
        "a UUID is 32 hexadecimal digits in groups of 8-4-4-4-12, such as `a1b2c3d4-e5f6-7890-abcd-ef1234567890`"
      ]
    case .invalidChoice(let key, _, let shown, let choices, let byVendor):
      (Suggestions.closest(to: shown, among: choices).map { ["did you mean `\($0)`?"] } ?? [])
        + ["`\(key)` takes " + (byVendor ?? Suggestions.list(choices))]
    case .unsupportedVersion: ["upgrade scanplan, or write `version: 1`"]
    case .notAuthorized(let key, _):
      ["scan only targets you are authorized to test; then write `\(key): yes`"]
    case .integerBelow(let key, _, let found)
    where CommonSettings.severities.contains(key) && found == 0:
      [
        "a gate counts findings from 1: `\(key): 1` fails on the first \(key) finding; "
          + "leave `\(key)` out to not gate on it"
      ]
    case .integerBelow, .integerTooLarge, .numberTooLarge, .notFinite, .numberNotAbove,
      .numberBelow, .zeroTimeout, .durationTooLong:
      []
    case .yaml11Boolean(let text, _):
      ["plans are YAML 1.2, where `\(text)` is a string; booleans are `true` and `false`"]
    case .negativeDuration, .fractionalDuration, .unreadableDuration:
      ["write whole seconds (`90`) or whole units of h, m and s (`90s`, `15m`, `1h30m`)"]
    case .credentialsInURL: ["remove the credentials; the provider's `token` authenticates"]
    case .insecureURL:
      ["use `https://`, or a loopback host (127.0.0.1, localhost, [::1]) for a local emulator"]
    case .invalidURL:
      ["a base URL looks like `https://api.example.com` or `https://example.com/prefix`"]
    case .plainHTTP:
      ["keep the service on the job's own network (a CI service container), or use `https://`"]
    case .tokenWithFallback(let key, let variable), .tokenNotOneReference(let key, let variable),
      .literalToken(let key, let variable):
      ["store it in an environment variable and write `\(key): ${\(variable)}`"]
    case .bareReference(let key, let name):
      ["references take braces: write `\(key): ${\(name)}`"]
    }
  }
}
