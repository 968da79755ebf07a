/// A vendor that lists an asset's scans, which makes a trigger whose answer was lost
/// findable: the runner lists the asset's scans once before a scan's first trigger, and
/// again after a lost answer, and takes the scan the second listing has and the first had
/// not. A vendor without it names the scan a lost trigger made in its 409, if at all.
package protocol ListsScans: ProviderAPI {
  /// Whether a listing holds the trigger's asset's scans only. ZAP's lists every scan of
  /// a kind and names no URL: a new scan there may be another start of this run whose
  /// answer has not come. For such a vendor the runner sends one trigger at a time, none
  /// while a lost one is looked for, and takes a listed scan only when it is the one new
  /// scan and no start of the run is unanswered.
  var listsOneAssetsScans: Bool { get }

  /// The request that lists the scans of the trigger's asset or target, a page at a
  /// time (`cursor` nil for the first); nil when the trigger names nothing to list by.
  func lookupRequest(_ trigger: TriggerInput, cursor: String?, baseURL: String, token: String)
    -> HTTPRequest?

  /// A listing's answer (2xx) read: each scan, whether it is of the trigger's kind, and
  /// the next page.
  func listing(_ response: HTTPResponse, trigger: TriggerInput) -> Result<
    ScanListing, AnswerError
  >
}

extension ListsScans {
  /// A listing of the trigger's asset or target.
  package var listsOneAssetsScans: Bool { true }
}
