import OrderedCollections
import ScanplanPlan

/// The one place `${NAME}` references are resolved, for `plan` and `run` alike. It
/// resolves each template against the environment and remembers who uses which
/// variable, which uses have no fallback, and which variables are missing, so the dry
/// run lists exactly the variables a run reads.
struct EnvironmentResolver {
  let environment: [String: String]
  /// Each variable used, in order of first use, with its users (each once).
  private(set) var uses: OrderedDictionary<String, [String]> = [:]
  /// Variables used somewhere without a fallback: a run needs them set.
  private(set) var required: Set<String> = []
  /// Variables a template needed and the environment lacked, with every use that failed.
  private(set) var missing: [String: [String]] = [:]
  /// Templates that could not be read, as `user: message`.
  private(set) var problems: [String] = []

  init(environment: [String: String]) {
    self.environment = environment
  }

  /// A string's references resolved, or nil after noting why not.
  mutating func resolve(_ text: String, for user: String) -> String? {
    switch EnvironmentTemplate.parse(text) {
    case .failure(let error):
      problems.append("\(user): \(error.message)")
      return nil
    case .success(let template):
      return resolve(template, for: user)
    }
  }

  /// A template resolved, or nil after noting the variables it lacks.
  mutating func resolve(_ template: EnvironmentTemplate, for user: String) -> String? {
    required.formUnion(template.requiredNames)
    for name in template.variableNames where uses[name]?.contains(user) != true {
      uses[name, default: []].append(user)
    }
    switch template.resolve(environment) {
    case .success(let value):
      return value
    case .failure(let absent):
      for name in absent.names { missing[name, default: []].append(user) }
      return nil
    }
  }

  /// Whether a variable is set to something other than the empty string.
  func isSet(_ name: String) -> Bool {
    environment[name].map { !$0.isEmpty } ?? false
  }
}
