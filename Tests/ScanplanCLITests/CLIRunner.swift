import Foundation
import Testing

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

  static func run(
    _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
    directory: URL = packageRoot, onStart: (Process) -> Void = { _ in }
  ) throws -> Result {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    // A clean slate: tests set what they mean to.
    env["GITHUB_ACTIONS"] = nil
    env["NO_COLOR"] = nil
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let output = Pipe()
    let errors = Pipe()
    let input = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = input
    try process.run()
    onStart(process)
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    // Read before waiting, so a large output cannot fill the pipe and stall the child.
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
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
