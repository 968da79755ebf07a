package import Logging
import ScanplanSupport
package import ScanplanVendorKit

/// A transport that logs each request: at `.info` its method, URL, status (or failure)
/// and duration; at `.debug` the answer's body, clipped. `run -v` and `-vv`. The logger's
/// handler redacts credentials and resolved environment values (`RedactingLogHandler`).
package struct LoggingTransport: HTTPTransport {
  let inner: any HTTPTransport
  let logger: Logger

  /// Bytes of an answer's body a log line keeps.
  static let bodyLimit = 2048

  /// Wraps `inner`.
  package init(_ inner: any HTTPTransport, logger: Logger) {
    self.inner = inner
    self.logger = logger
  }

  /// Sends the request through the wrapped transport, and logs it.
  package func send(_ request: HTTPRequest) async -> Result<HTTPResponse, TransportError> {
    let clock = ContinuousClock()
    let start = clock.now
    let result = await inner.send(request)
    let took = FixedPoint.format((clock.now - start).inSeconds, places: 3) + " s"
    switch result {
    case .success(let response):
      logger.info("\(request.method) \(request.url) -> \(response.status) in \(took)")
      if logger.logLevel <= .debug, !response.body.isEmpty {
        let text = String(decoding: response.body.prefix(Self.bodyLimit), as: UTF8.self)
        let more = response.body.count > Self.bodyLimit ? " (clipped)" : ""
        logger.debug("answer body\(more): \(AnswerReading.printable(text, limit: Self.bodyLimit))")
      }
    case .failure(let error):
      logger.info("\(request.method) \(request.url) -> \(error.message) after \(took)")
    }
    return result
  }
}
