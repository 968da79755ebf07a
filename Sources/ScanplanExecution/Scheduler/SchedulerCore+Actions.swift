package import ScanplanVendorKit

extension SchedulerCore {
  /// What the scheduler asks of its driver after each input, the way AsyncHTTPClient's
  /// connection-pool state machine answers each event with an action: the scheduler
  /// decides, the driver does the I/O. Events come first: a driver records and shows
  /// them before it sends, so no trigger leaves unrecorded.
  package struct Actions: Sendable {
    /// What happened, in order.
    package var events: [RunEvent]
    /// Requests to send now, in order. Only `tick(now:)` returns any, so answers that
    /// arrive at one instant are all taken before the next request is chosen.
    package var requests: [Outgoing]
    /// When the driver should tick again; nil when no request is queued.
    package var wakeAt: Double?
    /// Every scan has ended and no answer is awaited: the run is over.
    package var isFinished: Bool
  }

  /// Time has passed: the requests due at `now`, each budget's spacing respected.
  package mutating func tick(now: Double) -> Actions {
    let requests = takeDueRequests(now: now)
    return actions(sending: requests)
  }

  /// An answer to a request sent earlier, by its ticket.
  package mutating func receive(
    ticket: Int, answer: Result<HTTPResponse, TransportError>, now: Double
  ) -> Actions {
    handle(ticket: ticket, answer: answer, now: now)
    return actions(sending: [])
  }

  /// The run is told to stop: scans not yet triggered end as `not_started`, scans
  /// already triggered as `interrupted` (a state file lets a later run re-attach to
  /// them).
  package mutating func interrupt(now: Double) -> Actions {
    stop(now: now)
    return actions(sending: [])
  }

  /// The pending events, the requests and what comes next.
  private mutating func actions(sending requests: [Outgoing]) -> Actions {
    defer { events = [] }
    return Actions(
      events: events, requests: requests, wakeAt: nextSendTime(), isFinished: isFinished)
  }
}
