// Benchmarks that run in one process, each printing a Markdown table for
// Benchmarks/RESULTS.md (Benchmarks/run.sh calls them).
//
// usage: ScanplanBenchmarks validate PLAN SMALL_PLAN SCANPLAN_BINARY [RUNS]
//        taskset -c 0 ScanplanBenchmarks validate-pinned PLAN SCANPLAN_BINARY [RUNS]
//        ScanplanBenchmarks simulate [SCANS]
//        ScanplanBenchmarks reports [SCANS] [FINDINGS_PER_SCAN]
//        ScanplanBenchmarks once parse|load|validate PLAN    (under valgrind --tool=callgrind)

import Foundation

func usage() -> Never {
  FileHandle.standardError.write(
    Data(
      """
      usage: ScanplanBenchmarks validate PLAN SMALL_PLAN SCANPLAN_BINARY [RUNS]
             taskset -c 0 ScanplanBenchmarks validate-pinned PLAN SCANPLAN_BINARY [RUNS]
             ScanplanBenchmarks simulate [SCANS]
             ScanplanBenchmarks reports [SCANS] [FINDINGS_PER_SCAN]
             ScanplanBenchmarks once parse|load|validate PLAN

      """.utf8))
  exit(64)
}

let commandLine = CommandLine.arguments
switch commandLine.count > 1 ? commandLine[1] : "" {
case "validate": validateBenchmark(commandLine)
case "validate-pinned": validatePinnedBenchmark(commandLine)
case "once": validateOnce(commandLine)
case "simulate":
  simulateBenchmark(scans: commandLine.count > 2 ? Int(commandLine[2]) ?? 100_000 : 100_000)
case "reports":
  reportsBenchmark(
    scans: commandLine.count > 2 ? Int(commandLine[2]) ?? 20_000 : 20_000,
    findings: commandLine.count > 3 ? Int(commandLine[3]) ?? 0 : 0)
default: usage()
}
