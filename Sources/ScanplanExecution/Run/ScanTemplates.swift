import ScanplanJSON
import ScanplanPlan
import ScanplanVendorKit

/// Where a scan's request holds `${NAME}` references, found from the tables rather than
/// from a list of keys: every asset key and every setting whose field allows the
/// environment. `plan` lists their variables and `run` resolves them through here, so a
/// field a table declares as allowing `${}` is both listed and sent resolved.
enum ScanTemplates {
  /// Where a template is.
  enum Place: Equatable {
    /// An asset key, such as `asset_id`.
    case assetKey(String)
    /// A leaf setting, by key path.
    case setting([String])
  }

  /// One value as written, with `${NAME}` in it.
  struct Value {
    let place: Place
    /// The key as messages name it: `target_id`, `profile_id`, `options.x`.
    let key: String
    let text: String
    let kind: ValueKind
  }

  /// The scan's values that hold references, asset keys first.
  static func values(of scan: ResolvedScan) -> [Value] {
    var found: [Value] = []
    for (key, value) in scan.assetKeys {
      guard let field = PlanShapes.asset.field(key), field.allowsEnvironment,
        let text = value.stringValue, text.contains("${")
      else { continue }
      found.append(Value(place: .assetKey(key), key: key, text: text, kind: field.kind))
    }
    for setting in scan.settings where setting.field.allowsEnvironment {
      guard let text = setting.value.stringValue, text.contains("${") else { continue }
      found.append(
        Value(
          place: .setting(setting.path), key: setting.path.joined(separator: "."), text: text,
          kind: setting.field.kind))
    }
    return found
  }

  /// What is wrong with a resolved value for its field's kind, as validation would say
  /// of a literal; nil when it fits.
  static func problem(_ resolved: String, kind: ValueKind) -> String? {
    switch kind {
    case .uuid: return PlanValues.isUUID(resolved) ? nil : "something that is not a UUID"
    default: return nil
    }
  }

  /// The scan with `resolved` in place of the template at `place`, and its asset keys.
  static func replacing(
    _ place: Place, with resolved: String, in scan: ResolvedScan,
    keys: inout [(key: String, value: JSONValue)]
  ) -> ResolvedScan {
    switch place {
    case .assetKey(let key):
      if let index = keys.firstIndex(where: { $0.key == key }) {
        keys[index].value = .string(resolved)
      }
      return scan
    case .setting(let path):
      return scan.replacingSetting(path, with: .string(resolved))
    }
  }
}
