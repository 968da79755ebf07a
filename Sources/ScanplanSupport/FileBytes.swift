#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading whole files and streams, without Foundation.
package enum FileBytes {
  /// Why a read failed, in the system's words.
  package struct ReadFailure: Error, Equatable, Sendable {
    /// What the system said, lowercase.
    package let reason: String
  }

  /// Reads a descriptor to its end, or until it has read more than `limit` bytes, so a
  /// huge input is never read whole.
  package static func readAll(
    descriptor: Int32, limit: Int = .max
  ) -> Result<[UInt8], ReadFailure> {
    var bytes: [UInt8] = []
    // A regular file's size is known: room for all of it (and the byte that shows the
    // end) saves copying a large plan while the array grows.
    var status = stat()
    if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0 {
      bytes.reserveCapacity(min(Int(status.st_size), limit) + 1)
    }
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while bytes.count <= limit {
      let count = chunk.withUnsafeMutableBytes { buffer in
        #if canImport(Glibc)
          Glibc.read(descriptor, buffer.baseAddress, buffer.count)
        #else
          Darwin.read(descriptor, buffer.baseAddress, buffer.count)
        #endif
      }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(ReadFailure(reason: errorText()))
      }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
    }
    return .success(bytes)
  }

  /// The last system error in words, lowercase.
  package static func errorText() -> String {
    String(cString: strerror(errno)).lowercased()
  }
}
