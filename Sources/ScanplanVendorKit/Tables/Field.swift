package import ScanplanJSON

/// A key of a mapping in a plan, with everything the validator, the schema and the docs
/// need to know about it.
///
/// A class: every key read from a plan refers to its field, and a reference is one
/// retain where a copy of this many properties would be a dozen.
package final class Field: Sendable {
  /// The key as written in a plan.
  package let key: String
  /// What its value may be.
  package let kind: ValueKind
  /// Whether the mapping must have it.
  package let isRequired: Bool
  /// The default, for docs and the schema; `nil` when there is none or it varies.
  package let defaultValue: JSONValue?
  /// The default described in words when it varies (by provider type, say).
  package let defaultText: String?
  /// One line for docs and editors: what the key means.
  package let summary: String
  /// The provider types whose scans may use the key; empty for keys of no scan setting.
  package let vendors: Set<ProviderType>

  /// Whether scans of this provider type may use the key.
  package func accepts(_ type: ProviderType) -> Bool { vendors.contains(type) }

  /// Whether the value may hold environment references, resolved when the plan runs.
  package let allowsEnvironment: Bool
  /// Whether a scan must have the key once defaults, profiles and its own keys are merged.
  package let isRequiredAfterMerge: Bool
  /// How the value is sent to the provider, when it is sent at all.
  package let wire: Wire
  /// When the vendor ignores the setting: a warning, since the plan says something that
  /// has no effect.
  package let unusedWhen: Condition?
  /// Which way of changing the value makes the scan weaker, for `diff`'s security review;
  /// nil when no way does.
  package let strength: Strength?
  /// Names the vendor gives some values, shown beside them where a value alone says
  /// little (Invicti's built-in profiles, by id, in `diff`); keyed by `valueKey`.
  package let valueNames: [String: String]

  /// The key a written value is found by in `valueNames` and `Strength.covers`: its text,
  /// lowercased, since the values listed are UUIDs, which compare without case.
  package static func valueKey(_ value: JSONValue?) -> String? {
    value?.stringValue?.lowercased()
  }

  /// Which values of a setting make a scan stronger.
  package enum Strength: Sendable, Equatable {
    /// A larger number scans more (a crawl depth, the service's own timeout).
    case higher
    /// `true` scans more (brute-forcing turned on).
    case enabled
    /// `false` scans more (ZAP's crawl kept under the URL's path when `true`).
    case disabled
    /// Named values, each with the checks it runs (S4E's scan types, ZAP's, Invicti's
    /// built-in profiles by id): a move to a value that leaves out a check the old one ran
    /// weakens, and so does a move to a value not listed, since nothing says what it
    /// checks.
    case covers([String: Set<String>])
  }

  /// Another setting of the same scan having one of some values.
  package struct Condition: Sendable {
    /// The other setting's key at the top of the scan settings (`scan_type`).
    package let setting: String
    /// The values that make this setting unused.
    package let values: [String]
    /// Why, for the warning.
    package let reason: String

    /// Whether the other setting's value makes this setting unused.
    package func holds(for value: JSONValue?) -> Bool {
      value?.stringValue.map(values.contains) ?? false
    }

    package init(setting: String, values: [String], reason: String) {
      self.setting = setting
      self.values = values
      self.reason = reason
    }
  }

  /// How a setting travels to the provider.
  package enum Wire: Sendable, Equatable {
    /// Not sent: the runner itself uses it (`wait`, `fail_on`), or it is not a setting.
    case notSent
    /// Sent as written, when the plan sets it.
    case asWritten
    /// A duration sent as whole seconds, when the plan sets it.
    case seconds
    /// Always sent: the default when the plan does not set it.
    case always
  }

  package init(
    _ key: String, _ kind: ValueKind, required: Bool = false,
    default defaultValue: JSONValue? = nil,
    defaultText: String? = nil, vendors: Set<ProviderType> = [], environment: Bool = false,
    requiredAfterMerge: Bool = false, wire: Wire = .notSent, unusedWhen: Condition? = nil,
    strength: Strength? = nil, valueNames: [String: String] = [:],
    summary: String
  ) {
    self.key = key
    self.kind = kind
    self.isRequired = required
    self.defaultValue = defaultValue
    self.defaultText = defaultText
    self.summary = summary
    self.vendors = vendors
    self.allowsEnvironment = environment
    self.isRequiredAfterMerge = requiredAfterMerge
    self.wire = wire
    self.unusedWhen = unusedWhen
    self.strength = strength
    self.valueNames = valueNames
  }
}
