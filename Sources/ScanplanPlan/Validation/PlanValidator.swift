package import ScanplanVendorKit
package import ScanplanYAML

/// The outcome of validating one plan file.
package struct PlanValidation: Sendable {
  /// The file as read.
  package let source: SourceText
  /// Every problem found, sorted by position, each reported once.
  package let diagnostics: [Diagnostic]
  /// Ranges that hold literal secrets; renderers mask them in excerpts.
  package let secretRanges: [SourceRange]
  /// The resolved plan; present even with errors, holding what could be resolved. Nil
  /// when the file could not be loaded, or when the validator was made not to resolve.
  package let plan: ResolvedPlan?

  /// Whether any diagnostic is an error.
  package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// The same validation with warnings raised to errors, for `--strict`.
  package func strict() -> PlanValidation {
    PlanValidation(
      source: source,
      diagnostics: diagnostics.map { diagnostic in
        var raised = diagnostic
        raised.severity = .error
        return raised
      }, secretRanges: secretRanges, plan: plan)
  }
}

/// Validates plan files: loads the YAML, checks every rule of format version 1, and
/// resolves the scans. Nothing is sent anywhere and no environment variable is read.
package struct PlanValidator: Sendable {
  /// The shapes plans are read against, from the registry's vendors.
  package let format: PlanFormat
  /// The YAML limits applied to every file.
  package let limits: YAMLLimits
  /// Whether validations carry a resolved plan. `validate` only checks, and resolving
  /// every scan (ids, merged settings, strings for each) is a third of its work on a
  /// large plan; every check runs either way.
  package let resolving: Bool

  /// Creates a validator for the vendors of `registry`, with the format's limits.
  package init(registry: VendorRegistry, limits: YAMLLimits = .plan, resolving: Bool = true) {
    self.init(format: PlanFormat(registry: registry), limits: limits, resolving: resolving)
  }

  /// Creates a validator for a format already built, with the format's limits.
  package init(format: PlanFormat, limits: YAMLLimits = .plan, resolving: Bool = true) {
    self.format = format
    self.limits = limits
    self.resolving = resolving
  }

  package func validate(_ source: SourceText) -> PlanValidation {
    // One path: bytes, then events, then the tree, then the plan. The plan is read as its
    // assets load, while libyaml parses the rest of the file.
    let stream = PlanStream(
      file: source.path, bytes: source.bytes.count, format: format, resolving: resolving)
    let loaded = YAMLLoader(limits: limits).load(source, observer: stream)
    var diagnostics = loaded.errors.map { Self.diagnostic(for: $0, file: source.path) }
    var secrets: [SourceRange] = []
    var plan: ResolvedPlan?
    if let document = loaded.document {
      var builder = stream.takeBuilder()
      builder.use(document)
      let built = builder.build()
      plan = resolving ? built : nil
      diagnostics += builder.reader.diagnostics
      secrets = builder.reader.secretRanges
    }
    return PlanValidation(
      source: source, diagnostics: Self.capped(Self.ordered(diagnostics), file: source.path),
      secretRanges: secrets, plan: plan)
  }

  /// The most diagnostics reported for one file: past this, a hostile or mangled file
  /// would only bury the first problems, which are the ones to fix.
  package static let maxDiagnosticsPerFile = 500

  static func capped(_ diagnostics: [Diagnostic], file: String) -> [Diagnostic] {
    guard diagnostics.count > maxDiagnosticsPerFile else { return diagnostics }
    let shown = Array(diagnostics.prefix(maxDiagnosticsPerFile))
    let last = shown.last!.range
    return shown + [
      Diagnostic(
        FileMessage.tooManyProblems(hidden: diagnostics.count - maxDiagnosticsPerFile),
        file: file, at: SourceRange(at: last.end))
    ]
  }

  /// Sorted by position, each distinct diagnostic once: a value reached through several
  /// aliases or merges is reported where it is written, not once per use.
  static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    var seen: Set<Diagnostic> = []
    return diagnostics.filter { seen.insert($0).inserted }.sorted(by: Diagnostic.positionOrder)
  }

  /// The code each kind of YAML problem is reported under.
  static func code(for kind: YAMLError.Kind) -> DiagnosticCode {
    switch kind {
    case .syntax: return .yamlSyntax
    case .invalidEncoding: return .invalidEncoding
    case .invalidCharacter: return .invalidCharacter
    case .duplicateKey: return .duplicateKey
    case .nestingTooDeep: return .nestingTooDeep
    case .aliasExpansionLimit: return .aliasExpansionLimit
    case .fileTooLarge: return .fileTooLarge
    case .multipleDocuments: return .multipleDocuments
    case .undefinedAlias: return .undefinedAlias
    case .recursiveAlias: return .recursiveAlias
    case .unsupportedTag: return .unsupportedTag
    case .invalidMerge: return .invalidMerge
    case .nonScalarKey: return .nonScalarKey
    }
  }

  static func diagnostic(for error: YAMLError, file: String) -> Diagnostic {
    Diagnostic(
      code(for: error.kind), error.message, file: file, at: error.range,
      notes: error.notes.map { Diagnostic.Note($0.message, at: $0.range) },
      help: error.help.map { [$0] } ?? [])
  }
}

extension PlanValidator {
  /// Reads and validates one input; a file that cannot be read is a diagnostic too.
  package func validate(_ input: PlanInputs.Input) -> PlanValidation {
    switch PlanInputs.read(input, limit: limits.maxBytes) {
    case .success(let source):
      return validate(source)
    case .failure(let error):
      let source = SourceText(path: error.path, bytes: [])
      let diagnostic: Diagnostic
      if let size = error.size {
        diagnostic = Self.diagnostic(for: limits.fileTooLarge(bytes: size), file: error.path)
      } else {
        diagnostic = Diagnostic(
          FileMessage.unreadableFile(reason: error.reason), file: error.path, at: .fileStart)
      }
      return PlanValidation(source: source, diagnostics: [diagnostic], secretRanges: [], plan: nil)
    }
  }
}
