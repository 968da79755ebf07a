#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How many processors this process may run on: its CPU affinity (`taskset`, a
/// container's cpuset), not the machine's count. libyaml gets a thread of its own only
/// when there is a second one to run it: on one core the handover costs more than the
/// overlap saves (`Benchmarks/RESULTS.md`, validation pinned to one core).
enum ProcessorCount {
  /// Read once, from `Cpus_allowed_list` in `/proc/self/status` on Linux; elsewhere the
  /// online processors.
  static let available: Int = {
    #if os(Linux)
      if let list = allowedList(), let count = count(list) { return count }
    #endif
    return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  }()

  /// `0-3,6` counts 5.
  static func count(_ list: String) -> Int? {
    var total = 0
    for part in list.split(separator: ",") {
      let bounds = part.split(separator: "-").map { Int($0.filter { !$0.isWhitespace }) }
      switch bounds.count {
      case 1:
        guard bounds[0] != nil else { return nil }
        total += 1
      case 2:
        guard let low = bounds[0], let high = bounds[1], high >= low else { return nil }
        total += high - low + 1
      default:
        return nil
      }
    }
    return total > 0 ? total : nil
  }

  private static func allowedList() -> String? {
    guard let file = fopen("/proc/self/status", "r") else { return nil }
    defer { fclose(file) }
    var line: UnsafeMutablePointer<CChar>?
    var capacity = 0
    defer { free(line) }
    let key = "Cpus_allowed_list:"
    while getline(&line, &capacity, file) > 0, let line {
      let text = String(cString: line)
      if text.hasPrefix(key) { return String(text.dropFirst(key.count)) }
    }
    return nil
  }
}
