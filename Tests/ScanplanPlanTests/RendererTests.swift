import ScanplanJSON
import ScanplanPlan
import ScanplanRendering
import ScanplanYAML
import Testing

@Suite struct RendererTests {
  static let plan = """
    version: 1
    providers:
      s4e:
        type: s4e
        token: ${S4E_API_TOKEN}
        requests_per_second: fast
    assets:
      - name: web
        provider: s4e
        asset_id: a1b2c3d4-e5f6-7890-abcd-ef1234567890
        scans: [{ scan_type: quick }]
    """

  @Test func textShowsLocationExcerptCaretAndHelp() {
    let output = TextRenderer(color: false).render([validate(Self.plan, path: "p.yaml")])
    #expect(
      output == """
        p.yaml:6:26: error[P103]: `requests_per_second` must be a number, found the string `fast`
          |
        6 |     requests_per_second: fast
          |                          ^^^^

        found 1 error in 1 of 1 file

        """)
  }

  @Test func textColoursOnlyWhenAsked() {
    let validation = validate(Self.plan)
    #expect(TextRenderer(color: true).render([validation]).contains("\u{1B}[1;31merror[P103]"))
    #expect(!TextRenderer(color: false).render([validation]).contains("\u{1B}["))
  }

  @Test func caretsLineUpUnderTabs() {
    let validation = validate("version: 1\nx-a: \"\t\"\nprovider: {}\n")
    let output = TextRenderer(color: false).render([validation])
    #expect(output.contains("3 | provider: {}\n  | ^^^^^^^^"))
  }

  @Test func longLinesAreCutAroundTheRange() {
    let long = String(repeating: "a", count: 5000)
    let validation = validate("version: 1\nx-long: \(long)\nprovider: \(long)\n")
    let output = TextRenderer(color: false).render([validation])
    #expect(output.split(separator: "\n").allSatisfy { $0.count < 200 })
  }

  @Test func summaryCountsFilesErrorsAndWarnings() {
    let renderer = TextRenderer(color: false)
    let valid = validate(
      header
        + "assets:\n  - {name: w, provider: s4e, asset_id: a1b2c3d4-e5f6-7890-abcd-ef1234567890, scans: [{scan_type: quick}]}\n"
    )
    #expect(renderer.summary([valid, valid]) == "2 files valid")
    #expect(renderer.summary([valid, validate(Self.plan)]) == "found 1 error in 1 of 2 files")
  }

  @Test func jsonIsTheDocumentedDocument() throws {
    let output = JSONDiagnosticsRenderer.render([validate(Self.plan, path: "p.yaml")])
    let document = try JSONParser().parse(output)
    #expect(document["version"] == 1)
    #expect(document["valid"] == false)
    #expect(document["summary"] == .object(["files": 1, "errors": 1, "warnings": 0]))
    #expect(
      document["files"] == [
        .object(["path": "p.yaml", "valid": false, "errors": 1, "warnings": 0])
      ])
    let diagnostic = try #require(document["diagnostics"]?.arrayValue?.first)
    #expect(
      diagnostic.objectValue?.keys == [
        "file", "severity", "code", "name", "message", "range", "notes", "help",
      ])
    #expect(diagnostic["code"] == "P103")
    #expect(diagnostic["name"] == "wrong-type")
    #expect(diagnostic["range"]?["start"] == .object(["line": 6, "column": 26]))
    #expect(diagnostic["range"]?["end"] == .object(["line": 6, "column": 30]))
  }

  /// The Actions toolkit's own escaping cases (packages/core/__tests__/command.test.ts).
  @Test func githubEscapesAsTheToolkitDoes() {
    #expect(GitHubAnnotationRenderer.escapeData("a%b\r\nc") == "a%25b%0D%0Ac")
    #expect(GitHubAnnotationRenderer.escapeProperty("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae")
    let output = GitHubAnnotationRenderer.render([validate(Self.plan, path: "dir,x/p:1.yaml")])
    #expect(
      output == """
        ::error file=dir%2Cx/p%3A1.yaml,line=6,col=26,endLine=6,endColumn=30,title=P103 wrong-type::`requests_per_second` must be a number, found the string `fast`

        """)
  }

  @Test func githubPutsNotesAndHelpOnFurtherLines() {
    let output = GitHubAnnotationRenderer.render([validate("version: 1\nversion: 1\n")])
    #expect(
      output.contains(
        "::error file=plan.yaml,line=2,col=1,endLine=2,endColumn=8,title=Y004 duplicate-key::duplicate key `version` in this mapping%0Anote: `version` first appears here (line 1, column 1)%0Ahelp: "
      ))
  }

  @Test func sarifCarriesRulesResultsAndRegions() throws {
    let output = SARIFRenderer.render(
      [validate(Self.plan, path: "./plans/p q.yaml")], toolVersion: "9.9")
    #expect(output.contains("\"version\": \"2.1.0\""))
    #expect(output.contains("\"columnKind\": \"unicodeCodePoints\""))
    #expect(output.contains("\"uri\": \"plans/p%20q.yaml\""))
    #expect(output.contains("\"ruleId\": \"P103\""))
    #expect(
      output.contains(
        "\"startLine\": 6,\n                  \"startColumn\": 26,\n                  \"endLine\": 6,\n                  \"endColumn\": 30"
      ))
    // Every code is a rule, so rule indexes are stable across runs.
    #expect(output.components("\"shortDescription\"") == DiagnosticCode.all.count)
  }
}

extension String {
  func components(_ needle: String) -> Int {
    var count = 0
    var rest = self[...]
    while let range = rest.firstRange(of: needle) {
      count += 1
      rest = rest[range.upperBound...]
    }
    return count
  }
}
