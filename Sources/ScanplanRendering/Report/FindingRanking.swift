import ScanplanVendorKit

/// The order findings are listed in wherever a list is cut short (the SARIF file's cap,
/// the page, the job summary): new ones first, then the more severe, then as the report
/// lists them. Findings are put in buckets by those two ranks, so that 100,000 of them
/// rank in one pass, not a sort.
enum FindingRanking {
  /// The first `limit` of `items` in ranking order, and how many were left out.
  static func top<Item>(
    _ items: [Item], limit: Int, finding: (Item) -> Finding
  ) -> (kept: [Item], omitted: Int) {
    let severities = Severity.allCases.count
    var buckets = Array(repeating: [Item](), count: 3 * severities)
    for item in items {
      let found = finding(item)
      let state =
        switch found.baselineState {
        case .new?: 0
        case .unchanged?, nil: 1
        case .absent?: 2
        }
      let bucket = state * severities + Severity.allCases.firstIndex(of: found.severity)!
      // No bucket gives more than `limit`: the rest are only counted, so that ranking
      // holds the few it lists, not a copy of every finding.
      if buckets[bucket].count < limit { buckets[bucket].append(item) }
    }
    var kept: [Item] = []
    kept.reserveCapacity(min(limit, items.count))
    for bucket in buckets {
      guard kept.count < limit else { break }
      kept += bucket.prefix(limit - kept.count)
    }
    return (kept, items.count - kept.count)
  }
}
