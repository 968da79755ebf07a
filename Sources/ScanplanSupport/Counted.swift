/// Counts written for people: "1 scan", "3 scans", "10,000 nodes". One place, so that
/// every message counts the same way.
package enum Counted {
  /// `number` with thousands separators: "10,000".
  package static func grouped(_ number: Int) -> String {
    let digits = String(number.magnitude)
    var output = number < 0 ? "-" : ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { output += "," }
      output.append(digit)
    }
    return output
  }

  /// `number` and `noun`, plural unless the number is one: "1 scan", "3 scans". Only
  /// nouns whose plural adds an "s". Thousands are separated when `grouped`.
  package static func phrase(_ number: Int, _ noun: String, grouped: Bool = false) -> String {
    (grouped ? Self.grouped(number) : String(number)) + " " + noun + (number == 1 ? "" : "s")
  }

  /// A rate: `value` in its shortest form, and `noun` per `unit`, plural unless the value
  /// is one: "1 request/s", "2.5 requests/s".
  package static func rate(_ value: Double, _ noun: String, per unit: String) -> String {
    FixedPoint.shortest(value) + " " + noun + (value == 1 ? "" : "s") + "/" + unit
  }
}
