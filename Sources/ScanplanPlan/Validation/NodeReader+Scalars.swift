import ScanplanJSON
import ScanplanVendorKit
import ScanplanYAML

extension NodeReader {
  // MARK: Scalars

  /// The value of a key, checked against its field's kind; nil after reporting.
  mutating func value(_ entry: Entry) -> JSONValue? {
    value(
      entry.value, kind: entry.field.kind, key: entry.field.key,
      environment: entry.field.allowsEnvironment)
  }

  /// A value checked against a kind; nil after reporting.
  mutating func value(
    _ id: YAMLNodeID, kind: ValueKind, key: String, environment: Bool
  ) -> JSONValue? {
    if let value = Self.commonValue(document.resolve(id), kind: kind, in: document) {
      return value
    }
    let node = document[document.resolve(id)]
    let range = document[id].range
    guard node.kind == .scalar else {
      mismatch(id, key: key, expected: kind.phrase)
      return nil
    }
    let scalar = node.scalar
    if case .string(let text) = scalar, Self.mayHoldReference(text) {
      switch EnvironmentTemplate.parse(text) {
      case .failure(let error):
        report(ValueMessage.unreadableReference(key: key, reason: error.message), at: range)
        return nil
      case .success(let template) where template.hasReferences:
        if environment {
          if case .token = kind { return token(text, key: key, template: template, at: range) }
          // Checked once resolved, when the plan runs.
          return .string(text)
        }
        report(
          ValueMessage.referenceNotAllowed(key: key, allowed: format.environmentKeys), at: range)
        return nil
      case .success:
        break
      }
    }
    switch kind {
    case .name, .providerReference, .profileReference:
      if scalar == .null {
        mismatch(id, key: key, expected: kind.phrase)
        return nil
      }
      return checkName(node.text, at: range) ? .string(node.text) : nil
    case .integer(let minimum):
      return integer(id, scalar, key: key, minimum: minimum, at: range)
    case .number(let bound):
      return number(id, scalar, key: key, bound: bound, at: range)
    case .boolean:
      return boolean(id, node, key: key, at: range)
    case .duration:
      return duration(id, node, key: key, at: range)
    case .uuid:
      guard case .string(let text) = scalar else {
        mismatch(id, key: key, expected: "a UUID")
        return nil
      }
      if !Self.isUUID(text) {
        report(ValueMessage.invalidUUID(key: key, found: Self.clip(text)), at: range)
        return nil
      }
      return .string(text)
    case .url:
      guard case .string(let text) = scalar else {
        mismatch(id, key: key, expected: "a URL")
        return nil
      }
      return url(text, key: key, at: range)
    case .token:
      guard case .string(let text) = scalar else {
        mismatch(
          id, key: key, expected: "an environment reference such as `${\(key.uppercased())}`")
        return nil
      }
      return token(
        text, key: key, template: EnvironmentTemplate(parts: [.literal(text)]), at: range)
    case .path:
      guard case .string(let text) = scalar, !text.isEmpty else {
        mismatch(id, key: key, expected: "a file path")
        return nil
      }
      return .string(text)
    case .webURL:
      guard case .string(let text) = scalar else {
        mismatch(id, key: key, expected: kind.phrase)
        return nil
      }
      return webURL(text, key: key, at: range)
    case .text:
      guard case .string(let text) = scalar, !text.isEmpty else {
        mismatch(id, key: key, expected: "text")
        return nil
      }
      return .string(text)
    case .choice(let choices):
      guard case .string(let text) = scalar, choices.contains(text) else {
        let shown = node.text
        if deferredChoices != nil, format.choicesByVendor[key] != nil {
          deferredChoices?.append(
            DeferredChoice(key: key, shown: shown, choices: choices, range: range))
        } else {
          report(invalidChoice(key: key, shown: shown, choices: choices), at: range)
        }
        return nil
      }
      return .string(text)
    case .version:
      switch scalar {
      case .int(1): return .int(1)
      case .int(let other):
        report(ValueMessage.unsupportedVersion(found: other), at: range)
        return nil
      default:
        mismatch(id, key: key, expected: "the integer `1`")
        return nil
      }
    case .affirmation:
      switch scalar {
      // The request always carries the string "yes", however the plan spelled it.
      case .bool(true): return .string("yes")
      case .string(let text) where text.lowercased() == "yes": return .string("yes")
      default:
        report(ValueMessage.notAuthorized(key: key, found: describe(id)), at: range)
        return nil
      }
    case .object, .map, .list:
      mismatch(id, key: key, expected: kind.phrase)
      return nil
    }
  }

  mutating func integer(
    _ id: YAMLNodeID, _ scalar: YAMLScalar, key: String, minimum: Int, at range: SourceRange
  ) -> JSONValue? {
    switch scalar {
    case .int(let value):
      guard value >= minimum else {
        report(ValueMessage.integerBelow(key: key, minimum: minimum, found: value), at: range)
        return nil
      }
      return .int(value)
    case .integerOverflow:
      report(ValueMessage.integerTooLarge(key: key), at: range)
      return nil
    default:
      mismatch(id, key: key, expected: "a whole number")
      return nil
    }
  }

  mutating func number(
    _ id: YAMLNodeID, _ scalar: YAMLScalar, key: String, bound: ValueKind.NumberBound,
    at range: SourceRange
  ) -> JSONValue? {
    let value: Double
    switch scalar {
    case .int(let whole): value = Double(whole)
    case .float(let fraction): value = fraction
    case .integerOverflow:
      report(ValueMessage.numberTooLarge(key: key), at: range)
      return nil
    default:
      mismatch(id, key: key, expected: "a number")
      return nil
    }
    guard value.isFinite else {
      report(ValueMessage.notFinite(key: key), at: range)
      return nil
    }
    switch bound {
    case .greaterThan(let limit) where value <= limit:
      report(
        ValueMessage.numberNotAbove(
          key: key, limit: ValueKind.format(limit), found: ValueKind.format(value)), at: range)
      return nil
    case .atLeast(let limit) where value < limit:
      report(
        ValueMessage.numberBelow(
          key: key, limit: ValueKind.format(limit), found: ValueKind.format(value)), at: range)
      return nil
    default:
      if case .int(let whole) = scalar { return .int(whole) }
      return .double(value)
    }
  }
}
