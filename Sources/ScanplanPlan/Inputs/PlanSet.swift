import ScanplanVendorKit

/// The plans a command line names, each validated.
package struct PlanSet: Sendable {
  /// One validation per file, in the order given.
  package let validations: [PlanValidation]

  /// Expands the paths and validates every file; `strict` raises warnings to errors.
  /// With `resolving` false, validations carry no plan (see `PlanValidator.resolving`).
  package static func load(
    _ paths: [String], format: PlanFormat, strict: Bool = false, resolving: Bool = true
  ) -> Result<PlanSet, PlanInputs.UsageError> {
    PlanInputs.expand(paths).map { inputs in
      let validator = PlanValidator(format: format, resolving: resolving)
      let validations = inputs.map { input in
        let validation = validator.validate(input)
        return strict ? validation.strict() : validation
      }
      return PlanSet(validations: validations)
    }
  }

  /// Whether any file has an error.
  package var hasErrors: Bool { validations.contains(where: \.hasErrors) }

  /// The resolved plans; meaningful when there are no errors.
  package var plans: [ResolvedPlan] { validations.compactMap(\.plan) }
}
