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
    let file = try Writer(path: path, readers: readers)
    try file.write(bytes)
    try file.commit()
  }

  /// A file written in pieces, atomically: nothing is at `path` until `commit()`, and a
  /// writer dropped before it leaves nothing behind.
  package final class Writer {
    private let path: String
    private let temporary: String
    private var descriptor: Int32

    /// Starts the file, next to `path`.
    package init(path: String, readers: Readers = .everyone) throws(AtomicFile.WriteError) {
      self.path = path
      temporary = path + ".tmp-\(getpid())"
      descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, readers.mode)
      guard descriptor >= 0 else {
        throw WriteError(message: "cannot write \(temporary): \(FileBytes.errorText())")
      }
    }

    deinit {
      if descriptor >= 0 {
        close(descriptor)
        unlink(temporary)
      }
    }

    /// Appends `text`'s bytes.
    package func write(_ text: String) throws(AtomicFile.WriteError) {
      var text = text
      if let failure = text.withUTF8({ put(UnsafeRawBufferPointer($0)) }) { throw failure }
    }

    /// Appends `bytes`.
    package func write(_ bytes: [UInt8]) throws(AtomicFile.WriteError) {
      if let failure = bytes.withUnsafeBytes({ put($0) }) { throw failure }
    }

    private func put(_ bytes: UnsafeRawBufferPointer) -> WriteError? {
      var offset = 0
      while offset < bytes.count {
        let written = AtomicFile.writeBytes(
          descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return WriteError(message: "cannot write \(temporary): \(FileBytes.errorText())")
        }
        offset += written
      }
      return nil
    }

    /// Puts the file at its path, durably.
    package func commit() throws(AtomicFile.WriteError) {
      defer { descriptor = -1 }
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
