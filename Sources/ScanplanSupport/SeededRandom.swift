/// A seeded random number generator (SplitMix64): the scheduler's jitter is random in
/// production and exactly repeatable in tests.
package struct SeededRandom: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A generator that produces the same numbers for the same seed.
  package init(seed: UInt64) {
    state = seed
  }

  /// A generator seeded from the system's randomness.
  package static func system() -> SeededRandom {
    var system = SystemRandomNumberGenerator()
    return SeededRandom(seed: system.next())
  }

  /// The next 64 random bits.
  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }

  /// A number in `0 ..< 1`.
  package mutating func unit() -> Double {
    Double(next() >> 11) / Double(1 << 53)
  }

  /// True with the given probability.
  package mutating func chance(_ probability: Double) -> Bool {
    probability > 0 && unit() < probability
  }

  /// A number in `0 ..< bound`.
  package mutating func below(_ bound: Int) -> Int {
    Int(next() % UInt64(max(1, bound)))
  }
}
