import Foundation
import Testing

/// The README, `docs/` and the examples name only files that exist: every relative
/// Markdown link, and every path of the repository they mention (`docs/ci/...yml` in a
/// plan's comment), resolves; the pre-commit example names a ref that exists.
@Suite struct DocumentationLinkTests {
  /// The files a user reads: the README, the changelog, every file under `docs/` and
  /// `examples/`, and the hook file.
  static func documents() throws -> [String] {
    var paths = ["README.md", "CHANGELOG.md", ".pre-commit-hooks.yaml"]
    for folder in ["docs", "examples"] {
      let root = CLI.packageRoot.appendingPathComponent(folder)
      let walker = try #require(FileManager.default.enumerator(atPath: root.path))
      for case let path as String in walker
      where [".md", ".yml", ".yaml", ".mdoc"].contains(where: path.hasSuffix) {
        paths.append(folder + "/" + path)
      }
    }
    return paths.sorted()
  }

  static func exists(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: CLI.packageRoot.appendingPathComponent(path).path)
  }

  /// `[text](target)` targets that are neither URLs nor anchors, resolved against the
  /// document's folder, without their `#fragment`.
  static func markdownLinks(in text: String, of document: String) -> [String] {
    let folder = (document as NSString).deletingLastPathComponent
    return text.matches(of: /\]\(([^)\s]+)\)/).compactMap { match in
      let target = String(match.output.1)
      guard !target.contains("://"), !target.hasPrefix("#"), !target.hasPrefix("mailto:")
      else { return nil }
      let file = String(target.split(separator: "#", maxSplits: 1)[0])
      var parts: [Substring] = folder.split(separator: "/")
      for part in file.split(separator: "/") {
        if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(part) }
      }
      return parts.joined(separator: "/")
    }
  }

  /// Paths of the repository written out in prose or comments: under one of its folders,
  /// ending in a file's extension, with no placeholder (`NAME`, `*`) in them.
  static func mentionedPaths(in text: String) -> [String] {
    let pattern =
      /(?:^|[^\w.\/-])((?:docs|examples|schemas|Tests|Sources|Benchmarks|Fuzz|\.ci)\/[\w.\/-]*\.(?:md|yml|yaml|json|swift|png|sh|1|mdoc|py))(?![\w\/])/
    return text.matches(of: pattern).map { String($0.output.1) }.filter {
      !$0.contains("NAME") && !$0.contains("*")
    }
  }

  @Test func everyRelativeLinkAndMentionedPathExists() throws {
    var missing: [String] = []
    let documents = try Self.documents()
    #expect(documents.contains("docs/ci/github-actions-zap.yml"))
    for document in documents {
      let text = try String(
        contentsOf: CLI.packageRoot.appendingPathComponent(document), encoding: .utf8)
      for link in Self.markdownLinks(in: text, of: document) where !Self.exists(link) {
        missing.append("\(document): link \(link)")
      }
      for path in Self.mentionedPaths(in: text) where !Self.exists(path) {
        missing.append("\(document): \(path)")
      }
    }
    #expect(missing.isEmpty, "\(missing.joined(separator: "\n"))")
  }

  /// The checker finds what it is for: a link and a mention of files that do not exist.
  @Test func theCheckerFindsAMissingFile() {
    let text = "see [the guide](../nowhere.md) and docs/ci/github-actions-zap2.yml"
    #expect(Self.markdownLinks(in: text, of: "docs/running.md") == ["nowhere.md"])
    #expect(Self.mentionedPaths(in: text) == ["docs/ci/github-actions-zap2.yml"])
    #expect(!Self.exists("nowhere.md") && !Self.exists("docs/ci/github-actions-zap2.yml"))
    #expect(Self.mentionedPaths(in: "`Sources/Vendors/NAME/NAMETable.swift`").isEmpty)
  }

  /// The pre-commit example pins a ref the repository has: its default branch, or a tag
  /// that exists.
  @Test func thePreCommitExampleNamesARefThatExists() throws {
    let readme = try String(
      contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let revs = readme.matches(of: /\n\s+rev: (\S+)/).map { String($0.output.1) }
    #expect(!revs.isEmpty)
    let git = Process()
    git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    git.arguments = ["git", "-C", CLI.packageRoot.path, "tag", "--list"]
    let pipe = Pipe()
    git.standardOutput = pipe
    try git.run()
    let tags = String(
      decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self
    ).split(separator: "\n").map(String.init)
    git.waitUntilExit()
    for rev in revs {
      #expect(rev == "main" || tags.contains(rev), "rev \(rev) is neither main nor a tag")
    }
  }
}
