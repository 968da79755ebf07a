import ScanplanJSON
import ScanplanVendorKit
import ScanplanVendors
import ScanplanYAML

extension PlanBuilder {
  /// A profile used on a scan whose provider type does not accept its keys is an error
  /// at the use, with a note at each key.
  mutating func checkProfileFit(
    _ chain: [ProfileDecl], use: (name: String, range: SourceRange), type: ProviderType,
    provider: String
  ) {
    for profile in chain where profile.layer.writtenKeys & ~Self.acceptedKeys(type) != 0 {
      for key in profile.layer.topKeys where !key.field.accepts(type) {
        let note = Diagnostic.Note(
          "`\(key.field.key)` is set here, in profile `\(profile.name)`", at: key.range)
        if let reason = type.table.unsupported[key.field.key] {
          reader.report(
            .unsupportedGate,
            "profile `\(use.name)` sets `\(key.field.key)`, which provider `\(provider)` cannot honour: \(reason)",
            at: use.range, notes: [note])
        } else {
          reader.report(
            .profileMismatch,
            "profile `\(use.name)` does not fit provider `\(provider)` (type \(type.rawValue)): `\(key.field.key)` is \(vendorPhrase(key.field)) setting",
            at: use.range, notes: [note], help: [acceptedHelp(type)])
        }
      }
    }
  }

  /// Warnings about merged settings: ones the vendor ignores, and gates never checked.
  mutating func checkSettingWarnings(
    _ settings: [ScanSetting], scanLabel: () -> String
  ) {
    for (slot, conditionSlot, condition) in Self.conditionalSettings {
      guard let setting = settings.first(where: { $0.slot == slot }),
        let other = settings.first(where: { $0.slot == conditionSlot }),
        let value = other.value.stringValue, condition.values.contains(value)
      else { continue }
      reader.report(
        .unusedSetting,
        "`\(setting.path.last!)` has no effect on `\(value)` scans: \(condition.reason)",
        at: setting.range,
        notes: [.init("\(scanLabel()) has `\(condition.setting): \(value)` here", at: other.range)],
        help: ["remove it, or use it only with " + Suggestions.list(otherValues(condition))])
    }
    if let wait = settings.first(where: { $0.slot == Self.waitSlot }), wait.value == .bool(false),
      let gate = settings.first(where: { Self.failOnSlots.contains($0.slot) })
    {
      reader.report(
        .gateNeverChecked,
        "\(scanLabel()) has `fail_on` but `wait: false`, so the gate is never checked",
        at: wait.range, notes: [.init("the gate is set here", at: gate.range)],
        help: ["remove `wait: false`, or remove the gate"])
    }
  }

  /// The values of a condition's setting that do not trigger it.
  func otherValues(_ condition: Field.Condition) -> [String] {
    guard case .choice(let all)? = PlanShapes.scanSettings.field(condition.setting)?.kind else {
      return []
    }
    return all.filter { !condition.values.contains($0) }
  }
}
