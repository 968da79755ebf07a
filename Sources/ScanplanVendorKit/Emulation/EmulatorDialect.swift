/// Which of a vendor's documented shapes the emulator answers in.
package enum EmulatorDialect: String, Sendable, CaseIterable {
  /// As the seed documents show: bare S4E answers, Invicti's scan id in the trigger's
  /// body and a relative `Location`, Invicti's scan in a `scans` list.
  case seed
  /// As the vendors' own API references show: S4E answers in a `data` envelope and
  /// errors as `{"status": "error", "error": {...}}`; Invicti's scan id only in an
  /// absolute `Location`, one scan object per `GET`, errors as `{"code", "reason",
  /// "details"}`, and `info` among the severity counts.
  case reference
}
