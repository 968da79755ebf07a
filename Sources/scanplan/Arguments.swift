import ArgumentParser
import ScanplanExecution
import ScanplanSupport
import ScanplanVendorKit

/// `--shard K/N`, read by the argument parser, so a wrong value is a usage error that
/// names the option.
struct ShardArgument: ExpressibleByArgument {
  let shard: RunSelection.Shard

  init?(argument: String) {
    let parts = argument.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
    guard parts.count == 2, let index = parts[0], let count = parts[1], count >= 1,
      (1...count).contains(index)
    else { return nil }
    shard = RunSelection.Shard(index: index, count: count)
  }

  static var defaultCompletionKind: CompletionKind { .list(["1/2", "2/2", "1/4"]) }
}

/// `--scan-seconds MIN:MAX`, a range of whole or fractional seconds.
struct SecondsRangeArgument: ExpressibleByArgument {
  let range: ClosedRange<Double>

  init?(argument: String) {
    let parts = argument.split(separator: ":", omittingEmptySubsequences: false).map {
      Double($0)
    }
    guard parts.count == 2, let low = parts[0], let high = parts[1], low.isFinite,
      high.isFinite, low >= 0, low <= high
    else { return nil }
    range = low...high
  }

  var defaultValueDescription: String {
    "\(FixedPoint.shortest(range.lowerBound)):\(FixedPoint.shortest(range.upperBound))"
  }
}

extension EmulatorDialect: ExpressibleByArgument {}
