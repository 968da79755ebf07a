import NIOSSL
import ScanplanSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The certificate and key an emulator serves `https` with, as PEM text.
package struct EmulatorTLS: Sendable {
  /// The certificate chain, leaf first.
  package let certificatePEM: [UInt8]
  /// The leaf's private key.
  package let keyPEM: [UInt8]

  /// A certificate and key from their PEM text.
  package init(certificatePEM: [UInt8], keyPEM: [UInt8]) {
    self.certificatePEM = certificatePEM
    self.keyPEM = keyPEM
  }

  /// A certificate and key read from PEM files.
  package init(certificateFile: String, keyFile: String) throws(EmulatorTLSError) {
    certificatePEM = try Self.read(certificateFile)
    keyPEM = try Self.read(keyFile)
  }

  /// The server side of the TLS connection.
  func serverContext() throws(EmulatorTLSError) -> NIOSSLContext {
    do {
      let chain = try NIOSSLCertificate.fromPEMBytes(certificatePEM)
      guard !chain.isEmpty else {
        throw EmulatorTLSError(message: "the certificate file holds no PEM certificate")
      }
      let key = try NIOSSLPrivateKey(bytes: keyPEM, format: .pem)
      let configuration = TLSConfiguration.makeServerConfiguration(
        certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
      return try NIOSSLContext(configuration: configuration)
    } catch let error as EmulatorTLSError {
      throw error
    } catch {
      throw EmulatorTLSError(message: "cannot serve https with this certificate and key: \(error)")
    }
  }

  private static func read(_ path: String) throws(EmulatorTLSError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      throw EmulatorTLSError(message: "cannot read \(path): \(FileBytes.errorText())")
    }
    defer { close(descriptor) }
    switch FileBytes.readAll(descriptor: descriptor, limit: 4 * 1024 * 1024) {
    case .success(let bytes): return bytes
    case .failure(let failure):
      throw EmulatorTLSError(message: "cannot read \(path): \(failure.reason)")
    }
  }
}

/// A certificate or key the emulator cannot serve with.
package struct EmulatorTLSError: Error, Sendable, CustomStringConvertible {
  /// What is wrong, lowercase.
  package let message: String
  package var description: String { message }
}
