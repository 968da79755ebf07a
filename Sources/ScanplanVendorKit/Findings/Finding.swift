/// One finding of a scan, in words every vendor's findings are read into: what was found
/// (the check), where (the URL and the input), how bad it is, what the vendor says of it,
/// and a fingerprint that names the same finding in every run.
package struct Finding: Sendable, Equatable {
  /// The vendor's own id of the finding; it may change from one scan to the next.
  package var vendorID: String?
  /// The check that fired: Invicti's `vt_id`, ZAP's `pluginId`, S4E's title (S4E names
  /// no check).
  package var check: String
  /// The check's name, as people read it.
  package var name: String
  /// How bad it is.
  package var severity: Severity
  /// How sure the vendor is, in its words, where it says.
  package var confidence: String?
  /// Where it was found.
  package var url: String?
  /// The input it was found on: a parameter, a header, a form field.
  package var input: String?
  /// The vendor's status (`open`, `fixed`, `false_positive`, ...).
  package var status: String
  /// Whether the vendor's status takes it out of the count: every status other than
  /// open (and S4E's `confirmed`). Suppressed findings are listed but never counted.
  package var suppressed: Bool
  /// Stable across runs and the vendor's per-scan ids (`FindingFingerprint`).
  package var fingerprint: String
  /// Against a baseline report: new, unchanged, or absent (in the baseline, not seen).
  package var baselineState: BaselineState?

  package init(
    vendorID: String?, check: String, name: String, severity: Severity, confidence: String?,
    url: String?, input: String?, status: String, suppressed: Bool, fingerprint: String,
    baselineState: BaselineState? = nil
  ) {
    self.vendorID = vendorID
    self.check = check
    self.name = name
    self.severity = severity
    self.confidence = confidence
    self.url = url
    self.input = input
    self.status = status
    self.suppressed = suppressed
    self.fingerprint = fingerprint
    self.baselineState = baselineState
  }

  /// Whether a gate counts it: not suppressed, and, against a baseline, new.
  package var counts: Bool {
    !suppressed && (baselineState == nil || baselineState == .new)
  }
}

/// A finding's severity, in the five words `fail_on` gates on.
package enum Severity: String, Sendable, CaseIterable, Comparable {
  case critical
  case high
  case medium
  case low
  case info

  /// Most severe first.
  package static func < (lhs: Severity, rhs: Severity) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// Where a finding stands against a baseline report's findings of the same scan.
package enum BaselineState: String, Sendable, CaseIterable {
  /// Not in the baseline: this run found it first. Only these are gated on.
  case new
  /// In the baseline too.
  case unchanged
  /// In the baseline, and not seen by this run: listed, never counted.
  case absent
}
