/// The URLs a vendor has seen, as ZAP's session keeps them: an attack starts only on a URL
/// here. A crawl adds its URL and what is below it; a URL requested by itself (ZAP's
/// `accessUrl`), only that URL.
struct SiteTree: Sendable {
  private var urls: Set<String> = []

  /// Adds a URL.
  mutating func add(_ url: String) { urls.insert(url) }

  /// Whether `url` is in the tree: added itself, or below a URL added, whatever the
  /// trailing `/`. Looked up by its prefixes, so the cost is the URL's length.
  func contains(_ url: String) -> Bool {
    if urls.contains(url) { return true }
    guard let authority = url.firstRange(of: "://")?.upperBound else { return false }
    var index = authority
    while let slash = url[index...].firstIndex(of: "/") {
      let through = url.index(after: slash)
      if urls.contains(String(url[..<slash])) || urls.contains(String(url[..<through])) {
        return true
      }
      index = through
    }
    return urls.contains(url + "/")
  }
}
