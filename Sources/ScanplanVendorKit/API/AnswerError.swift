/// An answer the runner cannot read, and why, in words for the scan's reason.
package struct AnswerError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What is wrong with it, lowercase.
  package let message: String
  package init(_ message: String) { self.message = message }
  package var description: String { message }
}
