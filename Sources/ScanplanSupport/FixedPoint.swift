/// Numbers with a fixed count of decimals, rounded: `1.40`, `0.250`.
package enum FixedPoint {
  /// `value` rounded to `places` decimals (at least 1), every decimal written.
  package static func format(_ value: Double, places: Int) -> String {
    var scale = 1
    for _ in 0..<max(1, places) { scale *= 10 }
    let scaled = Int((value * Double(scale)).rounded())
    let fraction = String(abs(scaled % scale))
    let sign = scaled < 0 && scaled / scale == 0 ? "-" : ""
    return sign + "\(scaled / scale)."
      + String(repeating: "0", count: max(1, places) - fraction.count) + fraction
  }

  /// A number as people write it: `2`, not `2.0`; `1.5`.
  package static func shortest(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }
}
