import ScanplanPlan
import ScanplanVendorKit
import ScanplanVendors

/// What every command is handed: the vendors this build speaks, and the plan format
/// built from them once. The libraries name no vendor; this is where they are chosen.
enum Program {
  /// The vendors.
  static let registry = Vendors.registry
  /// The plan format of those vendors.
  static let format = PlanFormat(registry: registry)
}
