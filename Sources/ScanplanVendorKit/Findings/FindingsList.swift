package import ScanplanJSON

extension AnswerReading {
  /// Every item of a page's findings list, each read by `read`. The first item that is no
  /// finding makes the page unreadable, named by `noun` and its place: a gate must not
  /// pass on findings left out.
  package static func findings(
    _ items: [JSONValue], noun: String, _ read: (JSONValue) -> Result<Finding, AnswerError>
  ) -> Result<[Finding], AnswerError> {
    var findings: [Finding] = []
    findings.reserveCapacity(items.count)
    for (index, item) in items.enumerated() {
      switch read(item) {
      case .success(let finding): findings.append(finding)
      case .failure(let error):
        return .failure(AnswerError("\(noun) \(index + 1) of the page: \(error.message)"))
      }
    }
    return .success(findings)
  }
}
