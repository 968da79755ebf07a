/// A scan's settings read through its layers (provider defaults, profiles base first,
/// the scan's own), later layers winning at each leaf: what `SettingsMerger` gives, for
/// checks that ask about a few leaves, without building the merged list for every scan.
struct MergedSettings {
  let base: SettingsLayer
  let profiles: [PlanBuilder.ProfileDecl]
  let own: SettingsLayer

  /// The entry a merge would keep at a slot, if any layer sets it.
  func entry(_ slot: Int) -> SettingsLayer.Entry? {
    if let entry = own.entries.first(where: { $0.slot == slot }) { return entry }
    for profile in profiles.reversed() {
      if let entry = profile.layer.entries.first(where: { $0.slot == slot }) { return entry }
    }
    return base.entries.first { $0.slot == slot }
  }
}
