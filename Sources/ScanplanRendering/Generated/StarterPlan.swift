import ScanplanPlan
package import ScanplanVendorKit

/// The plan `scanplan init` writes: valid as it stands, with the schema line editors
/// read, and the vendor's provider and asset from its table (`VendorTable.starter`).
package enum StarterPlan {
  /// The file's text for a vendor.
  package static func text(for table: VendorTable) -> String {
    """
    # yaml-language-server: $schema=\(JSONSchemaGenerator.id)
    #
    # A scanplan plan for \(table.displayName). Validate it with `scanplan validate`, see the
    # requests it would send with `scanplan plan`, and try it against the built-in emulator
    # with `scanplan run --sandbox`. Every key: `scanplan docs plan-reference`.
    version: 1


    """ + table.starter
  }
}
