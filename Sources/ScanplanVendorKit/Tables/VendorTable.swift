package import ScanplanJSON

/// Everything scanplan knows about one vendor's API that a plan can touch, as data.
///
/// Adding an option the vendor documents is one `Field` here; the validator, the JSON
/// Schema, the reference docs and the dry run all follow from it.
///
/// A class so that the per-asset and per-scan lookups share one table instead of
/// copying its arrays.
package final class VendorTable: Sendable {
  /// The provider type this table describes.
  package let type: ProviderType
  /// The vendor's name as people write it.
  package let displayName: String
  /// The indefinite article before the name as it is spoken ("an S4E setting").
  package let article: String
  /// The API's address when a provider sets no `base_url`.
  package let defaultBaseURL: String
  /// The path the vendor's endpoints start with (`/api/v1`). Requests add it to
  /// `base_url`, so a `base_url` that ends with it is a mistake the validator names.
  package let apiPrefix: String
  /// Poll settings when a provider sets none, from the vendor's polling advice.
  package let pollDefaults: PollDefaults
  /// How long a scan is waited for when its provider sets no `poll.timeout`: every run
  /// ends, even when a scan stays paused or a status never changes.
  package let deadline: Deadline
  /// Scans the vendor lets a client create per minute, as it publishes; nil when it
  /// publishes no such limit. A provider's `triggers_per_minute` overrides it.
  package let triggersPerMinute: Double?
  /// The asset key whose scans the vendor runs one at a time (a second answers 409), so
  /// the runner runs them one after another; nil when scans of one asset may overlap.
  package let oneScanAtATimePer: String?
  /// Keys of an asset of this type; each is required on such an asset.
  package let assetFields: [Field]
  /// The scan settings this vendor accepts.
  package let settings: [Field]
  /// Why no poll is sent sooner than a second after the last, in the vendor's words,
  /// when it says so; the help of a poll interval of 0.
  package let pollFloorNote: String?
  /// The provider key that holds the credential, an environment reference: `token`, or
  /// ZAP's `api_key`.
  package let credentialKey: String
  /// The environment variable the vendor's credential is conventionally kept in
  /// (`INVICTI_API_TOKEN`), which help and starter plans suggest.
  package let credentialVariable: String
  /// Whether `base_url` may be plain `http` to a host that is not loopback (with a
  /// warning): a service run beside the job, such as a ZAP daemon in a CI container.
  package let allowsPlainHTTP: Bool
  /// `requests_per_second` when a provider sets none: the vendor's own budget, or a high
  /// one for a service on the same machine.
  package let defaultRequestsPerSecond: Double
  /// `max_concurrent_scans` when a provider sets none; nil for no limit. A service that
  /// runs its scans on the machine beside the job takes few at once.
  package let defaultMaxConcurrentScans: Int?
  /// The plan `scanplan init --provider TYPE` writes after `version: 1`: a provider and an
  /// asset of the vendor's, with comments a new user needs (where the ids come from).
  package let starter: String

  /// Poll settings in seconds.
  package struct PollDefaults: Sendable {
    /// Delay before the first poll.
    package let initialInterval: Int
    /// Cap of the growing interval.
    package let maxInterval: Int
    /// Growth of the interval after each non-terminal poll.
    package let multiplier: Double

    package init(initialInterval: Int, maxInterval: Int, multiplier: Double) {
      self.initialInterval = initialInterval
      self.maxInterval = maxInterval
      self.multiplier = multiplier
    }
  }

  /// Declares a vendor's table.
  package init(
    type: ProviderType, displayName: String, article: String, defaultBaseURL: String,
    apiPrefix: String, pollDefaults: PollDefaults, deadline: Deadline,
    triggersPerMinute: Double? = nil, oneScanAtATimePer: String? = nil,
    pollFloorNote: String? = nil, credentialKey: String = "token",
    credentialVariable: String? = nil, allowsPlainHTTP: Bool = false,
    defaultRequestsPerSecond: Double = 1, defaultMaxConcurrentScans: Int? = nil,
    assetFields: [Field], settings: [Field], starter: String = ""
  ) {
    self.starter = starter
    self.type = type
    self.displayName = displayName
    self.article = article
    self.defaultBaseURL = defaultBaseURL
    self.apiPrefix = apiPrefix
    self.pollDefaults = pollDefaults
    self.deadline = deadline
    self.triggersPerMinute = triggersPerMinute
    self.oneScanAtATimePer = oneScanAtATimePer
    self.assetFields = assetFields
    self.settings = settings
    self.pollFloorNote = pollFloorNote
    self.credentialKey = credentialKey
    self.credentialVariable =
      credentialVariable ?? type.rawValue.uppercased() + "_" + credentialKey.uppercased()
    self.allowsPlainHTTP = allowsPlainHTTP
    self.defaultRequestsPerSecond = defaultRequestsPerSecond
    self.defaultMaxConcurrentScans = defaultMaxConcurrentScans
    var ranked: [(path: [String], field: Field)] = []
    for field in settings {
      if field.strength != nil { ranked.append(([field.key], field)) }
      if case .object(let nested) = field.kind {
        for leaf in nested.fields where leaf.strength != nil {
          ranked.append(([field.key, leaf.key], leaf))
        }
      }
    }
    rankedLeaves = ranked
  }

  /// The settings whose changes `diff` ranks (`Field.strength`), with their key paths, in
  /// table order: the ones a security review reads.
  package let rankedLeaves: [(path: [String], field: Field)]

  /// The body fields a scan's settings contribute, in table order: leaves set in the
  /// plan, and leaves whose wire says they are always sent, with their defaults.
  /// `setting` gives a merged setting's value by key path.
  package func settingsBody(_ setting: ([String]) -> JSONValue?) -> JSONObject {
    var body = JSONObject()
    for field in settings where field.wire != .notSent {
      if case .object(let nested) = field.kind {
        var object = JSONObject()
        for leaf in nested.fields where leaf.wire != .notSent {
          if let value = setting([field.key, leaf.key]) {
            object[leaf.key] = value
          } else if leaf.wire == .always, let value = leaf.defaultValue {
            object[leaf.key] = value
          }
        }
        if !object.isEmpty || field.wire == .always { body[field.key] = .object(object) }
      } else if let value = setting([field.key]) {
        body[field.key] = value
      } else if field.wire == .always, let value = field.defaultValue {
        body[field.key] = value
      }
    }
    return body
  }
}

/// How long a scan is waited for when its provider sets no `poll.timeout`.
package enum Deadline: Sendable {
  /// A fixed time, in seconds.
  case fixed(seconds: Int)
  /// A duration setting of the scan (the service's own timeout), or its default, plus a
  /// margin for the time the scan waits in the vendor's queue.
  case setting(path: [String], defaultSeconds: Int, marginSeconds: Int)

  /// The deadline of a scan, in seconds; `setting` gives its merged settings by key path.
  package func seconds(_ setting: ([String]) -> JSONValue?) -> Int {
    switch self {
    case .fixed(let seconds):
      return seconds
    case .setting(let path, let defaultSeconds, let marginSeconds):
      let (total, overflow) = (setting(path)?.intValue ?? defaultSeconds).addingReportingOverflow(
        marginSeconds)
      return overflow ? Int.max : total
    }
  }

  /// The rule in words, with durations written by `format`: "72h",
  /// "`options.timeout` plus 30m".
  package func text(_ format: (Int) -> String) -> String {
    switch self {
    case .fixed(let seconds):
      return format(seconds)
    case .setting(let path, _, let marginSeconds):
      return "`\(path.joined(separator: "."))` plus \(format(marginSeconds))"
    }
  }
}
