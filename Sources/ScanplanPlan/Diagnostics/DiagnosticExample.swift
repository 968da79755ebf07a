/// A diagnostic as a fixture shows it, for `scanplan explain`: the lines of the plan it is
/// found in, what validation says, and the same lines fixed.
package struct DiagnosticExample: Sendable {
  /// The fixture the example comes from (`Tests/ScanplanPlanTests/Fixtures/invalid`).
  package let fixture: String
  /// The line the diagnostic points at.
  package let line: Int
  /// The lines around it, numbered as in the fixture.
  package let wrong: String
  /// The diagnostic's message.
  package let message: String
  package let help: [String]
  /// The same place fixed, numbered as in the fixed plan: as the help says, or as the
  /// fixture table's fix for the code does.
  package let right: String?

  package init(
    fixture: String, line: Int, wrong: String, message: String, help: [String], right: String?
  ) {
    self.fixture = fixture
    self.line = line
    self.wrong = wrong
    self.message = message
    self.help = help
    self.right = right
  }
}
