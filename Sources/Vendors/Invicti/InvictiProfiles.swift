import ScanplanVendorKit

extension Invicti {
  /// One of the scan profiles every Invicti account has.
  package struct BuiltInProfile: Sendable {
    /// The name Invicti's interface shows.
    package let name: String
    /// The id a plan's `profile_id` names, lowercase.
    package let id: String
    /// What it checks, for `diff`'s security review: a swap to a profile that leaves out
    /// one of these weakens the scan.
    package let checks: Set<String>
  }

  /// Invicti's default profiles, from its API reference ("Default profiles"). Each targeted
  /// profile runs its own family of checks after the crawl; Full Scan runs them all.
  package static let builtInProfiles: [BuiltInProfile] = {
    let targeted: [(String, String, String)] = [
      ("High Risk", "2", "high-risk"), ("SQL Injection", "3", "sql-injection"),
      ("Weak Passwords", "5", "weak-passwords"), ("Cross-site Scripting", "6", "xss"),
    ]
    let every = Set(targeted.map(\.2)).union(["crawl"])
    func id(_ last: String) -> String { "11111111-1111-1111-1111-11111111111" + last }
    return [BuiltInProfile(name: "Full Scan", id: id("1"), checks: every)]
      + targeted.map { BuiltInProfile(name: $0.0, id: id($0.1), checks: ["crawl", $0.2]) }
      + [BuiltInProfile(name: "Crawl Only", id: id("7"), checks: ["crawl"])]
  }()

  /// The built-in profiles' checks by id, as `profile_id`'s strength.
  static var profileCoverage: Field.Strength {
    .covers(Dictionary(uniqueKeysWithValues: builtInProfiles.map { ($0.id, $0.checks) }))
  }

  /// The built-in profiles' names by id, as `profile_id`'s value names.
  static var profileNames: [String: String] {
    Dictionary(uniqueKeysWithValues: builtInProfiles.map { ($0.id, $0.name) })
  }
}
