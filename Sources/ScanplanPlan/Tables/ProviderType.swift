/// The scanning services scanplan talks to.
public enum ProviderType: String, CaseIterable, Comparable, Sendable {
  /// S4E (`POST /api/scan/create`).
  case s4e
  /// Invicti Platform DAST (`POST /api/v1/scans`).
  case invicti

  /// The vendor's table: defaults, asset keys and scan settings.
  public var table: VendorTable {
    switch self {
    case .s4e: return .s4e
    case .invicti: return .invicti
    }
  }

  /// This type's bit in a `Field`'s vendor mask.
  var bit: UInt8 {
    switch self {
    case .s4e: return 1
    case .invicti: return 2
    }
  }

  /// Orders by declaration, so lists of types read the same everywhere.
  public static func < (lhs: ProviderType, rhs: ProviderType) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
