/// What an answer means before the scheduler acts on it: each vendor says, since some
/// put an error inside a 200, and some name a bad key with a 400. The scheduler keeps
/// the budget, the retries and the floors; the vendor only classifies.
package enum AnswerClass: Equatable, Sendable {
  /// An answer to read as the request's kind reads it: 2xx, or an error that kind reads
  /// itself (a trigger's 409, a 404).
  case answer
  /// Too many requests: slow down and come back (a 429).
  case throttled
  /// The credentials are refused: no request of this provider can succeed (a 401).
  case unauthorized
  /// A failure that may pass: the same request is tried again after a back-off (5xx).
  case transient
  /// An error inside a successful status, which no retry mends: the request is answered
  /// as refused, with the vendor's words.
  case rejected

  /// How most HTTP APIs mean their status codes: 429, 401 and 5xx; everything else is
  /// read by the request's kind.
  package static func byStatus(_ response: HTTPResponse) -> AnswerClass {
    switch response.status {
    case 429: .throttled
    case 401: .unauthorized
    case 500...599: .transient
    default: .answer
    }
  }
}
