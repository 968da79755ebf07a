import ScanplanJSON
package import ScanplanVendorKit

/// A value of a scan that holds `${NAME}` references, with its parsed template and the
/// kind its field declares. Found from the tables (`Field.allowsEnvironment`), never from
/// a list of keys: a field a table declares as allowing `${}` is listed by `plan` and
/// sent resolved by `run`.
package struct ScanTemplate: Sendable {
  /// Where the value is.
  package enum Place: Hashable, Sendable {
    /// An asset key, such as `asset_id`.
    case assetKey(String)
    /// A leaf setting, by key path.
    case setting([String])
  }

  /// Where the value is.
  package let place: Place
  /// The key as messages name it: `target_id`, `profile_id`, `options.x`.
  package let key: String
  /// The references, parsed.
  package let template: EnvironmentTemplate
  /// What the resolved value must be.
  package let kind: ValueKind

  /// What is wrong with a resolved value for the field's kind, as validation would say
  /// of a literal; nil when it fits.
  package func problem(with resolved: String) -> String? {
    switch kind {
    case .uuid: PlanValues.isUUID(resolved) ? nil : "something that is not a UUID"
    default: nil
    }
  }
}

extension ResolvedScan {
  /// The values that hold references, asset keys first. Derived from the tables when
  /// asked for, so validating a plan pays nothing for them.
  package var templates: [ScanTemplate] {
    var found: [ScanTemplate] = []
    func add(_ place: ScanTemplate.Place, key: String, value: JSONValue, field: Field) {
      guard field.allowsEnvironment, let text = value.stringValue, text.contains("${"),
        case .success(let template) = EnvironmentTemplate.parse(text)
      else { return }
      found.append(ScanTemplate(place: place, key: key, template: template, kind: field.kind))
    }
    for assetKey in assetKeys {
      guard let field = vendor.table.assetFields.first(where: { $0.key == assetKey.key }) else {
        continue
      }
      add(.assetKey(assetKey.key), key: assetKey.key, value: assetKey.value, field: field)
    }
    for setting in settings {
      // The vendor's own entry: whether it takes `${}` and what it must resolve to.
      let field = VendorFit.ownLeaf(setting.path, in: vendor.table) ?? setting.field
      add(
        .setting(setting.path), key: setting.path.joined(separator: "."), value: setting.value,
        field: field)
    }
    return found
  }

  /// The scan with resolved values in place of its templates.
  package func resolving(_ values: [ScanTemplate.Place: String]) -> ResolvedScan {
    guard !values.isEmpty else { return self }
    return ResolvedScan(
      id: id, asset: asset, provider: provider, vendor: vendor,
      assetKeys: assetKeys.map { assetKey in
        values[.assetKey(assetKey.key)].map { AssetKey(assetKey.key, .string($0)) } ?? assetKey
      },
      tags: tags,
      settings: settings.map { setting in
        values[.setting(setting.path)].map {
          ScanSetting(
            leaf: setting.leaf, value: .string($0), range: setting.range, origin: setting.origin)
        } ?? setting
      },
      wait: wait, failOn: failOn, range: range)
  }
}
