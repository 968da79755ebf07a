import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import ScanplanSupport
import ScanplanVendorKit

/// Every vendor's API in memory, on loopback, as each vendor's emulation speaks it
/// (`Sources/Vendors/NAME`): authentication, 404s, 409s where the vendor refuses a second
/// scan of an asset, each vendor's status vocabulary, rate limits answered with 429, the
/// seeds' or the vendors' references' shapes, and seeded faults. Plain `http`, or
/// `https` with a certificate of the caller's.
///
/// `scanplan run --sandbox` starts one in-process; `scanplan emulate` serves one; tests
/// start one per case and assert on what it saw.
package final class Emulator: Sendable {
  /// The port it listens on.
  package let port: Int
  private let box: StateBox
  private let channel:
    NIOAsyncChannel<NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, Never>
  private let serving: Task<Void, Never>
  private let started: ContinuousClock.Instant
  private let scheme: String

  /// `http://127.0.0.1:PORT` (or `https`), for a provider's `base_url`.
  package var baseURL: String { "\(scheme)://127.0.0.1:\(port)" }

  private init(
    port: Int, scheme: String, box: StateBox,
    channel: NIOAsyncChannel<NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, Never>,
    serving: Task<Void, Never>, started: ContinuousClock.Instant
  ) {
    self.port = port
    self.scheme = scheme
    self.box = box
    self.channel = channel
    self.serving = serving
    self.started = started
  }

  /// Starts an emulator on 127.0.0.1; port 0 picks a free one. With `tls`, it serves
  /// `https` with that certificate.
  package static func start(
    port: Int = 0, configuration: EmulatorConfiguration,
    tls: EmulatorTLS? = nil
  ) async throws -> Emulator {
    let context = try tls.map { try $0.serverContext() }
    let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .bind(host: "127.0.0.1", port: port) { child in
        child.eventLoop.makeCompletedFuture {
          if let context {
            try child.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
          }
          try child.pipeline.syncOperations.configureHTTPServerPipeline()
          return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
            wrappingChannelSynchronously: child)
        }
      }
    let started = ContinuousClock.now
    let boundPort = channel.channel.localAddress?.port ?? port
    let scheme = tls == nil ? "http" : "https"
    let box = StateBox(
      state: EmulatorState(
        configuration: configuration, origin: "\(scheme)://127.0.0.1:\(boundPort)"),
      started: started)
    let serving = Task<Void, Never> {
      await withDiscardingTaskGroup { group in
        do {
          try await channel.executeThenClose { connections in
            for try await connection in connections {
              group.addTask { await box.serve(connection) }
            }
          }
        } catch {
          // The listener closed: the emulator is stopping.
        }
      }
    }
    return Emulator(
      port: boundPort, scheme: scheme, box: box, channel: channel, serving: serving,
      started: started)
  }

  /// Stops listening and closes every connection.
  package func stop() async {
    try? await channel.channel.close()
    serving.cancel()
    _ = await serving.value
  }

  /// Requests seen so far, in order of arrival (the first 100,000).
  package var requests: [SeenRequest] { box.state.withLockedValue { $0.log } }

  /// Triggers received per asset or target id, 409s and 404s included.
  package var triggersByAsset: [String: Int] { box.state.withLockedValue { $0.triggersByAsset } }

  /// Scans created per asset or target id.
  package var scansByAsset: [String: Int] {
    box.state.withLockedValue { state in
      var counts: [String: Int] = [:]
      for scan in state.scans.byID.values { counts[scan.asset, default: 0] += 1 }
      return counts
    }
  }

  /// Seconds since the emulator started.
  package var elapsed: Double { (ContinuousClock.now - started).inSeconds }
}

/// What connection handlers share: the state behind its lock, and the start time.
private final class StateBox: Sendable {
  let state: NIOLockedValueBox<EmulatorState>
  let started: ContinuousClock.Instant

  init(state: EmulatorState, started: ContinuousClock.Instant) {
    self.state = NIOLockedValueBox(state)
    self.started = started
  }

  /// The most bytes of a request body the emulator reads.
  static let maxBody = 1024 * 1024

  func serve(_ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>) async {
    try? await connection.executeThenClose { inbound, outbound in
      var head: HTTPRequestHead?
      var body = ByteBuffer()
      for try await part in inbound {
        switch part {
        case .head(let requestHead):
          head = requestHead
          body.clear()
        case .body(var chunk):
          if body.readableBytes + chunk.readableBytes <= Self.maxBody { body.writeBuffer(&chunk) }
        case .end:
          guard let request = head else { return }
          let bytes = body.readBytes(length: body.readableBytes) ?? []
          let now = (ContinuousClock.now - started).inSeconds
          let answer = state.withLockedValue {
            $0.answer(
              method: request.method.rawValue, uri: request.uri,
              headers: request.headers.map { HTTPHeader($0.name, $0.value) }, body: bytes,
              now: now)
          }
          if answer.delay.isInfinite {
            // Never answer: hold the connection until the client gives up or the
            // emulator stops.
            while !Task.isCancelled { try? await Task.sleep(for: .seconds(1)) }
            return
          }
          if answer.delay > 0 {
            try? await Task.sleep(for: .milliseconds(Int(answer.delay * 1000)))
          }
          // A lost answer: the work is done, the connection closes without a word.
          if answer.drop { return }
          var headers = HTTPHeaders(answer.headers.map { ($0.name, $0.value) })
          headers.replaceOrAdd(name: "Content-Length", value: String(answer.body.count))
          if !request.isKeepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
          let responseHead = HTTPResponseHead(
            version: request.version, status: HTTPResponseStatus(statusCode: answer.status),
            headers: headers)
          try await outbound.write(.head(responseHead))
          if !answer.body.isEmpty {
            try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: answer.body))))
          }
          try await outbound.write(.end(nil))
          if !request.isKeepAlive { return }
          head = nil
        }
      }
    }
  }
}
