import Foundation
import Subprocess
import Testing

#if canImport(System)
  import System
#else
  import SystemPackage
#endif

/// Runs the built `scanplan` binary as a user would, from the package root.
enum CLI {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The binary SwiftPM built next to the test bundle.
  static var binary: URL {
    let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var directory = testBinary.deletingLastPathComponent()
    // The test bundle is `.xctest`, a file on Linux and a directory on macOS.
    while !FileManager.default.isExecutableFile(
      atPath: directory.appendingPathComponent("scanplan").path),
      directory.pathComponents.count > 1
    {
      directory.deleteLastPathComponent()
    }
    return directory.appendingPathComponent("scanplan")
  }

  struct Result {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  /// This process's environment with `overrides`, on a clean slate: what CI sets that
  /// changes output is removed, and tests set what they mean to.
  static func environment(_ overrides: [String: String]) -> Subprocess.Environment {
    var changes: [Subprocess.Environment.Key: String?] = [
      "GITHUB_ACTIONS": nil, "NO_COLOR": nil,
    ]
    for (key, value) in overrides {
      changes[Subprocess.Environment.Key(stringLiteral: key)] = value
    }
    return .inherit.updating(changes)
  }

  /// Runs the binary to its end. Both pipes are read as the child writes them
  /// (swift-subprocess), so a child that fills stderr first cannot stall the test;
  /// `onStart` gets the child's process id while it runs, to signal it.
  static func run(
    _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
    directory: URL = packageRoot,
    onStart: (_ pid: pid_t) async throws -> Void = { _ in }
  ) async throws -> Result {
    let result = try await Subprocess.run(
      .path(FilePath(binary.path)), arguments: Arguments(arguments),
      environment: Self.environment(environment), workingDirectory: FilePath(directory.path),
      input: .string(stdin ?? ""), output: .string(limit: 64 << 20),
      error: .string(limit: 64 << 20)
    ) { execution in
      try await onStart(execution.processIdentifier.value)
    }
    let status: Int32
    switch result.terminationStatus {
    case .exited(let code): status = code
    case .signaled(let signal): status = 128 + signal
    }
    return Result(
      status: status, stdout: result.standardOutput, stderr: result.standardError)
  }

  /// Runs the binary to its end, reading its output line by line, and interrupts it
  /// (Ctrl-C) at the first line that `ready` accepts: a test that waits for what the
  /// process says rather than for a time, however slow the machine (or a sanitizer) is.
  static func run(
    _ arguments: [String], environment: [String: String] = [:],
    interruptingWhen ready: @escaping (String) -> Bool
  ) async throws -> Result {
    let result = try await Subprocess.run(
      .path(FilePath(binary.path)), arguments: Arguments(arguments),
      environment: Self.environment(environment), workingDirectory: FilePath(packageRoot.path),
      input: .none, output: .sequence, error: .string(limit: 64 << 20)
    ) { execution in
      var stdout = ""
      var interrupted = false
      for try await line in execution.standardOutput.strings() {
        stdout += line.hasSuffix("\n") ? line : line + "\n"
        if !interrupted, ready(line) {
          interrupted = true
          try execution.send(signal: .interrupt)
        }
      }
      return stdout
    }
    let status: Int32
    switch result.terminationStatus {
    case .exited(let code): status = code
    case .signaled(let signal): status = 128 + signal
    }
    return Result(
      status: status, stdout: result.closureResult, stderr: result.standardError)
  }

  /// Starts the binary, gives `body` the first line it printed while it runs, then
  /// interrupts it (Ctrl-C) and waits for it to end: a server such as `emulate`.
  static func whileRunning(
    _ arguments: [String], _ body: (_ firstLine: String) async throws -> Void
  ) async throws {
    _ = try await Subprocess.run(
      .path(FilePath(binary.path)), arguments: Arguments(arguments),
      workingDirectory: FilePath(packageRoot.path), input: .none, output: .sequence,
      error: .discarded
    ) { execution in
      var lines = execution.standardOutput.strings().makeAsyncIterator()
      let first = try await lines.next() ?? ""
      do {
        try await body(first)
      } catch {
        try? execution.send(signal: .interrupt)
        throw error
      }
      try execution.send(signal: .interrupt)
      // Read to the end, so the child never blocks on a full pipe while it stops.
      while try await lines.next() != nil {}
    }
  }

  /// Compares with a golden file; `SCANPLAN_UPDATE_GOLDENS=1` rewrites it instead.
  static func expectGolden(
    _ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let url = packageRoot.appendingPathComponent("Tests/ScanplanCLITests/Goldens/\(name)")
    if ProcessInfo.processInfo.environment["SCANPLAN_UPDATE_GOLDENS"] == "1" {
      try Data(actual.utf8).write(to: url)
      return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "golden \(name) differs", sourceLocation: sourceLocation)
  }
}
