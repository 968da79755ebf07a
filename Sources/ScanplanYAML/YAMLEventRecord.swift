import CLibYAML

/// One libyaml event copied out of libyaml into plain data, so that it outlives
/// `yaml_event_delete` and can cross from the parsing thread to the building one.
///
/// Texts (a scalar's value, an alias's or node's anchor, a tag) are offsets into the
/// byte buffer of the batch that holds the event.
struct YAMLEventRecord {
  enum Kind: UInt8 {
    case streamStart, streamEnd, documentStart, documentEnd
    case alias, scalar, sequenceStart, sequenceEnd, mappingStart, mappingEnd
  }

  var kind: Kind
  var style: YAMLNode.Style
  /// 0-based, as libyaml counts.
  var startLine: Int32
  var startColumn: Int32
  var endLine: Int32
  var endColumn: Int32
  /// A scalar's value or an alias's anchor name.
  var text: Slice
  /// The anchor a scalar or collection defines.
  var anchor: Slice
  var tag: Slice

  /// Where a text sits in its batch's bytes; `start` is -1 when there is none.
  struct Slice {
    var start: Int32
    var count: Int32

    static let none = Slice(start: -1, count: 0)

    var isPresent: Bool { start >= 0 }
  }

  var start: SourcePosition {
    SourcePosition(line: Int(startLine) + 1, column: Int(startColumn) + 1)
  }

  var end: SourcePosition {
    SourcePosition(line: Int(endLine) + 1, column: Int(endColumn) + 1)
  }

  var range: SourceRange { SourceRange(start: start, end: end) }
}

extension YAMLEventRecord.Kind {
  /// The kind of a libyaml event; nil for `YAML_NO_EVENT`.
  init?(_ type: yaml_event_type_t) {
    switch type {
    case YAML_STREAM_START_EVENT: self = .streamStart
    case YAML_STREAM_END_EVENT: self = .streamEnd
    case YAML_DOCUMENT_START_EVENT: self = .documentStart
    case YAML_DOCUMENT_END_EVENT: self = .documentEnd
    case YAML_ALIAS_EVENT: self = .alias
    case YAML_SCALAR_EVENT: self = .scalar
    case YAML_SEQUENCE_START_EVENT: self = .sequenceStart
    case YAML_SEQUENCE_END_EVENT: self = .sequenceEnd
    case YAML_MAPPING_START_EVENT: self = .mappingStart
    case YAML_MAPPING_END_EVENT: self = .mappingEnd
    default: return nil
    }
  }
}
