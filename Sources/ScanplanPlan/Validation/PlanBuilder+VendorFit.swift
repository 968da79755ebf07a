import ScanplanJSON
import ScanplanVendorKit
import ScanplanVendors
import ScanplanYAML

extension PlanBuilder {
  /// A profile used on a scan whose provider type does not accept its keys is an error
  /// at the use, with a note at each key.
  mutating func checkProfileFit(
    _ chain: [ProfileDecl], use: AssetDecl.Reference, type: ProviderType,
    provider: String
  ) {
    for profile in chain where profile.layer.writtenKeys & ~Self.acceptedKeys(type) != 0 {
      for key in profile.layer.topKeys(in: document) where !key.field.accepts(type) {
        let note = Diagnostic.Note(
          .setInProfile(key: key.field.key, profile: profile.name), at: key.range)
        reader.report(
          VendorFitMessage.profileMismatch(
            profile: use.name, provider: provider, type: type, field: key.field),
          at: use.range, notes: [note])
      }
    }
  }

  /// Warnings about merged settings: ones the vendor ignores, and gates never checked.
  mutating func checkSettingWarnings(_ settings: MergedSettings, scanLabel: () -> String) {
    for (slot, conditionSlot, condition) in Self.conditionalSettings {
      guard let setting = settings.entry(slot), let other = settings.entry(conditionSlot),
        let value = other.value.stringValue, condition.values.contains(value)
      else { continue }
      reader.report(
        VendorFitMessage.unusedSetting(
          key: PlanShapes.settingLeaves[slot].path.last!, value: value,
          reason: condition.reason, others: otherValues(condition)),
        at: setting.valueRange,
        notes: [
          .init(
            .scanHasSetting(scan: scanLabel(), setting: condition.setting, value: value),
            at: other.valueRange)
        ])
    }
    if let wait = settings.entry(Self.waitSlot), wait.value == .bool(false),
      let gate = Self.failOnSlots.lazy.compactMap(settings.entry).first
    {
      reader.report(
        VendorFitMessage.gateNeverChecked(scan: scanLabel()), at: wait.valueRange,
        notes: [.init(.gateSetHere, at: gate.valueRange)])
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
