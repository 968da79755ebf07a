/// A scanning service scanplan talks to, as a plan's `type:` names it.
///
/// Each vendor declares its own in its folder (`Sources/Vendors/NAME`); a
/// `VendorRegistry` lists them. A value rather than an enum, so that adding a vendor
/// touches its folder and the registry only.
package struct ProviderType: Hashable, Sendable, CustomStringConvertible {
  /// The name a plan writes: `s4e`, `invicti`.
  package let rawValue: String

  /// Declares a type. The registry checks that no two vendors share a name.
  package init(_ rawValue: String) {
    self.rawValue = rawValue
  }

  package var description: String { rawValue }
}
