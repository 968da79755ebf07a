// Measures validation against its floor, libyaml's own event parse, in one run.
//
// usage: ScanplanBenchmarks validate PLAN SMALL_PLAN SCANPLAN_BINARY [RUNS]
//
// Prints a Markdown table: (a) libyaml's raw event parse of PLAN in this process,
// (b) `scanplan validate PLAN` as a process (wall time and peak memory), (c) the same
// validation in this process, (c1) loading the YAML alone in this process, and
// (d) `scanplan validate SMALL_PLAN` as a process.
// Times are medians of RUNS runs (default 7).

import CLibYAML
import Foundation
import ScanplanPlan
import ScanplanVendors
import ScanplanYAML

/// Parses every event of a file with libyaml and nothing else: the floor for any
/// libyaml-backed loader.
func rawParse(_ bytes: [UInt8]) -> Int {
  let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
  let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
  defer {
    parser.deallocate()
    event.deallocate()
  }
  yaml_parser_initialize(parser)
  defer { yaml_parser_delete(parser) }
  var events = 0
  bytes.withUnsafeBufferPointer { buffer in
    yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
    while yaml_parser_parse(parser, event) != 0 {
      events += 1
      let done = event.pointee.type == YAML_STREAM_END_EVENT
      yaml_event_delete(event)
      if done { break }
    }
  }
  return events
}

func seconds(_ body: () -> Void) -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  return sorted[sorted.count / 2]
}

func ms(_ value: Double) -> String { String(format: "%.1f ms", value * 1000) }

/// One table row: a median, and its ratio to the floor.
func row(_ label: String, _ times: [Double], floor: Double, target: String = "") {
  print(
    "| \(label) | \(ms(median(times))) | " + String(format: "%.2fx", median(times) / floor)
      + (target.isEmpty ? " | |" : " | \(target) |"))
}

/// Runs a command to its end; returns wall seconds, peak resident memory in bytes and
/// the exit status.
func spawn(_ arguments: [String]) -> (seconds: Double, peakBytes: Int, status: Int32) {
  var pid: pid_t = 0
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
  defer { posix_spawn_file_actions_destroy(&actions) }
  let argv = arguments.map { strdup($0) } + [nil]
  defer {
    for argument in argv { free(argument) }
  }
  let start = DispatchTime.now().uptimeNanoseconds
  guard posix_spawn(&pid, arguments[0], &actions, nil, argv, environ) == 0 else {
    fatalError("cannot run \(arguments[0])")
  }
  var status: Int32 = 0
  var usage = rusage()
  wait4(pid, &status, 0, &usage)
  let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  return (elapsed, usage.ru_maxrss * 1024, (status >> 8) & 0xFF)
}

/// `validate PLAN SMALL_PLAN SCANPLAN_BINARY [RUNS]`.
func validateBenchmark(_ arguments: [String]) {
  guard arguments.count >= 5 else { usage() }
  let (planPath, smallPath, binary) = (arguments[2], arguments[3], arguments[4])
  let runs = arguments.count > 5 ? Int(arguments[5]) ?? 7 : 7
  let bytes = [UInt8](FileManager.default.contents(atPath: planPath)!)
  let events = rawParse(bytes)

  // Processes first, while this one is small: a spawned child's peak memory counts the
  // pages it shares with its parent until it execs.
  var process: [Double] = []
  var peak = 0
  var small: [Double] = []
  for _ in 0..<runs {
    let run = spawn([binary, "validate", planPath])
    precondition(run.status == 0, "scanplan validate failed")
    process.append(run.seconds)
    peak = max(peak, run.peakBytes)
    small.append(spawn([binary, "validate", smallPath]).seconds)
  }
  var raw: [Double] = []
  var loadOnly: [Double] = []
  var inProcess: [Double] = []
  for _ in 0..<runs {
    raw.append(seconds { _ = rawParse(bytes) })
    loadOnly.append(
      seconds {
        let loaded = YAMLLoader().load(SourceText(path: planPath, bytes: bytes))
        precondition(loaded.document != nil, "the benchmark plan must load")
      })
    inProcess.append(
      seconds {
        let validation = PlanValidator(registry: Vendors.registry, resolving: false).validate(
          SourceText(path: planPath, bytes: bytes))
        precondition(!validation.hasErrors, "the benchmark plan must be valid")
      })
  }

  let rawTime = median(raw)
  print("| measurement | median of \(runs) | vs (a) | target |")
  print("| --- | --- | --- | --- |")
  row(
    "(a) libyaml raw event parse, \(bytes.count) bytes, \(events) events", raw, floor: rawTime,
    target: "floor")
  row("(b) `scanplan validate` process, wall", process, floor: rawTime, target: "within 2x")
  row(
    "(c) validation in process, as `validate` does it (load, check)", inProcess, floor: rawTime)
  row("(c1) loading the YAML tree alone, no checks", loadOnly, floor: rawTime)
  print("| (b) peak resident memory | \(peak / (1024 * 1024)) MiB | | under 150 MB |")
  print("| (d) `scanplan validate` of a small plan, wall | \(ms(median(small))) | | under 50 ms |")
}

/// `validate-pinned PLAN SCANPLAN_BINARY [RUNS]`, run under `taskset -c 0`: the same
/// floor and `scanplan validate` on one core (a spawned process inherits the pinning),
/// and loading with and without libyaml on a thread of its own, to show whether that
/// thread pays when there is no second core.
func validatePinnedBenchmark(_ arguments: [String]) {
  guard arguments.count >= 4 else { usage() }
  let (planPath, binary) = (arguments[2], arguments[3])
  let runs = arguments.count > 4 ? Int(arguments[4]) ?? 7 : 7
  let bytes = [UInt8](FileManager.default.contents(atPath: planPath)!)
  // Interleaved, so that a noisy neighbour slows the floor and the process alike.
  var process: [Double] = []
  var raw: [Double] = []
  var alone: [Double] = []
  var threaded: [Double] = []
  for _ in 0..<runs {
    let run = spawn([binary, "validate", planPath])
    precondition(run.status == 0, "scanplan validate failed")
    process.append(run.seconds)
    raw.append(seconds { _ = rawParse(bytes) })
    let source = SourceText(path: planPath, bytes: bytes)
    alone.append(
      seconds { _ = YAMLLoader(concurrentParsingThreshold: .max).load(source) })
    threaded.append(seconds { _ = YAMLLoader(concurrentParsingThreshold: 0).load(source) })
  }
  let rawTime = median(raw)
  row("(a) libyaml raw event parse, one core", raw, floor: rawTime, target: "floor")
  row(
    "(b) `scanplan validate` process, one core, wall (libyaml on the calling thread)", process,
    floor: rawTime, target: "within 2.5x")
  row(
    "(c1) loading the YAML tree, libyaml on the calling thread, one core", alone, floor: rawTime)
  row(
    "(c1) loading the YAML tree, libyaml on a thread of its own, one core", threaded,
    floor: rawTime)
}

/// One step on one plan, once, and nothing else: for instruction counts
/// (`valgrind --tool=callgrind`), which stay steady where this VM's clock does not.
/// `parse` is libyaml's raw event parse, `load` builds the tree, `validate` does what
/// `scanplan validate` does.
func validateOnce(_ arguments: [String]) {
  guard arguments.count > 3, let bytes = FileManager.default.contents(atPath: arguments[3])
  else { usage() }
  let source = SourceText(path: arguments[3], bytes: Array(bytes))
  switch arguments[2] {
  case "parse":
    precondition(rawParse(source.bytes) > 0, "the plan must parse")
  case "load":
    precondition(YAMLLoader().load(source).document != nil, "the plan must load")
  case "validate":
    precondition(
      !PlanValidator(registry: Vendors.registry, resolving: false).validate(source).hasErrors,
      "the plan must be valid")
  default:
    usage()
  }
}
