import ArgumentParser
import ScanplanSupport

extension ExitCode {
  /// Exits with one of the named statuses, never a bare number.
  init(_ status: ExitStatus) { self.init(status.code) }
}
