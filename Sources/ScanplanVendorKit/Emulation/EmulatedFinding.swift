/// A finding as the emulator keeps it, before a vendor's emulation writes it in its shape.
public struct EmulatedFinding: Sendable {
  /// The vendor's id of the finding, different in every scan.
  public let id: String
  /// The check's id, the same for the same check on every target.
  public let check: String
  /// The check's name.
  public let name: String
  /// How bad it is.
  public let severity: Severity
  /// How sure the scanner is, 0 to 100.
  public let confidence: Int
  /// Where.
  public let url: String
  /// On which input.
  public let input: String
  /// Whether the vendor's status takes it out of the count; the emulation picks the word.
  public let suppressed: Bool
  /// Tells apart the vendor's words for the same standing (`open` and `confirmed`).
  public let variant: Int

  /// A finding.
  public init(
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
