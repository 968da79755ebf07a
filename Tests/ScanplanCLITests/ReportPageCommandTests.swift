import Foundation
import Subprocess
import Testing

#if canImport(System)
  import System
#else
  import SystemPackage
#endif

/// The job summary and the HTML page, from a sandbox run, as a CI job would make them.
@Suite(.serialized) struct ReportPageCommandTests {
  /// Debian's `chromium`, when it is installed.
  static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// A sandbox run of the multi-vendor example (a failed gate among its scans) with
  /// `--report` and `--html`, the job summary file already holding an earlier step's.
  static func sandboxRun(in directory: URL) async throws -> (
    page: String, report: String, summary: String
  ) {
    let report = directory.appendingPathComponent("report.json").path
    let page = directory.appendingPathComponent("run.html").path
    let summary = directory.appendingPathComponent("summary.md").path
    try "earlier step\n".write(toFile: summary, atomically: true, encoding: .utf8)
    let result = try await CLI.run(
      ["run", "--sandbox", "examples/multi-vendor.yaml", "--report", report, "--html", page],
      environment: ["GITHUB_STEP_SUMMARY": summary])
    #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
    #expect(result.stderr.isEmpty)
    return (page, report, summary)
  }

  @Test func aRunWritesItsPageAndAppendsItsSummary() async throws {
    let directory = try RunCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (page, report, summary) = try await Self.sandboxRun(in: directory)
    let html = try String(contentsOfFile: page, encoding: .utf8)
    #expect(html.hasPrefix("<!doctype html>"))
    #expect(html.components(separatedBy: "<g><title>").count - 1 == 6)
    #expect(html.contains("<h2>s4e <small>") && html.contains("<h2>invicti-eu <small>"))
    #expect(html.contains("<h3>Did not end well (1)</h3>"))
    #expect(!html.contains("sandbox-s4e-token") && !html.contains("<script"))
    let markdown = try String(contentsOfFile: summary, encoding: .utf8)
    #expect(
      markdown.hasPrefix(
        "earlier step\n### scanplan run\n\n**Exit 1**: 6 completed, 1 gate failed (6 scans in "))
    #expect(markdown.contains("#### Findings\n\n| severity | findings | suppressed |"))
    #expect(markdown.contains("#### Top findings"))
    #expect(markdown.contains("| critical | SQL injection |"))
    #expect(markdown.contains("| `public-api/nightly-dast` | invicti-eu | completed |"))
    #expect(markdown.contains("| **failed**: critical: 1 \\>= 1 |"))

    // `scanplan report` draws the same page from the report.
    let again = directory.appendingPathComponent("again.html").path
    let redrawn = try await CLI.run(["report", report, "--html", again])
    #expect(redrawn.status == 0, "\(redrawn.stderr)")
    #expect(try String(contentsOfFile: again, encoding: .utf8) == html)

    // `validate` appends its own summary after the run's.
    let validated = try await CLI.run(
      ["validate", "examples/quickstart.yaml"], environment: ["GITHUB_STEP_SUMMARY": summary])
    #expect(validated.status == 0)
    let both = try String(contentsOfFile: summary, encoding: .utf8)
    #expect(both.hasPrefix(markdown))
    #expect(
      both.hasSuffix(
        "### scanplan validate\n\n1 file checked: all valid; 0 errors, 0 warnings.\n"))
  }

  @Test(arguments: [
    (
      ["report", "Tests/ScanplanCLITests/Goldens/bad-plan.yaml", "--html", "/tmp/x.html"],
      "is not a scanplan run report"
    ),
    (["report", "no/such.json", "--html", "/tmp/x.html"], "cannot read no/such.json"),
    (
      ["report", "examples/quickstart.yaml"],
      "nothing to write: give --html, --sarif, --junit or --report"
    ),
  ])
  func somethingElseIsNotDrawn(_ arguments: [String], _ message: String) async throws {
    let result = try await CLI.run(arguments)
    #expect(result.status == 64)
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }

  /// A report too large to read says how large, without reading it: the file is sparse.
  @Test func aReportOverTheLimitIsRefusedWithItsSize() async throws {
    let directory = try RunCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("huge.json").path
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: 600 << 20)
    try handle.close()
    let result = try await CLI.run(["report", path, "--html", directory.path + "/x.html"])
    #expect(result.status == 64)
    #expect(
      result.stderr.contains("cannot read \(path): it is 600 MiB, over the limit of 512 MiB"),
      "\(result.stderr)")
  }

  /// The page as a person sees it: Chromium loads it with no console message at all
  /// (no script error, nothing refused), and lays out every scan's row.
  @Test(.enabled(if: chromium != nil, "chromium is not installed: apt-get install chromium"))
  func chromiumLoadsThePageWithoutConsoleErrors() async throws {
    let directory = try RunCommandTests.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (page, _, _) = try await Self.sandboxRun(in: directory)
    let result = try await Subprocess.run(
      .path(FilePath(Self.chromium!)),
      arguments: [
        "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
        // Nothing may be fetched: every host name fails.
        "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=\(directory.path)/profile",
        "--dump-dom", "file://\(page)",
      ],
      output: .string(limit: 16 << 20), error: .string(limit: 16 << 20))
    #expect(result.terminationStatus.isSuccess)
    let log = result.standardError
    let console = log.split(separator: "\n").filter { $0.contains(":CONSOLE") }
    #expect(console.isEmpty, "\(console)")
    let dom = result.standardOutput
    #expect(dom.contains("<h1>scanplan run</h1>"))
    #expect(dom.components(separatedBy: "<g><title>").count - 1 == 6)
  }
}
