import ArgumentParser
import ScanplanExecution
import ScanplanPlan
import ScanplanRendering
import ScanplanSupport
import ScanplanVendorKit
import ScanplanVendors

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `scanplan init [PATH]`
struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write a starter plan for a vendor, with the schema line editors use.")

  @Argument(help: "Where to write it.")
  var path = "scanplan.yaml"

  @Option(
    help: ArgumentHelp(
      "The vendor the plan scans with: "
        + Vendors.registry.vendors.map(\.type.rawValue).joined(separator: ", ") + ".",
      valueName: "type"))
  var provider = "s4e"

  func validate() throws {
    guard Vendors.registry.vendor(ProviderType(provider)) != nil else {
      throw ValidationError(
        "no provider type `\(provider)`; the types are "
          + Vendors.registry.vendors.map { "`\($0.type.rawValue)`" }.joined(separator: ", "))
    }
  }

  @Flag(help: "Replace the file if it exists.")
  var force = false

  func run() throws {
    if !force, access(path, F_OK) == 0 {
      throw ValidationError("\(path) exists; pass --force to replace it")
    }
    do {
      // `validate()` checked the type.
      let table = Vendors.registry.vendor(ProviderType(provider))!.table
      try AtomicFile.write(Array(StarterPlan.text(for: table).utf8), to: path)
    } catch {
      Environment.printError("error: \(error.message)\n")
      throw ExitCode(.invalid)
    }
    print("wrote \(path); next: scanplan validate \(path)")
  }
}
