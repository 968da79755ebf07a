import CLibYAML

extension DocumentBuilder {
  static let mergeKey = Array("<<".utf8)

  /// Moves a mapping's pairs from `scratch` to `children`: own pairs first (a duplicate
  /// reported and dropped), then pairs from merge keys whose key is not already there.
  /// Returns the number of pairs.
  mutating func closeMapping(_ frame: Frame, first: Int) -> Int {
    let pairCount = (scratch.count - frame.scratchStart) / 2
    // Own keys, resolved, to find duplicates: compared as bytes in small mappings, through
    // a dictionary of strings in large ones.
    var ownKeys: [YAMLNodeID] = []
    ownKeys.reserveCapacity(pairCount)
    var index: [String: Int]? = pairCount > 8 ? [:] : nil
    var merges: [YAMLNodeID] = []
    var kept = 0

    for pair in 0..<pairCount {
      let key = scratch[frame.scratchStart + pair * 2]
      let value = scratch[frame.scratchStart + pair * 2 + 1]
      let resolvedKey = resolve(key)
      let keyRecord = nodes[resolvedKey.index]
      if keyRecord.kind != .scalar {
        errors.append(
          YAMLError(.nonScalarKey(found: describe(keyRecord.kind)), at: nodes[key.index].range))
        continue
      }
      if keyRecord.style == .plain, keyRecord.tag == .implicit,
        keyRecord.hasText(Self.mergeKey, in: textBytes)
      {
        collectMerges(value, into: &merges)
        continue
      }
      let firstIndex: Int?
      if index != nil {
        let text = text(resolvedKey)
        firstIndex = index![text]
        if firstIndex == nil { index![text] = ownKeys.count }
      } else {
        firstIndex = ownKeys.firstIndex { sameText($0, resolvedKey) }
      }
      if let firstIndex {
        let text = text(resolvedKey)
        errors.append(
          YAMLError(
            .duplicateKey(key: text), at: nodes[key.index].range,
            notes: [
              .init(
                message: YAMLMessage.firstAppearance(of: text),
                // Own pairs are written from `first` on, key then value.
                range: nodes[children[first + firstIndex * 2].index].range)
            ]))
        continue
      }
      ownKeys.append(resolvedKey)
      children.append(key)
      children.append(value)
      kept += 1
    }

    guard !merges.isEmpty else { return kept }
    var present = Set(ownKeys.map(text))
    for source in merges {
      let sourceNode = nodes[source.index]
      let start = Int(sourceNode.first)
      for pair in 0..<Int(sourceNode.count) {
        let key = children[start + pair * 2]
        // Keys of the mapping itself win; among merged mappings, the earlier one wins.
        if present.insert(text(resolve(key))).inserted {
          children.append(key)
          children.append(children[start + pair * 2 + 1])
          kept += 1
        }
      }
    }
    return kept
  }

  mutating func collectMerges(_ value: YAMLNodeID, into merges: inout [YAMLNodeID]) {
    let target = resolve(value)
    switch nodes[target.index].kind {
    case .mapping:
      merges.append(target)
    case .sequence:
      let node = nodes[target.index]
      for item in children[Int(node.first)..<Int(node.first + node.count)] {
        let resolved = resolve(item)
        if nodes[resolved.index].kind == .mapping {
          merges.append(resolved)
        } else {
          errors.append(
            YAMLError(
              .mergeListItem(found: describe(nodes[resolved.index].kind)),
              at: nodes[item.index].range))
        }
      }
    default:
      errors.append(
        YAMLError(.mergeValue, at: nodes[value.index].range))
    }
  }
}
