import Foundation
import HeapModule
import ScanplanExecution
import ScanplanReport
import ScanplanSupport
import ScanplanVendorKit

/// An answer on its way back, ordered by arrival and then by sending.
private struct Arrival: Comparable {
  let time: Double
  let order: Int
  let ticket: Int
  let response: HTTPResponse

  static func < (lhs: Arrival, rhs: Arrival) -> Bool {
    (lhs.time, lhs.order) < (rhs.time, rhs.order)
  }
  static func == (lhs: Arrival, rhs: Arrival) -> Bool { lhs.order == rhs.order }
}

/// CPU seconds this thread has spent.
private func threadCPU() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
  return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// Resident memory of this process, in bytes.
private func residentBytes() -> Int {
  guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else {
    return 0
  }
  let pages = text.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
  return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

/// `simulate [SCANS]`: the scheduler core alone, in virtual time, against an in-memory
/// service with 20 ms answers. A decision is one request the core sends or one answer
/// it takes. CPU time is measured once around the whole loop, so it includes the
/// in-memory service and the harness: an upper bound for the core. (Reading the thread's
/// CPU clock around each call would cost a system call each, more than a decision.)
/// Memory per scan in flight is the most resident memory grew after the plan was built,
/// sampled through the run, over the most scans started and not ended at once.
func simulateBenchmark(scans: Int) {
  let plan = scalePlan(scans: scans)
  var service = ScaleService(scans: scans)
  var arrivals = Heap<Arrival>()
  var order = 0
  let baseline = residentBytes()
  var decisions = 0
  var inFlight = 0
  /// Scans started and not ended, from the core's events.
  func count(_ events: [RunEvent]) {
    for event in events {
      switch event {
      case .triggering: inFlight += 1
      case .finished: inFlight -= 1
      default: break
      }
    }
  }
  var peakInFlight = 0
  var peakGrowth = 0
  var nextSample = 0
  var now = 0.0
  let wallStart = Date()

  let cpuStart = threadCPU()
  var core = SchedulerCore(
    plan: plan, configuration: .init(epochAtStart: 1_800_000_000), random: SeededRandom(seed: 1))

  while true {
    let actions = core.tick(now: now)
    decisions += actions.requests.count
    count(actions.events)
    peakInFlight = max(peakInFlight, inFlight)
    // Sampled, not read on every turn: reading /proc costs more than a turn.
    if decisions >= nextSample {
      nextSample = decisions + 2_000
      peakGrowth = max(peakGrowth, residentBytes() - baseline)
    }
    for request in actions.requests {
      let response = service.answer(request.request, at: now)
      arrivals.insert(
        Arrival(time: now + 0.02, order: order, ticket: request.ticket, response: response))
      order += 1
    }
    if actions.isFinished && arrivals.isEmpty { break }
    guard let next = [actions.wakeAt, arrivals.min?.time].compactMap({ $0 }).min() else { break }
    now = max(now, next)
    while let arrival = arrivals.min, arrival.time <= now {
      _ = arrivals.popMin()
      let answered = core.receive(
        ticket: arrival.ticket, answer: .success(arrival.response), now: now)
      decisions += 1
      count(answered.events)
    }
  }
  peakGrowth = max(peakGrowth, residentBytes() - baseline)
  let cpu = threadCPU() - cpuStart
  let wall = Date().timeIntervalSince(wallStart)
  let completed = core.records.filter { $0.outcome == .completed }.count
  precondition(completed == scans, "every scan must complete: \(completed) of \(scans)")
  let perDecision = cpu / Double(decisions) * 1e6
  let perScan = Double(peakGrowth) / Double(max(peakInFlight, 1))
  print("| measurement | value | target |")
  print("| --- | --- | --- |")
  print(
    "| scans, over two providers at 100 requests/s each | \(scans) (\(completed) completed) | |")
  print(String(format: "| virtual time simulated | %.1f h | |", now / 3600))
  print("| decisions (requests sent + answers taken) | \(decisions) | |")
  print(String(format: "| CPU time of the loop, service included | %.2f s | |", cpu))
  print(
    String(
      format: "| CPU time per decision, service included | %.2f µs | under 20 µs |", perDecision))
  print("| most scans in flight at once | \(peakInFlight) | |")
  print(
    String(
      format: "| memory per scan in flight (peak growth %.1f MiB) | %.0f bytes | under 2 KB |",
      Double(peakGrowth) / 1_048_576, perScan))
  print(String(format: "| wall time of the whole simulation, service included | %.1f s | |", wall))
}
