import ScanplanVendorKit
import ScanplanYAML

extension NodeReader {
  /// An invalid value of a choice that several vendors share, held until the vendor
  /// whose values it should be shown against is known.
  struct DeferredChoice {
    let key: String
    /// The value as written.
    let shown: String
    /// Every vendor's values, for when the vendor stays unknown.
    let choices: [String]
    let range: SourceRange
  }

  /// P104 for `shown`, not one of `choices`. For a key several vendors share, the help
  /// lists `vendor`'s values when it is known (`choiceVendor` otherwise), and each
  /// vendor's values apart when it is not.
  func invalidChoice(
    key: String, shown: String, choices: [String], vendor: ProviderType? = nil
  ) -> ValueMessage {
    var choices = choices
    var byVendor: String?
    if let each = format.choicesByVendor[key] {
      if let vendor = vendor ?? choiceVendor, let own = format.fit(vendor).choices(of: key) {
        choices = own
      } else {
        byVendor = each
      }
    }
    return .invalidChoice(
      key: key, value: Self.clip(shown), shown: shown, choices: choices, byVendor: byVendor)
  }

  /// Reports the choices held while an asset was decoded, against `vendor`'s values.
  mutating func reportDeferred(_ choices: [DeferredChoice], vendor: ProviderType?) {
    for choice in choices {
      report(
        invalidChoice(
          key: choice.key, shown: choice.shown, choices: choice.choices, vendor: vendor),
        at: choice.range)
    }
  }
}
