import ScanplanEmulator
import ScanplanExecution
import ScanplanPlan
import ScanplanReport
import ScanplanVendorKit
import ScanplanVendors
import ScanplanYAML
import Testing

/// An on-premises server with its own root CA, as the emulator plays it over `https`:
/// trusted through a provider's `ca_file`, and refused at once without one.
@Suite(.serialized) struct TLSTests {
  /// The checked-in test certificates (TLS/README.md).
  static let folder = String(#filePath.dropLast("TLSTests.swift".count)) + "TLS/"

  static func tls() throws -> EmulatorTLS {
    try EmulatorTLS(certificateFile: folder + "server.pem", keyFile: folder + "server.key")
  }

  /// An on-premises Invicti whose plan sits beside the test certificates.
  static func onPremisesPlan(caFile: String) throws -> ResolvedPlan {
    let yaml = """
      version: 1
      providers:
        onprem: { type: invicti, base_url: "https://localhost:3443", token: "${T}", ca_file: \(caFile) }
      assets:
        - name: api
          provider: onprem
          target_id: \(uuid(1))
          user_authorized_to_scan: yes
          scans: [{ profile_id: 11111111-1111-1111-1111-111111111111 }]
      """
    return try #require(
      PlanValidator(registry: Vendors.registry).validate(
        SourceText(path: folder + "plan.yaml", text: yaml)
      ).plan)
  }

  @Test func aPlanTrustingItsCARunsOverHTTPS() async throws {
    let run = try await EmulatorRun.run(
      plan: { EmulatorRun.plan(baseURL: $0, caFile: Self.folder + "ca.pem") }, tls: try Self.tls())
    #expect(run.emulator.baseURL.hasPrefix("https://127.0.0.1:"))
    #expect(run.records.allSatisfy { $0.outcome == .completed }, "\(run.output)")
    #expect(run.report.exitCode == 0)
    run.expectNoSecrets()
  }

  @Test func withoutCAFileEveryScanEndsAtOnceWithoutARetry() async throws {
    let run = try await EmulatorRun.run(
      plan: { EmulatorRun.plan(baseURL: $0) }, tls: try Self.tls())
    let reason =
      "certificate not trusted: set ca_file to a PEM file of the authority that signed the server's certificate"
    #expect(run.records.allSatisfy { $0.outcome == .errored(reason) }, "\(run.output)")
    // No scan sent a second request: nothing was retried.
    #expect(run.sent.count <= run.records.count, "\(run.sent)")
    #expect(run.emulator.requests.isEmpty)
    #expect(!run.output.contains("retrying"))
    #expect(run.output.contains("s4e  unreachable: \(reason)"))
    #expect(run.report.unreachableProviders == ["s4e", "inv"])
    #expect(run.report.exitCode == 3)
  }

  @Test func aCAFileOfAnotherAuthorityIsNamedInTheReason() async throws {
    let other = Self.folder + "other-ca.pem"
    let run = try await EmulatorRun.run(
      plan: { EmulatorRun.plan(baseURL: $0, s4eAssets: 1, invictiAssets: 0, caFile: other) },
      tls: try Self.tls())
    #expect(
      run.outcome("web-0/quick")
        == .errored(
          "certificate not trusted by ca_file \(other): it does not hold the authority that signed the server's certificate"
        ))
  }

  @Test func aCAFileIsRelativeToItsPlanAndMayComeFromTheEnvironment() throws {
    let plan = try Self.onPremisesPlan(caFile: #""${CA_DIR:-.}/ca.pem""#)
    #expect(plan.providers[0].caFile == "${CA_DIR:-.}/ca.pem")
    let prepared = try RunPlan.prepare([plan], environment: ["T": "token"]).get()
    #expect(prepared.jobs[0].trust?.path == Self.folder + "./ca.pem")
    #expect(
      prepared.jobs[0].trust?.pem.starts(with: Array("-----BEGIN CERTIFICATE-----".utf8)) == true)
    // The dry run says which file a run would trust.
    let dry = DryRun([plan], selection: RunSelection(), environment: [:])
    #expect(dry.text().contains("  (TLS trusts the authorities in ${CA_DIR:-.}/ca.pem)\n"))
    // A variable with a fallback is not needed.
    #expect(dry.unset == ["T"])
  }

  @Test(arguments: [
    ("missing.pem", "cannot read `ca_file` FOLDERmissing.pem: no such file or directory"),
    (
      "README.md",
      "`ca_file` FOLDERREADME.md holds no PEM certificate (`-----BEGIN CERTIFICATE-----`)"
    ),
  ])
  func aCAFileThatCannotBeUsedStopsTheRunBeforeAnythingIsSent(_ file: String, _ problem: String)
    throws
  {
    let plan = try Self.onPremisesPlan(caFile: file)
    let result = RunPlan.prepare([plan], environment: ["T": "token"])
    guard case .failure(let error) = result else {
      Issue.record("the run was prepared")
      return
    }
    #expect(
      error.problems == [
        "provider `onprem` of \(Self.folder)plan.yaml: "
          + problem.replacing("FOLDER", with: Self.folder)
      ])
    #expect(!error.isUsage)
  }
}
