/// GitHub Actions' job summary: Markdown appended to the file `$GITHUB_STEP_SUMMARY`
/// names, shown on the run's page. Other steps write there too, so it is only ever
/// appended to.
package enum StepSummaryFile {
  /// The file to append to, when the environment names one.
  package static func path(in environment: [String: String]) -> String? {
    environment["GITHUB_STEP_SUMMARY"].flatMap { $0.isEmpty ? nil : $0 }
  }

  /// Appends Markdown to the summary file; the error's message when it cannot.
  package static func append(_ markdown: String, to path: String) -> String? {
    do throws(AtomicFile.WriteError) {
      let file = try AppendFile(path: path, create: true)
      defer { file.close() }
      try file.append(Array((markdown.hasSuffix("\n") ? markdown : markdown + "\n").utf8))
      return nil
    } catch {
      return error.message
    }
  }
}
