// The libFuzzer target over loading, validation and every renderer.
//
// Built by Fuzz/run.sh with `-DFUZZING -sanitize=fuzzer,address`, libFuzzer calls
// `LLVMFuzzerTestOneInput` with each input. In an ordinary build it is a replay tool:
// `ScanplanFuzz FILE...` runs each file through the same code once, to reproduce a finding
// without the fuzzer.

import ScanplanFuzzSupport
import ScanplanPlan
import ScanplanRendering
import ScanplanVendors
import ScanplanYAML

/// One input: load, validate, resolve and render in every format. Anything that crashes,
/// hangs or leaks here is a bug, and so is an outcome that depends on whether libyaml
/// ran on a thread of its own.
let validator = PlanValidator(registry: Vendors.registry)

func exercise(_ bytes: [UInt8]) {
  let source = SourceText(path: "fuzz.yaml", bytes: bytes)
  let validation = validator.validate(source)
  let alone = YAMLLoader(concurrentParsingThreshold: .max).load(source)
  let threaded = YAMLLoader(concurrentParsingThreshold: 0).load(source)
  if alone.errors != threaded.errors || alone.document != threaded.document {
    fatalError("parsing on a thread of its own changed the outcome")
  }
  _ = TextRenderer(color: true).render([validation])
  _ = JSONDiagnosticsRenderer.render([validation])
  _ = GitHubAnnotationRenderer.render([validation])
  _ = SARIFRenderer.render([validation.strict()], toolVersion: "fuzz")
}

#if FUZZING
  /// libFuzzer's entry point: one input.
  @_cdecl("LLVMFuzzerTestOneInput")
  package func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    exercise(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
  }

  /// Runs once before fuzzing: touches the lazy tables so that their one-time
  /// allocations happen outside any input's leak check.
  @_cdecl("LLVMFuzzerInitialize")
  package func fuzzInitialize(
    _ argc: UnsafeMutablePointer<Int32>?,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?
  ) -> Int32 {
    exercise(
      Array("version: 1\nproviders: {s4e: {type: s4e, token: x}}\nassets: [{name: a}]\n".utf8))
    return 0
  }

  /// SwiftPM links an executable's entry point under this name; here it hands over to
  /// libFuzzer's driver instead of libFuzzer's own `main`.
  @_cdecl("ScanplanFuzz_main")
  package func fuzzMain(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
  ) -> Int32 {
    runFuzzer(argc, argv) { data, size in fuzzOneInput(data, size) }
  }
#else
  /// An ordinary build replays the files named on its command line.
  @main
  enum Replay {
    static func main() { replayFiles(exercise) }
  }
#endif
