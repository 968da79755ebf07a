import ScanplanJSON
import ScanplanVendorKit
import ScanplanYAML

extension PlanBuilder {
  // MARK: Profiles

  mutating func readProfiles(_ entry: NodeReader.Entry) {
    guard let named = reader.namedEntries(entry, minCount: 0, nullIsEmpty: true) else { return }
    for (name, key, value) in named {
      let range = document[key].range
      guard
        let fields = reader.object(
          value, shape: format.profile, key: name, subject: "profile `\(name)`", owner: range,
          nullIsEmpty: true)
      else { continue }
      var extends: (String, SourceRange)?
      if let entry = fields["extends"], let base = reader.value(entry)?.stringValue {
        extends = (base, entry.valueRange)
      }
      let layer = reader.settings(fields)
      profiles[name] = ProfileDecl(
        name: name, range: range, extends: extends, layer: layer,
        isMixed: checkMixed(name, at: range, layer: layer))
      profileOrder.append(name)
    }
    for name in profileOrder {
      guard let (base, range) = profiles[name]!.extends else { continue }
      usedProfiles.insert(base)
      if profiles[base] == nil {
        reportUnknownProfile(base, at: range)
      }
    }
    findCycles()
  }

  /// A profile's keys must all fit one provider type, or no scan could use it. A key
  /// several vendors share (`scan_type`) fits each of them; the profile is mixed when no
  /// vendor takes every key.
  mutating func checkMixed(_ name: String, at range: SourceRange, layer: SettingsLayer)
    -> Bool
  {
    var fitting: Set<ProviderType>?
    var seen: [SettingsLayer.TopKey] = []
    var clash: (SettingsLayer.TopKey, SettingsLayer.TopKey)?
    for key in layer.topKeys(in: document, format: format) where !key.field.vendors.isEmpty {
      let narrowed = (fitting ?? key.field.vendors).intersection(key.field.vendors)
      if narrowed.isEmpty {
        // The earlier key no vendor shares with this one, or else the first.
        let earlier = seen.first { $0.field.vendors.isDisjoint(with: key.field.vendors) } ?? seen[0]
        clash = (earlier, key)
        break
      }
      fitting = narrowed
      seen.append(key)
    }
    guard let (first, second) = clash else { return false }
    let keys = [first, second].map { key in
      (
        vendor: format.registry.ordered(key.field.vendors).map {
          format.vendor($0).table.displayName
        }.joined(separator: " and "),
        key: key.field.key
      )
    }
    reader.report(
      VendorFitMessage.mixedProfile(name: name, keys: keys), at: range,
      notes: zip(keys, [first, second]).map {
        .init(.vendorKey(key: $0.key, vendor: $0.vendor), at: $1.range)
      })
    return true
  }

  /// Reports each cycle of `extends` once, at its first profile in plan order.
  mutating func findCycles() {
    var reported: Set<String> = []
    for start in profileOrder where !reported.contains(start) {
      var path: [String] = []
      var current: String? = start
      while let name = current, let profile = profiles[name] {
        if let loopStart = path.firstIndex(of: name) {
          let cycle = Array(path[loopStart...])
          if !cycle.contains(where: reported.contains) {
            reported.formUnion(cycle)
            cyclic.formUnion(cycle)
            let first = cycle.min { profiles[$0]!.range < profiles[$1]!.range }!
            let rotated = Array(cycle.drop { $0 != first } + cycle.prefix { $0 != first })
            let description = (rotated + [first]).map { "`\($0)`" }.joined(separator: " -> ")
            reader.report(
              NameMessage.extendsCycle(cycle: description), at: profiles[first]!.extends!.range,
              notes: rotated.dropFirst().map {
                .init(
                  .extendsHere(profile: $0, base: profiles[$0]!.extends!.name),
                  at: profiles[$0]!.extends!.range)
              })
          }
          break
        }
        path.append(name)
        current = profile.extends?.name
      }
    }
  }

  /// The profiles a scan's `profile` stands for, base first, worked out once per profile
  /// name (which also marks the profile used); nil for a profile that is not defined.
  mutating func chain(_ name: String) -> Chain? {
    if let known = chains[name] { return known }
    usedProfiles.insert(name)
    guard profiles[name] != nil else { return nil }
    var profilesInChain: [ProfileDecl] = []
    var current: String? = name
    var isComplete = !cyclic.contains(name)
    while let next = current, let profile = profiles[next], !cyclic.contains(next) {
      profilesInChain.insert(profile, at: 0)
      current = profile.extends?.name
      if let base = current, profiles[base] == nil { isComplete = false }
    }
    let chain = Chain(profiles: profilesInChain, isComplete: isComplete)
    chains[name] = chain
    return chain
  }

  mutating func reportUnknownProfile(_ name: String, at range: SourceRange) {
    reader.report(NameMessage.unknownProfile(name: name, defined: profileOrder), at: range)
  }
}
