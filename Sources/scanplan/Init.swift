import ArgumentParser
import ScanplanExecution
import ScanplanPlan
import ScanplanRendering

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `scanplan init [PATH]`
struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a starter plan, with the schema line editors use.")

  @Argument(help: "Where to write it.")
  var path = "scanplan.yaml"

  @Flag(help: "Replace the file if it exists.")
  var force = false

  func run() throws {
    if !force, access(path, F_OK) == 0 {
      throw ValidationError("\(path) exists; pass --force to replace it")
    }
    do {
      try AtomicFile.write(Array(StarterPlan.text.utf8), to: path)
    } catch {
      Environment.printError("error: \(error.message)\n")
      throw ExitCode(2)
    }
    print("wrote \(path); next: scanplan validate \(path)")
  }
}
