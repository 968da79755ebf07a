/// The wording of problems with a file as a whole: it cannot be read, or it has too many
/// problems to show.
enum FileMessage: DiagnosticMessage {
  /// Past `PlanValidator.maxDiagnosticsPerFile`.
  case tooManyProblems(hidden: Int)
  /// The operating system's reason.
  case unreadableFile(reason: String)
  /// Nothing but comments, or nothing at all.
  case emptyFile
  /// A top level that is a list or a scalar; `found` describes it.
  case rootNotMapping(found: String)

  var code: DiagnosticCode {
    switch self {
    case .tooManyProblems: .tooManyProblems
    case .unreadableFile: .unreadableFile
    case .emptyFile, .rootNotMapping: .rootNotMapping
    }
  }

  var message: String {
    switch self {
    case .tooManyProblems(let hidden): "\(hidden) more problems are not shown"
    case .unreadableFile(let reason): "cannot read the file: \(reason)"
    case .emptyFile: "the file is empty"
    case .rootNotMapping(let found): "the top level of a plan must be a mapping, found \(found)"
    }
  }

  var help: [String] {
    switch self {
    case .tooManyProblems: ["fix the problems above and validate again"]
    case .unreadableFile: []
    case .emptyFile:
      ["a plan is a mapping with `version`, `providers` and `assets`; see `scanplan init`"]
    case .rootNotMapping: ["a plan is a mapping with `version`, `providers` and `assets`"]
    }
  }
}
