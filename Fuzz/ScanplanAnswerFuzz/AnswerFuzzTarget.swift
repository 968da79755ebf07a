// The libFuzzer target over server answers: every vendor's answer readers, and the
// scheduler handling a script of answers to a two-vendor plan.
//
// Built by `Fuzz/run.sh SECONDS JOBS answers` with `-DFUZZING -sanitize=fuzzer,address`,
// libFuzzer calls `LLVMFuzzerTestOneInput` with each input. In an ordinary build it is a
// replay tool: `ScanplanAnswerFuzz FILE...` runs each file through the same code once.

import ScanplanFuzzSupport
import ScanplanVendorKit

/// One input: its first byte chooses which scans a state file restores; the rest is a
/// script of answers (`FuzzAnswers`). Anything that traps, hangs, leaks, lets a server's
/// text reach output unprintable, or leaves a scan without an end is a finding.
func exercise(_ bytes: [UInt8]) {
  let script = FuzzAnswers(Array(bytes.dropFirst()))
  for case .success(let response) in script.answers.prefix(64) {
    readEveryAnswer(response)
  }
  driveScheduler(script, restoreFlags: bytes.first ?? 0)
}

#if FUZZING
  /// libFuzzer's entry point: one input.
  @_cdecl("LLVMFuzzerTestOneInput")
  package func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    exercise(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
  }

  /// Runs once before fuzzing, so the lazy tables and the plan exist before any input's
  /// leak check.
  @_cdecl("LLVMFuzzerInitialize")
  package func fuzzInitialize(
    _ argc: UnsafeMutablePointer<Int32>?,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
  ) -> Int32 {
    exercise(Array("\u{1}\u{1}\u{1}{\"scan_id\":\"a\"}".utf8))
    return 0
  }

  /// SwiftPM links an executable's entry point under this name; here it hands over to
  /// libFuzzer's driver instead of libFuzzer's own `main`.
  @_cdecl("ScanplanAnswerFuzz_main")
  package func fuzzMain(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
  ) -> Int32 {
    // `Fuzz/run.sh` asks for the registered vendors' seeds first.
    if let directory = environmentValue("SCANPLAN_FUZZ_SEEDS") {
      return writeVendorSeeds(directory) ? 0 : 1
    }
    return runFuzzer(argc, argv) { data, size in fuzzOneInput(data, size) }
  }
#else
  /// An ordinary build replays the files named on its command line.
  @main
  enum Replay {
    static func main() {
      if let directory = environmentValue("SCANPLAN_FUZZ_SEEDS") {
        if !writeVendorSeeds(directory) { fatalError("cannot write seeds to \(directory)") }
        return
      }
      replayFiles(exercise)
    }
  }
#endif
