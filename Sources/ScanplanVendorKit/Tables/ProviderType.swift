/// A scanning service scanplan talks to, as a plan's `type:` names it.
///
/// Each vendor declares its own in its folder (`Sources/Vendors/NAME`); the registry
/// lists them. A value rather than an enum, so that adding a vendor touches its folder
/// and the registry only.
public struct ProviderType: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The name a plan writes: `s4e`, `invicti`.
  public let rawValue: String
  /// This type's bit in a `Field`'s vendor mask: one bit per vendor, distinct across the
  /// registry (which checks it), so that the checks made on every scan are one AND.
  public let bit: UInt32

  /// Declares a type. `bit` must be a single bit no other vendor uses.
  public init(_ rawValue: String, bit: UInt32) {
    precondition(bit != 0 && bit & (bit - 1) == 0, "a provider type's bit is one bit")
    self.rawValue = rawValue
    self.bit = bit
  }

  /// The name.
  public var description: String { rawValue }

  /// Types are the same when their bits are: the registry keeps bits and names one to one.
  public static func == (lhs: ProviderType, rhs: ProviderType) -> Bool { lhs.bit == rhs.bit }

  /// Hashes the bit.
  public func hash(into hasher: inout Hasher) { hasher.combine(bit) }

  /// Orders by bit, which is the registry's order, so lists of types read the same
  /// everywhere.
  public static func < (lhs: ProviderType, rhs: ProviderType) -> Bool { lhs.bit < rhs.bit }
}
