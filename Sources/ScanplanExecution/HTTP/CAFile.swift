import NIOSSL
import ScanplanSupport
import ScanplanVendorKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A provider's `ca_file`, read and checked before anything is sent: a run must not
/// start and then fail every request of a provider on a file it could have read first.
enum CAFile {
  /// The largest `ca_file` read; a bundle of every public root is under 300 KiB.
  static let maxBytes = 4 * 1024 * 1024

  /// The path a plan's `ca_file` stands for: as written when absolute, else relative to
  /// the plan's folder (the working folder for a plan read from standard input).
  static func path(_ written: String, planFile: String) -> String {
    guard !written.hasPrefix("/"), planFile != "<stdin>",
      let slash = planFile.lastIndex(of: "/")
    else { return written }
    return String(planFile[...slash]) + written
  }

  /// The certificates of a PEM file, or why they cannot be used.
  static func load(_ path: String) -> Result<TrustedCA, CAFileError> {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      return .failure(CAFileError("cannot read `ca_file` \(path): \(FileBytes.errorText())"))
    }
    defer { close(descriptor) }
    let bytes: [UInt8]
    switch FileBytes.readAll(descriptor: descriptor, limit: maxBytes) {
    case .failure(let failure):
      return .failure(CAFileError("cannot read `ca_file` \(path): \(failure.reason)"))
    case .success(let read) where read.count > maxBytes:
      return .failure(CAFileError("`ca_file` \(path) is larger than 4 MiB; it is not a PEM file"))
    case .success(let read):
      bytes = read
    }
    let certificates = try? NIOSSLCertificate.fromPEMBytes(bytes)
    guard let certificates, !certificates.isEmpty else {
      return .failure(
        CAFileError(
          "`ca_file` \(path) holds no PEM certificate (`-----BEGIN CERTIFICATE-----`)"))
    }
    return .success(TrustedCA(path: path, pem: bytes))
  }
}

/// A `ca_file` that cannot be used; nothing has been sent.
struct CAFileError: Error, Sendable {
  /// What is wrong, lowercase.
  let message: String
  init(_ message: String) { self.message = message }
}
