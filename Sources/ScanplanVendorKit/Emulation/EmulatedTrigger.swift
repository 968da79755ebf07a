/// A trigger's body as a vendor's emulation read it.
public struct EmulatedTrigger: Sendable {
  /// The asset or target to scan.
  public let asset: String
  /// Fields the vendor echoes in its answers (Invicti's `profile_id`).
  public let echoed: [String: String]

  /// Creates a read trigger.
  public init(asset: String, echoed: [String: String] = [:]) {
    self.asset = asset
    self.echoed = echoed
  }
}
