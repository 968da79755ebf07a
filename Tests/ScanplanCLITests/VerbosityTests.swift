import Foundation
import Testing

/// `run -v` logs each request to standard error, `-vv` the answers too, both redacted;
/// `--quiet` prints only the summary and errors.
@Suite(.serialized) struct VerbosityTests {
  static let plan = """
    version: 1
    providers:
      zap: { type: zap, api_key: "${ZAP_API_KEY}" }
    assets:
      - name: site
        provider: zap
        url: ${SITE_URL}
        scans: [{ name: crawl, scan_type: spider }]

    """

  static func planFile() throws -> (URL, String) {
    let directory = try RunCommandTests.temporaryDirectory()
    let path = directory.appendingPathComponent("plan.yaml").path
    try Self.plan.write(toFile: path, atomically: true, encoding: .utf8)
    return (directory, path)
  }

  @Test func verboseLogsEachRequestWithoutTheEnvironmentsValues() async throws {
    let (directory, path) = try Self.planFile()
    defer { try? FileManager.default.removeItem(at: directory) }
    let environment = ["SITE_URL": "https://secret-host.example.test/app/"]
    let once = try await CLI.run(["run", "--sandbox", "-v", path], environment: environment)
    #expect(once.status == 0, "\(once.stdout)\(once.stderr)")
    let lines = once.stderr.split(separator: "\n").filter { $0.hasPrefix("info scanplan: ") }
    #expect(
      lines.contains {
        $0.contains("GET http://127.0.0.1:") && $0.contains("/JSON/spider/action/scan/?url=")
          && $0.contains(" -> 200 in ")
      })
    #expect(lines.contains { $0.contains("/JSON/spider/view/status/?scanId=") })
    #expect(lines.contains { $0.contains("/JSON/alert/view/alerts/") })
    // A value read from the environment is redacted, written plainly or in a query.
    #expect(!once.stderr.contains("secret-host"))
    #expect(once.stderr.contains("url=***"))
    #expect(!once.stderr.contains("answer body"))
    // The console's lines stay on standard output.
    #expect(once.stdout.contains("completed"))
    let twice = try await CLI.run(["run", "--sandbox", "-vv", path], environment: environment)
    #expect(twice.status == 0)
    #expect(twice.stderr.contains("debug scanplan: answer body: {\"scan\":"))
    #expect(!twice.stderr.contains("secret-host"))
    #expect(!twice.stderr.contains("sandbox-zap-api-key"))
  }

  @Test func quietPrintsOnlyTheSummary() async throws {
    let (directory, path) = try Self.planFile()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try await CLI.run(
      ["run", "--sandbox", "--quiet", path], environment: ["SITE_URL": "https://site.example.test/"]
    )
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stdout.contains("triggered scan"))
    #expect(!result.stdout.contains("running"))
    #expect(result.stdout.contains("1 completed"))
    let both = try await CLI.run(["run", "--sandbox", "-q", "-v", path])
    #expect(both.status == 64)
    #expect(both.stderr.contains("--quiet and --verbose do not go together"))
  }
}
