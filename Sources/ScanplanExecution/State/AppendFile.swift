import ScanplanSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file open for appending whole batches: each `append` writes its bytes and syncs them
/// once, so one fsync covers a whole loop turn of the state journal.
final class AppendFile {
  private var descriptor: Int32
  let path: String

  /// Opens `path` for appending; `create` makes it (mode 0644) when it is missing.
  init(path: String, create: Bool = false) throws(AtomicFile.WriteError) {
    self.path = path
    descriptor = open(path, O_WRONLY | O_APPEND | (create ? O_CREAT : 0), 0o644)
    guard descriptor >= 0 else {
      throw AtomicFile.WriteError(message: "cannot write \(path): \(FileBytes.errorText())")
    }
  }

  deinit { close() }

  /// Appends the bytes and returns once they are on disk.
  func append(_ bytes: [UInt8]) throws(AtomicFile.WriteError) {
    guard descriptor >= 0 else {
      throw AtomicFile.WriteError(message: "cannot write \(path): the file is closed")
    }
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        throw AtomicFile.WriteError(message: "cannot write \(path): \(FileBytes.errorText())")
      }
      offset += written
    }
    guard fsync(descriptor) == 0 else {
      throw AtomicFile.WriteError(message: "cannot write \(path): \(FileBytes.errorText())")
    }
  }

  func close() {
    if descriptor >= 0 {
      #if canImport(Glibc)
        _ = Glibc.close(descriptor)
      #else
        _ = Darwin.close(descriptor)
      #endif
      descriptor = -1
    }
  }
}
