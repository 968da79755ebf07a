import Foundation
import Testing

/// `validate --format junit`: one test case per file, one failure per error, warnings as
/// the case's output unless `--strict` makes them errors.
@Suite struct JUnitValidateTests {
  static let warned = "Tests/ScanplanPlanTests/Fixtures/invalid/zap-plain-http-off-loopback.yaml"

  @Test func eachFileIsATestCaseAndEachErrorAFailure() async throws {
    let result = try await CLI.run([
      "validate", "--format", "junit", "examples/quickstart.yaml", Self.warned,
      "Tests/ScanplanCLITests/Goldens/bad-plan.yaml",
    ])
    #expect(result.status == 2)
    let xml = result.stdout
    #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"))
    #expect(xml.components(separatedBy: "<testcase ").count - 1 == 3)
    #expect(
      xml.contains("<testcase classname=\"scanplan.validate\" name=\"examples/quickstart.yaml\"/>"))
    #expect(xml.contains("tests=\"3\" failures=\"1\""))
    #expect(xml.components(separatedBy: "<failure type=").count - 1 == 8)
    // A warning is output, not a failure.
    #expect(xml.contains("<system-out>warning[W506]: \(Self.warned):"))
    // Text between the tags is escaped: no `<` but the markup's.
    for failure in xml.components(separatedBy: "<failure ").dropFirst() {
      let body = failure.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
      #expect(!body.isEmpty)
    }
  }

  @Test func strictMakesAWarningAFailure() async throws {
    let result = try await CLI.run(["validate", "--strict", "--format", "junit", Self.warned])
    #expect(result.status == 2)
    #expect(result.stdout.contains("<failure type=\"W506\""))
    #expect(result.stdout.contains("tests=\"1\" failures=\"1\""))
  }
}
