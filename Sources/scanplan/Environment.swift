#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process environment as a dictionary, read once where a command needs it.
enum Environment {
  /// Writes to standard error.
  static func printError(_ text: String) {
    fflush(nil)
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { buffer in
        #if canImport(Glibc)
          Glibc.write(2, buffer.baseAddress, buffer.count)
        #else
          Darwin.write(2, buffer.baseAddress, buffer.count)
        #endif
      }
      if written <= 0 { return }
      bytes = bytes.dropFirst(written)
    }
  }

  /// Flushes output and ends the process at once, skipping the teardown of large data.
  static func exitNow(_ code: Int32) -> Never {
    fflush(nil)
    #if canImport(Glibc)
      Glibc.exit(code)
    #else
      Darwin.exit(code)
    #endif
  }

  static var current: [String: String] {
    var result: [String: String] = [:]
    var pointer = environ
    while let entry = pointer.pointee {
      let text = String(cString: entry)
      if let equals = text.firstIndex(of: "=") {
        result[String(text[..<equals])] = String(text[text.index(after: equals)...])
      }
      pointer += 1
    }
    return result
  }
}
