import ScanplanJSON
import ScanplanVendorKit
import ScanplanYAML

extension PlanBuilder {
  /// A profile used on a scan whose vendor does not take its settings is an error at
  /// the use, with a note at each setting.
  mutating func checkProfileFit(
    _ chain: [ProfileDecl], use: AssetDecl.Reference, type: ProviderType, fit: VendorFit,
    provider: String
  ) {
    for profile in chain
    where fit.checksLeaves || profile.layer.writtenKeys.hasAny(notIn: fit.accepted) {
      for misfit in misfits(profile.layer, fit: fit, owner: { "profile `\(profile.name)`" }) {
        let note = Diagnostic.Note(
          .setInProfile(key: misfit.key, profile: profile.name), at: misfit.range)
        reader.report(
          VendorFitMessage.profileMismatch(
            profile: use.name, provider: provider, table: fit.table, what: misfit.what,
            accepted: misfit.accepted),
          at: use.range, notes: [note])
      }
    }
  }

  /// Warnings about merged settings: ones the vendor ignores, and gates never checked.
  mutating func checkSettingWarnings(
    _ settings: MergedSettings, fit: VendorFit, scanLabel: () -> String
  ) {
    for (slot, conditionSlot, condition) in fit.conditions {
      guard let setting = settings.entry(slot), let other = settings.entry(conditionSlot),
        condition.holds(for: other.value), let value = other.value.stringValue
      else { continue }
      let others = (fit.choices(of: condition.setting) ?? []).filter {
        !condition.values.contains($0)
      }
      reader.report(
        VendorFitMessage.unusedSetting(
          key: format.settingLeaves[slot].path.last!, value: value,
          reason: condition.reason, others: others),
        at: setting.valueRange,
        notes: [
          .init(
            .scanHasSetting(scan: scanLabel(), setting: condition.setting, value: value),
            at: other.valueRange)
        ])
    }
    if let waitSlot = format.places.waitSlot, let wait = settings.entry(waitSlot),
      wait.value == .bool(false),
      let gate = format.places.failOnSlots.lazy.compactMap(settings.entry).first
    {
      reader.report(
        VendorFitMessage.gateNeverChecked(scan: scanLabel()), at: wait.valueRange,
        notes: [.init(.gateSetHere, at: gate.valueRange)])
    }
  }
}
