import AsyncHTTPClient
package import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOSSL
import ScanplanSupport
package import ScanplanVendorKit

/// The network transport: AsyncHTTPClient with TLS verification always on (a provider's
/// `ca_file` replaces the system's authorities for its requests; nothing turns checking
/// off), redirects refused (a token must never be sent anywhere but the provider's own
/// base URL), a per-request timeout, and answers capped so that a hostile server cannot
/// make the runner read without end.
package final class AsyncHTTPClientTransport: HTTPTransport {
  /// The most bytes of an answer the runner reads.
  package static let maxBodyBytes = 1024 * 1024

  private let client: HTTPClient
  private let timeout: TimeAmount
  /// The timeout as people read it: `30`, `0.5`.
  private let seconds: String
  /// TLS configurations by `ca_file`, built once each so that connections are reused.
  private let configurations = NIOLockedValueBox<[TrustedCA: TLSConfiguration]>([:])

  /// The logger the client logs its connections to (`run -vv`), if any.
  private let logger: Logger?

  /// Creates a transport with its own client; call `shutdown()` when done. `logger`, when
  /// given, receives the HTTP client's own logs.
  package init(requestTimeout seconds: Double = 30, logger: Logger? = nil) {
    self.logger = logger
    var configuration = HTTPClient.Configuration(
      redirectConfiguration: .disallow,
      timeout: .init(connect: .seconds(10), read: .milliseconds(Int64(seconds * 1000))))
    configuration.decompression = .disabled
    // The scheduler retries what fails, with its own back-off and budgets, and must see
    // each failure: an untrusted certificate at once, not when the request's time is up.
    configuration.connectionPool.retryConnectionEstablishment = false
    client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    timeout = .milliseconds(Int64(seconds * 1000))
    self.seconds = seconds.rounded() == seconds ? String(Int(seconds)) : String(seconds)
  }

  /// Closes the client's connections.
  package func shutdown() async {
    try? await client.shutdown()
  }

  package func send(_ request: HTTPRequest) async -> Result<HTTPResponse, TransportError> {
    var outgoing = HTTPClientRequest(url: request.url)
    outgoing.method = HTTPMethod(rawValue: request.method)
    for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
    if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
    if let trust = request.trust {
      guard let tls = tlsConfiguration(trust) else {
        return .failure(
          TransportError(.untrusted, "`ca_file` \(trust.path) holds no usable certificate"))
      }
      outgoing.tlsConfiguration = tls
    }
    do {
      let response = try await client.execute(outgoing, timeout: timeout, logger: logger)
      let headers = response.headers.map { HTTPHeader($0.name, $0.value) }
      let status = Int(response.status.code)
      // A redirect is an answer, not a place to follow: the token stays home.
      if (300..<400).contains(status) {
        return .success(HTTPResponse(status: status, headers: headers, body: []))
      }
      do {
        var body = try await response.body.collect(upTo: Self.maxBodyBytes)
        return .success(
          HTTPResponse(
            status: status, headers: headers, body: body.readBytes(length: body.readableBytes) ?? []
          ))
      } catch is NIOTooManyBytesError {
        return .failure(
          TransportError(.tooLarge, "the answer is larger than \(Self.maxBodyBytes / 1024) KiB"))
      }
    } catch {
      return .failure(Self.transportError(error, request: request, seconds: seconds))
    }
  }

  /// A client configuration that trusts a `ca_file`'s authorities instead of the system's.
  private func tlsConfiguration(_ trust: TrustedCA) -> TLSConfiguration? {
    configurations.withLockedValue { known in
      if let configuration = known[trust] { return configuration }
      guard let certificates = try? NIOSSLCertificate.fromPEMBytes(trust.pem),
        !certificates.isEmpty
      else { return nil }
      var configuration = TLSConfiguration.makeClientConfiguration()
      configuration.trustRoots = .certificates(certificates)
      known[trust] = configuration
      return configuration
    }
  }

  /// An error in words that name no URL, header or token. A certificate that is not
  /// trusted, or not for the host, is its own kind: no retry can change it.
  static func transportError(_ error: any Error, request: HTTPRequest, seconds: String)
    -> TransportError
  {
    if let client = error as? HTTPClientError,
      client == .deadlineExceeded || client == .readTimeout || client == .connectTimeout
    {
      return TransportError(.timeout, "no answer within \(seconds) s")
    }
    if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
      return TransportError(
        .untrusted,
        "certificate not valid for this host: the server's certificate names other hosts than `base_url`'s"
      )
    }
    if Self.isUntrustedCertificate(error) {
      return TransportError(
        .untrusted,
        request.trust.map {
          "certificate not trusted by ca_file \($0.path): it does not hold the authority that signed the server's certificate"
        }
          ?? "certificate not trusted: set ca_file to a PEM file of the authority that signed the server's certificate"
      )
    }
    return TransportError(.network, describe(error))
  }

  /// Whether the handshake failed on verifying the server's certificate.
  private static func isUntrustedCertificate(_ error: any Error) -> Bool {
    guard let ssl = error as? NIOSSLError else { return false }
    switch ssl {
    case .handshakeFailed(let reason):
      let text = String(describing: reason)
      return text.contains("CERTIFICATE_VERIFY_FAILED")
        || text.contains("certificate verify failed")
    case .unableToValidateCertificate, .noCertificateToValidate:
      return true
    default:
      return false
    }
  }

  private static func describe(_ error: any Error) -> String {
    if let client = error as? HTTPClientError {
      switch client {
      case .remoteConnectionClosed: return "the connection was closed before an answer"
      case .connectTimeout: return "the connection timed out"
      case .tlsHandshakeTimeout: return "the TLS handshake timed out"
      default: return "network error (\(String(describing: client)))"
      }
    }
    if error is NIOSSLError { return "TLS error (\(String(describing: error)))" }
    return "network error (\(String(describing: type(of: error))))"
  }
}
