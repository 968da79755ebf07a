/// scanplan's own version.
public enum ScanplanVersion {
  /// The version `--version` prints and SARIF logs carry.
  public static let current = "0.1.0"
}
