/// An answer the runner cannot read, and why, in words for the scan's reason.
public struct AnswerError: Error, Equatable, Sendable, CustomStringConvertible {
  /// What is wrong with it, lowercase.
  public let message: String
  /// Creates an error.
  public init(_ message: String) { self.message = message }
  /// The message.
  public var description: String { message }
}
