// What the fuzz targets share: handing over to libFuzzer's driver, and replaying inputs
// from files in an ordinary build.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

#if FUZZING
  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
  ) -> Int32

  /// Runs libFuzzer's driver with the command line, calling `callback` with each input.
  /// A target's `TARGET_main` (the name SwiftPM links its entry point under) calls it.
  package func runFuzzer(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
  ) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, callback)
  }
#endif

/// Runs `exercise` once on each file named on the command line: reproducing a finding
/// without the fuzzer.
package func replayFiles(_ exercise: ([UInt8]) -> Void) {
  for path in CommandLine.arguments.dropFirst() {
    guard let file = fopen(path, "rb") else {
      print("cannot open \(path)")
      continue
    }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = fread(&chunk, 1, chunk.count, file)
      if count <= 0 { break }
      bytes += chunk[0..<count]
    }
    fclose(file)
    exercise(bytes)
    print("ok \(path)")
  }
}

/// Writes `bytes` to `path`, replacing it; false when it cannot.
package func writeFile(_ path: String, _ bytes: [UInt8]) -> Bool {
  guard let file = fopen(path, "wb") else { return false }
  defer { fclose(file) }
  return bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) } == bytes.count
}

/// The value of an environment variable, if set.
package func environmentValue(_ name: String) -> String? {
  getenv(name).map { String(cString: $0) }
}
