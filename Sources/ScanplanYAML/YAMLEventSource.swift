import CLibYAML

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// libyaml's events for one input, copied out in batches, optionally parsed on a thread
/// of its own.
///
/// libyaml's parse is most of a load's time and the tree built from its events the
/// rest; on a large file the two overlap when libyaml runs on its own thread, a few
/// batches ahead. Only plain memory crosses threads (records and bytes, never Swift
/// objects), so the threads share no reference counts.
///
/// The parser stops by itself after the event that opens a collection deeper than
/// `maxDepth`: libyaml 0.2.5 has no depth limit and gets quadratic on a deep `[[[[`, so
/// running ahead must not run into that.
///
/// `@unchecked Sendable`: the counters and `end` are guarded by `mutex`; a batch slot
/// belongs to the parser from the moment it takes it until it publishes it, and to the
/// consumer from `next()` until `release()`.
final class YAMLEventSource: @unchecked Sendable {
  /// Events of one batch and the bytes their texts point into.
  struct Batch {
    var events: UnsafeMutablePointer<YAMLEventRecord>
    var count = 0
    var bytes: UnsafeMutablePointer<UInt8>
    var byteCount = 0
    var byteCapacity: Int
  }

  /// What libyaml reported when it failed, copied out of the parser.
  struct Failure {
    let error: yaml_error_type_t
    let problem: String?
    let problemOffset: Int
    let problemValue: Int32
    let problemMark: yaml_mark_t
    let context: String?
    let contextMark: yaml_mark_t
  }

  /// Why the events stopped.
  enum End {
    /// After the stream-end event.
    case streamEnd
    /// libyaml failed after the last event delivered.
    case failure(Failure)
    /// After the event that opened a collection past the depth limit.
    case depthLimit
    /// `finish()` was called first.
    case cancelled
  }

  private static let eventsPerBatch = 4096
  /// Never written through, so sharing it is safe.
  nonisolated(unsafe) private static let noBytes: UnsafePointer<UInt8> = {
    let byte = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    byte.initialize(to: 0)
    return UnsafePointer(byte)
  }()

  private let parser: UnsafeMutablePointer<yaml_parser_t>
  private let event: UnsafeMutablePointer<yaml_event_t>
  private let slots: UnsafeMutablePointer<Batch>
  private let slotCount: Int
  private let maxDepth: Int
  /// Open collections so far; the parser's alone.
  private var depth = 0

  private let mutex: UnsafeMutablePointer<pthread_mutex_t>
  private let condition: UnsafeMutablePointer<pthread_cond_t>
  private var thread: pthread_t?
  // Guarded by `mutex` when there is a thread.
  private var published = 0
  private var taken = 0
  private var released = 0
  private var cancelled = false
  private var finished = false
  private var stop: End?

  /// Starts reading `input`, which must stay valid until `finish()`. With `concurrent`,
  /// libyaml runs on a thread of its own; otherwise each `next()` parses one batch.
  /// Nil when libyaml cannot start.
  init?(input: UnsafeBufferPointer<UInt8>, maxDepth: Int, concurrent: Bool) {
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    guard yaml_parser_initialize(parser) != 0 else {
      parser.deallocate()
      return nil
    }
    // libyaml wants an address even for no bytes, and keeps it.
    yaml_parser_set_input_string(parser, input.baseAddress ?? Self.noBytes, input.count)
    self.parser = parser
    event = .allocate(capacity: 1)
    self.maxDepth = maxDepth
    slotCount = concurrent ? 4 : 1
    slots = .allocate(capacity: slotCount)
    for index in 0..<slotCount {
      let byteCapacity = 64 * 1024
      (slots + index).initialize(
        to: Batch(
          events: .allocate(capacity: Self.eventsPerBatch),
          bytes: .allocate(capacity: byteCapacity),
          byteCapacity: byteCapacity))
    }
    mutex = .allocate(capacity: 1)
    pthread_mutex_init(mutex, nil)
    condition = .allocate(capacity: 1)
    pthread_cond_init(condition, nil)
    if concurrent { startThread() }
  }

  deinit {
    pthread_cond_destroy(condition)
    condition.deallocate()
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
    for index in 0..<slotCount {
      slots[index].events.deallocate()
      slots[index].bytes.deallocate()
    }
    slots.deallocate()
    event.deallocate()
    yaml_parser_delete(parser)
    parser.deallocate()
  }

  private func startThread() {
    let context = Unmanaged.passRetained(self).toOpaque()
    #if canImport(Glibc)
      var handle = pthread_t()
    #else
      var handle: pthread_t?
    #endif
    let started = pthread_create(
      &handle, nil,
      { context in
        let source = Unmanaged<YAMLEventSource>.fromOpaque(context!).takeRetainedValue()
        source.produce()
        return nil
      }, context)
    if started == 0 {
      thread = handle
    } else {
      // No thread to be had: parse on the caller's thread, one batch per `next()`.
      Unmanaged<YAMLEventSource>.fromOpaque(context).release()
    }
  }

  /// The next batch, or nil when there are no more; then `end` says why. Call
  /// `release()` when done with a batch, before the next call.
  func next() -> Batch? {
    guard thread != nil else {
      if finished { return nil }
      if let end = fill(&slots[0]) {
        stop = end
        finished = true
      }
      return slots[0]
    }
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    while taken == published && !finished {
      pthread_cond_wait(condition, mutex)
    }
    guard taken < published else { return nil }
    let batch = slots[taken % slotCount]
    taken += 1
    return batch
  }

  /// Hands the batch last returned by `next()` back to the parser.
  func release() {
    guard thread != nil else { return }
    pthread_mutex_lock(mutex)
    released += 1
    pthread_cond_broadcast(condition)
    pthread_mutex_unlock(mutex)
  }

  /// Why the events stopped; meaningful once `next()` has returned nil.
  var end: End {
    guard thread != nil else { return stop ?? .cancelled }
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return stop ?? .cancelled
  }

  /// Stops the parser and waits for its thread; call once, before the input goes away.
  func finish() {
    guard let thread else { return }
    pthread_mutex_lock(mutex)
    cancelled = true
    pthread_cond_broadcast(condition)
    pthread_mutex_unlock(mutex)
    pthread_join(thread, nil)
  }

  // MARK: The parser's side

  /// The parsing thread: fills free slots until the events stop or it is cancelled.
  private func produce() {
    while true {
      pthread_mutex_lock(mutex)
      while published - released == slotCount && !cancelled {
        pthread_cond_wait(condition, mutex)
      }
      if cancelled {
        finished = true
        pthread_cond_broadcast(condition)
        pthread_mutex_unlock(mutex)
        return
      }
      let slot = published % slotCount
      pthread_mutex_unlock(mutex)

      let end = fill(&slots[slot])

      pthread_mutex_lock(mutex)
      published += 1
      if let end {
        stop = end
        finished = true
      }
      pthread_cond_broadcast(condition)
      pthread_mutex_unlock(mutex)
      if end != nil { return }
    }
  }

  /// Parses events into a batch until it is full or the events stop; returns why they
  /// stopped, if they did.
  private func fill(_ batch: inout Batch) -> End? {
    batch.count = 0
    batch.byteCount = 0
    // A local copy: a class property written on every event would be checked for
    // exclusive access on every event.
    var depth = self.depth
    defer { self.depth = depth }
    while batch.count < Self.eventsPerBatch {
      guard yaml_parser_parse(parser, event) != 0 else {
        return .failure(Self.failure(of: parser.pointee))
      }
      defer { yaml_event_delete(event) }
      let raw = event.pointee
      guard let kind = YAMLEventRecord.Kind(raw.type) else { continue }
      var record = YAMLEventRecord(
        kind: kind, style: .plain,
        startLine: Int32(clamping: raw.start_mark.line),
        startColumn: Int32(clamping: raw.start_mark.column),
        endLine: Int32(clamping: raw.end_mark.line),
        endColumn: Int32(clamping: raw.end_mark.column), text: .none, anchor: .none, tag: .none)
      switch kind {
      case .scalar:
        let data = raw.data.scalar
        record.text = copy(data.value, count: data.length, into: &batch)
        record.anchor = copy(data.anchor, into: &batch)
        record.tag = copy(data.tag, into: &batch)
        switch data.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: record.style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: record.style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: record.style = .literal
        case YAML_FOLDED_SCALAR_STYLE: record.style = .folded
        default: record.style = .plain
        }
      case .alias:
        record.text = copy(raw.data.alias.anchor, into: &batch)
      case .sequenceStart:
        record.anchor = copy(raw.data.sequence_start.anchor, into: &batch)
        record.tag = copy(raw.data.sequence_start.tag, into: &batch)
        depth += 1
      case .mappingStart:
        record.anchor = copy(raw.data.mapping_start.anchor, into: &batch)
        record.tag = copy(raw.data.mapping_start.tag, into: &batch)
        depth += 1
      case .sequenceEnd, .mappingEnd:
        depth -= 1
      case .streamStart, .streamEnd, .documentStart, .documentEnd:
        break
      }
      batch.events[batch.count] = record
      batch.count += 1
      if kind == .streamEnd { return .streamEnd }
      if depth > maxDepth { return .depthLimit }
    }
    return nil
  }

  private func copy(_ text: UnsafeMutablePointer<yaml_char_t>?, into batch: inout Batch)
    -> YAMLEventRecord.Slice
  {
    guard let text else { return .none }
    let count = strlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self))
    return copy(text, count: count, into: &batch)
  }

  private func copy(
    _ text: UnsafeMutablePointer<yaml_char_t>?, count: Int, into batch: inout Batch
  ) -> YAMLEventRecord.Slice {
    guard let text else { return .none }
    if batch.byteCount + count > batch.byteCapacity {
      var capacity = batch.byteCapacity * 2
      while batch.byteCount + count > capacity { capacity *= 2 }
      let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
      bytes.update(from: batch.bytes, count: batch.byteCount)
      batch.bytes.deallocate()
      batch.bytes = bytes
      batch.byteCapacity = capacity
    }
    (batch.bytes + batch.byteCount).update(from: text, count: count)
    defer { batch.byteCount += count }
    return YAMLEventRecord.Slice(
      start: Int32(truncatingIfNeeded: batch.byteCount), count: Int32(truncatingIfNeeded: count))
  }

  private static func failure(of parser: yaml_parser_t) -> Failure {
    Failure(
      error: parser.error, problem: parser.problem.map { String(cString: $0) },
      problemOffset: parser.problem_offset, problemValue: parser.problem_value,
      problemMark: parser.problem_mark, context: parser.context.map { String(cString: $0) },
      contextMark: parser.context_mark)
  }
}
