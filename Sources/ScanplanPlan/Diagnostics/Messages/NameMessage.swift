/// The wording of problems with names: invalid, used twice, referring to nothing, or
/// defined and never used.
enum NameMessage: DiagnosticMessage {
  /// Not `[A-Za-z0-9][A-Za-z0-9._-]*`.
  case invalidName(String)
  /// Two assets with one name.
  case duplicateAsset(name: String)
  /// Two scans of one asset with one name; `asset` names the asset.
  case duplicateScan(asset: String, name: String)
  /// A `provider` that is not defined; `defined` lists the plan's providers.
  case unknownProvider(name: String, defined: [String])
  /// A `profile` or `extends` that is not defined; `defined` lists the plan's profiles.
  case unknownProfile(name: String, defined: [String])
  /// A profile nothing uses.
  case unusedProfile(name: String)
  /// `extends` in a cycle; `cycle` reads `a -> b -> a`.
  case extendsCycle(cycle: String)

  var code: DiagnosticCode {
    switch self {
    case .invalidName: .invalidName
    case .duplicateAsset, .duplicateScan: .duplicateName
    case .unknownProvider: .unknownProvider
    case .unknownProfile: .unknownProfile
    case .unusedProfile: .unusedProfile
    case .extendsCycle: .extendsCycle
    }
  }

  var message: String {
    switch self {
    case .invalidName(let name):
      "`\(NodeReader.clip(name))` is not a valid name\(Self.nameProblem(name).reason)"
    case .duplicateAsset(let name): "asset name `\(name)` is used twice"
    case .duplicateScan(let asset, let name): "\(asset) has two scans named `\(name)`"
    case .unknownProvider(let name, _): "provider `\(name)` is not defined"
    case .unknownProfile(let name, _): "profile `\(name)` is not defined"
    case .unusedProfile(let name): "profile `\(name)` is not used by any scan or profile"
    case .extendsCycle(let cycle): "profiles extend each other in a cycle: \(cycle)"
    }
  }

  var help: [String] {
    switch self {
    case .invalidName(let name):
      ["names start with a letter or digit and use only ASCII letters, digits, `.`, `_` and `-`"]
        + (Self.nameProblem(name).isLookAlike
          ? ["a letter from another script can look like an ASCII one; retype the name"] : [])
    case .duplicateAsset: ["asset names are unique in a plan; scan ids are built from them"]
    case .duplicateScan: ["scan names are unique within an asset; they make the scan ids"]
    case .unknownProvider(let name, let defined):
      if let suggestion = Suggestions.closest(to: name, among: defined) {
        ["did you mean `\(suggestion)`?"]
      } else if !defined.isEmpty {
        ["the plan defines " + Suggestions.list(defined)]
      } else {
        []
      }
    case .unknownProfile(let name, let defined):
      if let suggestion = Suggestions.closest(to: name, among: defined) {
        ["did you mean `\(suggestion)`?"]
      } else if defined.isEmpty {
        ["the plan defines no profiles; add one under `profiles:`"]
      } else {
        ["the plan defines " + Suggestions.list(defined)]
      }
    case .unusedProfile(let name): ["remove it, or use it with `profile: \(name)`"]
    case .extendsCycle: ["remove one `extends` to break the cycle"]
    }
  }

  /// Why a name is invalid, naming its first bad character (which matters for look-alike
  /// letters from other scripts), and whether that character is one.
  private static func nameProblem(_ name: String) -> (reason: String, isLookAlike: Bool) {
    if name.isEmpty { return (": it is empty", false) }
    guard
      let bad = name.unicodeScalars.first(where: { !NodeReader.isNameScalar($0) || $0 == "\u{0}" })
    else { return (": it must start with a letter or digit", false) }
    if bad.isASCII {
      return (bad == " " ? ": it contains a space" : ": it contains `\(Character(bad))`", false)
    }
    let hex = String(bad.value, radix: 16, uppercase: true)
    let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    let unicodeName = bad.properties.name.map { " \($0)" } ?? ""
    return (": it contains \(code)\(unicodeName)", true)
  }
}
