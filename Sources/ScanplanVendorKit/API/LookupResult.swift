/// What a listing of an asset's scans says about a trigger whose answer was lost.
public enum LookupResult: Equatable, Sendable {
  /// The scan the lost trigger created: poll it as this one.
  case found(String)
  /// No such scan: the trigger may be sent again.
  case notFound
  /// Not on this page; ask for the next with this cursor.
  case nextPage(String)
}
