import Foundation
import Testing

/// `scanplan emulate` as a user runs it beside `scanplan run`: over `https` with its own
/// CA, as an on-premises server serves.
@Suite(.serialized) struct EmulateCommandTests {
  static let certificates = CLI.packageRoot.appendingPathComponent(
    "Tests/ScanplanExecutionTests/TLS")

  /// Runs `body` with the base URL of `scanplan emulate --port 0 ARGUMENTS` while it runs.
  static func withEmulate(
    _ arguments: [String], _ body: (_ baseURL: String) async throws -> Void
  ) async throws {
    try await CLI.whileRunning(["emulate", "--port", "0"] + arguments) { firstLine in
      let marker = "scanplan emulator at "
      let url = try #require(firstLine.range(of: marker)).upperBound
      try await body(String(firstLine[url...].prefix { $0 != " " }))
    }
  }

  static func plan(_ baseURL: String, caFile: String?, in directory: URL) throws -> String {
    let trust = caFile.map { "\n    ca_file: \($0)" } ?? ""
    let text = """
      version: 1
      providers:
        onprem:
          type: invicti
          base_url: \(baseURL)
          token: ${INVICTI_API_TOKEN}\(trust)
          poll: { initial_interval: 1s, max_interval: 1s }
      assets:
        - name: api
          provider: onprem
          target_id: 2df49409-ee21-4080-9640-eb46f4610054
          user_authorized_to_scan: yes
          scans: [{ profile_id: 11111111-1111-1111-1111-111111111112 }]

      """
    let path = directory.appendingPathComponent("plan.yaml").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func emulateServesHTTPSThatAPlanTrustsThroughItsCAFile() async throws {
    try await Self.withEmulate([
      "--tls-cert", Self.certificates.appendingPathComponent("server.pem").path,
      "--tls-key", Self.certificates.appendingPathComponent("server.key").path,
      "--scan-seconds", "1:1.5",
    ]) { baseURL in try await Self.runPlans(against: baseURL) }
  }

  static func runPlans(against baseURL: String) async throws {
    #expect(baseURL.hasPrefix("https://127.0.0.1:"))
    let directory = try RunCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    // Beside the plan, named relative to it.
    try FileManager.default.copyItem(
      at: Self.certificates.appendingPathComponent("ca.pem"),
      to: directory.appendingPathComponent("onprem-ca.pem"))
    let tokens = ["INVICTI_API_TOKEN": "sandbox-invicti-token"]

    let trusted = try await CLI.run(
      ["run", try Self.plan(baseURL, caFile: "onprem-ca.pem", in: directory)],
      environment: tokens)
    #expect(trusted.status == 0, "\(trusted.stdout)\(trusted.stderr)")
    #expect(trusted.stdout.contains("api/scan  completed"))

    let untrusted = try await CLI.run(
      ["run", try Self.plan(baseURL, caFile: nil, in: directory)], environment: tokens)
    #expect(untrusted.status == 3, "\(untrusted.stdout)\(untrusted.stderr)")
    #expect(untrusted.stdout.contains("api/scan: errored: certificate not trusted: set ca_file"))
    #expect(!untrusted.stdout.contains("retrying"))
  }

  @Test(arguments: [
    (["--tls-cert", "server.pem"], "--tls-cert and --tls-key go together"),
    (
      ["--tls-cert", "no-such.pem", "--tls-key", "no-such.key"],
      "cannot read no-such.pem: no such file or directory"
    ),
    (["--dialect", "swagger"], "Please provide one of 'seed' and 'reference'"),
    (["--scan-seconds", "4:2"], "The value '4:2' is invalid for '--scan-seconds <min:max>'"),
    (["--scan-seconds", "2"], "The value '2' is invalid for '--scan-seconds <min:max>'"),
  ])
  func emulateRefusesWhatItCannotServe(_ arguments: [String], _ message: String) async throws {
    let result = try await CLI.run(["emulate", "--port", "0"] + arguments)
    #expect(result.status == 64)
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }
}
