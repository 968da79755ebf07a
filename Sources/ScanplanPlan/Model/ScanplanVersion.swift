/// scanplan's own version.
package enum ScanplanVersion {
  /// The version `--version` prints and SARIF logs carry.
  package static let current = "0.1.0"
}
