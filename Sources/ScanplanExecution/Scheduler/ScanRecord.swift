package import ScanplanReport

/// One scan of a run as the scheduler keeps it: which scan, and its result row, which
/// the scheduler fills as answers come. Its result's fields read through it
/// (`record.polls`).
@dynamicMemberLookup
package struct ScanRecord: Sendable {
  /// The job it belongs to.
  package let job: JobID
  /// `ASSET/NAME`.
  package let id: String
  package let provider: String
  /// Where the scan is defined.
  package let location: String
  /// What the run learned of it: the one row every output reads.
  package var result = ScanResult()
  /// Whether a poll has found the scan running (or paused): a later `queued` went back.
  package var reachedRunning = false

  /// A record of a scan that has not started.
  package init(job: JobID, id: String, provider: String, location: String) {
    self.job = job
    self.id = id
    self.provider = provider
    self.location = location
  }

  package subscript<Value>(dynamicMember field: WritableKeyPath<ScanResult, Value>) -> Value {
    get { result[keyPath: field] }
    // In place: appending a page of findings must not copy the ones before it.
    _modify { yield &result[keyPath: field] }
  }

  package subscript<Value>(dynamicMember field: KeyPath<ScanResult, Value>) -> Value {
    result[keyPath: field]
  }
}
