import ScanplanSupport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Files written whole or not at all: state files and reports.
package enum AtomicFile {
  /// A file that could not be written.
  package struct WriteError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, lowercase.
    package let message: String
    package var description: String { message }
  }

  /// Who may read a file written.
  package enum Readers: Sendable {
    /// Everyone the umask allows, as any file a tool writes (reports, pages, plans).
    case everyone
    /// The owner only (`0600`): state files, which say what runs where.
    case owner

    var mode: mode_t {
      switch self {
      case .everyone: 0o666
      case .owner: 0o600
      }
    }
  }

  /// Writes a file so that a reader sees the old contents or the new, never a mix, even
  /// if the machine stops half-way.
  package static func write(
    _ bytes: [UInt8], to path: String, readers: Readers = .everyone
  ) throws(AtomicFile.WriteError) {
    let temporary = path + ".tmp-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, readers.mode)
    guard descriptor >= 0 else {
      throw WriteError(message: "cannot write \(temporary): \(FileBytes.errorText())")
    }
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes {
        writeBytes(descriptor, $0.baseAddress, $0.count)
      }
      if written < 0 {
        if errno == EINTR { continue }
        let reason = FileBytes.errorText()
        close(descriptor)
        unlink(temporary)
        throw WriteError(message: "cannot write \(temporary): \(reason)")
      }
      offset += written
    }
    guard fsync(descriptor) == 0, close(descriptor) == 0 else {
      unlink(temporary)
      throw WriteError(message: "cannot write \(temporary): \(FileBytes.errorText())")
    }
    guard rename(temporary, path) == 0 else {
      unlink(temporary)
      throw WriteError(message: "cannot replace \(path): \(FileBytes.errorText())")
    }
    // The rename itself is durable once the folder is synced.
    let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
    let folderDescriptor = open(folder.isEmpty ? "/" : folder, O_RDONLY)
    if folderDescriptor >= 0 {
      fsync(folderDescriptor)
      close(folderDescriptor)
    }
  }

  private static func writeBytes(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int)
    -> Int
  {
    #if canImport(Glibc)
      return Glibc.write(descriptor, buffer, count)
    #else
      return Darwin.write(descriptor, buffer, count)
    #endif
  }

}
