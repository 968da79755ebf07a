package import ScanplanJSON

/// A valid asset and scan of a vendor, made from its table alone: every key it requires,
/// each with a value of its kind. The conformance tests and the fuzzers build their plans
/// from it, so a vendor is covered by being registered.
package enum VendorSample {
  /// The `${NAME}` a sample provider's credential reads.
  package static func credentialVariable(_ table: VendorTable) -> String {
    "SAMPLE_" + table.type.rawValue.uppercased() + "_CREDENTIAL"
  }

  /// A provider's keys, as YAML flow entries: its type, `base_url` and credential.
  package static func providerEntries(_ table: VendorTable, baseURL: String) -> String {
    "type: \(table.type.rawValue), base_url: \(yaml(.string(baseURL))), "
      + "\(table.credentialKey): \"${\(credentialVariable(table))}\""
  }

  /// The asset keys of the `index`-th sample asset, as YAML flow entries.
  package static func assetEntries(_ table: VendorTable, index: Int) -> String {
    table.assetFields.map { "\($0.key): \(yaml(value($0.kind, index: index)))" }
      .joined(separator: ", ")
  }

  /// The settings a scan must have after merging, as YAML flow entries.
  package static func scanEntries(_ table: VendorTable) -> String {
    table.settings.filter(\.isRequiredAfterMerge)
      .map { "\($0.key): \(yaml(value($0.kind, index: 0)))" }.joined(separator: ", ")
  }

  /// The trigger input the `index`-th sample asset's scan is sent with.
  package static func triggerInput(_ table: VendorTable, index: Int = 0) -> TriggerInput {
    let required = Dictionary(
      uniqueKeysWithValues: table.settings.filter(\.isRequiredAfterMerge).map {
        ($0.key, value($0.kind, index: index))
      })
    return TriggerInput(
      assetKeys: table.assetFields.filter { $0.wire != .notSent }.map {
        AssetKey($0.key, value($0.kind, index: index))
      },
      settings: table.settingsBody { path in path.count == 1 ? required[path[0]] : nil })
  }

  /// A value of `kind`, different for each `index` where the kind allows.
  package static func value(_ kind: ValueKind, index: Int) -> JSONValue {
    switch kind {
    case .uuid:
      let hex = String(index, radix: 16)
      return .string(
        "5a3b1e00-0000-4000-8000-" + String(repeating: "0", count: 12 - hex.count) + hex)
    case .webURL, .url: return .string("https://app-\(index).example.test/")
    case .affirmation: return "yes"
    case .choice(let choices): return .string(choices.first ?? "")
    case .boolean: return true
    case .integer(let minimum): return .int(max(minimum, 1))
    case .number: return 1
    case .duration: return "1m"
    case .token: return "${SAMPLE_TOKEN}"
    case .version: return 1
    case .name, .text, .path, .providerReference, .profileReference:
      return .string("sample-\(index)")
    case .object, .map, .list: return .object([:])
    }
  }

  private static func yaml(_ value: JSONValue) -> String {
    // JSON's flow forms are YAML's.
    JSONWriter.compact(value)
  }
}
