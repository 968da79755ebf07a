import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// The network transport: AsyncHTTPClient with TLS verification on, redirects refused
/// (a token must never be sent anywhere but the provider's own base URL), a per-request
/// timeout, and answers capped so that a hostile server cannot make the runner read
/// without end.
public final class AsyncHTTPClientTransport: HTTPTransport {
  /// The most bytes of an answer the runner reads.
  public static let maxBodyBytes = 1024 * 1024

  private let client: HTTPClient
  private let timeout: TimeAmount
  /// The timeout as people read it: `30`, `0.5`.
  private let seconds: String

  /// Creates a transport with its own client; call `shutdown()` when done.
  public init(requestTimeout seconds: Double = 30) {
    var configuration = HTTPClient.Configuration(
      redirectConfiguration: .disallow,
      timeout: .init(connect: .seconds(10), read: .milliseconds(Int64(seconds * 1000))))
    configuration.decompression = .disabled
    client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    timeout = .milliseconds(Int64(seconds * 1000))
    self.seconds = seconds.rounded() == seconds ? String(Int(seconds)) : String(seconds)
  }

  /// Closes the client's connections.
  public func shutdown() async {
    try? await client.shutdown()
  }

  /// Sends one request.
  public func send(_ request: HTTPRequest) async -> Result<HTTPResponse, TransportError> {
    var outgoing = HTTPClientRequest(url: request.url)
    outgoing.method = HTTPMethod(rawValue: request.method)
    for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
    if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
    do {
      let response = try await client.execute(outgoing, timeout: timeout)
      let headers = response.headers.map { (name: $0.name, value: $0.value) }
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
    } catch let error as HTTPClientError {
      if error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
        return .failure(
          TransportError(.timeout, "no answer within \(seconds) s"))
      }
      return .failure(TransportError(.network, Self.describe(error)))
    } catch {
      return .failure(TransportError(.network, Self.describe(error)))
    }
  }

  /// An error in words that name no URL, header or token.
  private static func describe(_ error: any Error) -> String {
    if let client = error as? HTTPClientError {
      switch client {
      case .remoteConnectionClosed: return "the connection was closed before an answer"
      case .connectTimeout: return "the connection timed out"
      case .tlsHandshakeTimeout: return "the TLS handshake timed out"
      default: return "network error (\(String(describing: client)))"
      }
    }
    return "network error (\(String(describing: type(of: error))))"
  }
}
