package import ScanplanVendorKit

/// A job's optional vendor capabilities, where the scheduler has already decided to use
/// one: it sends a listing, a findings page or a stage only for a job that has the
/// capability, so reaching these without it is a scheduler bug, stopped here, said once.
extension RunPlan.Job {
  /// What a listing sent for this job is built and read by.
  package var listing: any ListsScans {
    guard let lister else { preconditionFailure("a listing was sent for \(id), which has none") }
    return lister
  }

  /// What a findings page sent for this job is built and read by.
  package var findingsListing: any ListsFindings {
    guard let findingsLister else {
      preconditionFailure("findings were asked for \(id), which reads none")
    }
    return findingsLister
  }

  /// What a stage's answer for this job is read by.
  package var staging: any RunsInStages {
    guard let stages else { preconditionFailure("a stage was sent for \(id), which has none") }
    return stages
  }

  /// The preparation sent for this job.
  package var preparing: Preparation {
    guard let preparation else {
      preconditionFailure("a preparation was sent for \(id), which needs none")
    }
    return preparation
  }
}
