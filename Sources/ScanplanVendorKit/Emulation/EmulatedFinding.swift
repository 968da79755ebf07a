/// A finding as the emulator keeps it, before a vendor's emulation writes it in its shape.
package struct EmulatedFinding: Sendable {
  /// The vendor's id of the finding, different in every scan.
  package let id: String
  /// The check's id, the same for the same check on every target.
  package let check: String
  /// The check's name.
  package let name: String
  /// How bad it is.
  package let severity: Severity
  /// How sure the scanner is, 0 to 100.
  package let confidence: Int
  package let url: String
  package let input: String
  /// Whether the vendor's status takes it out of the count; the emulation picks the word.
  package let suppressed: Bool
  /// Tells apart the vendor's words for the same standing (`open` and `confirmed`).
  package let variant: Int

  package init(
    id: String, check: String, name: String, severity: Severity, confidence: Int, url: String,
    input: String, suppressed: Bool, variant: Int
  ) {
    self.id = id
    self.check = check
    self.name = name
    self.severity = severity
    self.confidence = confidence
    self.url = url
    self.input = input
    self.suppressed = suppressed
    self.variant = variant
  }
}
