/// Serializes `JSONValue`s: compact, or pretty with two-space indentation and a trailing
/// newline, the form scanplan commits to files.
package enum JSONWriter {
  /// The value as compact JSON on one line.
  package static func compact(_ value: JSONValue) -> String {
    var output = ""
    write(value, into: &output, indent: nil, depth: 0)
    return output
  }

  /// The value as indented JSON, ending with a newline. Lists of numbers stay on one
  /// line, and so does an object of a list whose values are all scalars (a finding).
  package static func pretty(_ value: JSONValue) -> String {
    var output = ""
    write(value, into: &output, indent: "  ", depth: 0)
    output += "\n"
    return output
  }

  /// `object` and then `key`, a list of `count` values that are not numbers, written as
  /// `pretty` writes the object with that member last; each item is made by `item` when
  /// it is written, so that a large list (a report's scans and their findings) is never
  /// whole in memory as values. With `flush`, it is not whole as text either: `flush`
  /// is given the text so far whenever it passes `flushBytes`, and at the end, and
  /// empties it.
  package static func pretty(
    _ object: JSONObject, endingWith key: String, count: Int, flushBytes: Int = 1 << 20,
    flush: ((inout String) -> Void)? = nil, item: (Int) -> JSONValue
  ) -> String {
    var output = "{"
    for member in object.members {
      newline(&output, indent: "  ", depth: 1)
      writeString(member.key, into: &output)
      output += ": "
      write(member.value, into: &output, indent: "  ", depth: 1)
      output += ","
    }
    newline(&output, indent: "  ", depth: 1)
    writeString(key, into: &output)
    output += ": ["
    for index in 0..<count {
      if index > 0 { output += "," }
      newline(&output, indent: "  ", depth: 2)
      writeItem(item(index), into: &output, indent: "  ", depth: 2)
      if let flush, output.utf8.count >= flushBytes { flush(&output) }
    }
    if count > 0 { newline(&output, indent: "  ", depth: 1) }
    output += "]\n}\n"
    flush?(&output)
    return output
  }

  private static func write(
    _ value: JSONValue, into output: inout String, indent: String?, depth: Int
  ) {
    switch value {
    case .null: output += "null"
    case .bool(let flag): output += flag ? "true" : "false"
    case .int(let number): output += String(number)
    case .double(let number): output += format(number)
    case .string(let text): writeString(text, into: &output)
    case .array(let items):
      guard !items.isEmpty else {
        output += "[]"
        return
      }
      output += "["
      // A list of numbers (a run's poll times, requests per interval) stays on one line:
      // one number a line would make most of a large report's lines and bytes.
      if indent != nil, items.allSatisfy(\.isNumber) {
        for (index, item) in items.enumerated() {
          if index > 0 { output += ", " }
          write(item, into: &output, indent: nil, depth: 0)
        }
        output += "]"
        return
      }
      for (index, item) in items.enumerated() {
        if index > 0 { output += "," }
        newline(&output, indent: indent, depth: depth + 1)
        writeItem(item, into: &output, indent: indent, depth: depth + 1)
      }
      newline(&output, indent: indent, depth: depth)
      output += "]"
    case .object(let object):
      guard !object.isEmpty else {
        output += "{}"
        return
      }
      output += "{"
      for (index, member) in object.members.enumerated() {
        if index > 0 { output += "," }
        newline(&output, indent: indent, depth: depth + 1)
        writeString(member.key, into: &output)
        output += indent == nil ? ":" : ": "
        write(member.value, into: &output, indent: indent, depth: depth + 1)
      }
      newline(&output, indent: indent, depth: depth)
      output += "}"
    }
  }

  /// An item of a list that is not all numbers.
  private static func writeItem(
    _ item: JSONValue, into output: inout String, indent: String?, depth: Int
  ) {
    // A flat object (a finding, a pause) on a line of its own: a report of 100,000
    // findings is 100,000 lines, not a million.
    if indent != nil, case .object(let object) = item, !object.isEmpty,
      object.members.allSatisfy({ $0.value.isScalar })
    {
      output += "{"
      for (place, member) in object.members.enumerated() {
        if place > 0 { output += ", " }
        writeString(member.key, into: &output)
        output += ": "
        write(member.value, into: &output, indent: nil, depth: 0)
      }
      output += "}"
    } else {
      write(item, into: &output, indent: indent, depth: depth)
    }
  }

  private static func newline(_ output: inout String, indent: String?, depth: Int) {
    guard let indent else { return }
    output += "\n"
    for _ in 0..<depth { output += indent }
  }

  /// Whole numbers print without a fraction (`2`, not `2.0`); others in Swift's shortest
  /// round-trip form.
  private static func format(_ number: Double) -> String {
    guard number.isFinite else { return "null" }
    if abs(number) < 1e15, let whole = Int(exactly: number) { return String(whole) }
    return String(number)
  }

  /// Writes a JSON string literal, escaping what RFC 8259 requires.
  package static func writeString(_ text: String, into output: inout String) {
    output += "\""
    // Most text needs no escape: written whole, not a scalar at a time.
    if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
      output += text
      output += "\""
      return
    }
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "\u{08}": output += "\\b"
      case "\u{0C}": output += "\\f"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    output += "\""
  }
}
