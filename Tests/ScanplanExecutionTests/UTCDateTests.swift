import ScanplanSupport
import Testing

@Suite struct UTCDateTests {
  @Test func iso8601TruncatesToMilliseconds() {
    #expect(UTCDate.iso8601(1_800_000_000.1239) == "2027-01-15T08:00:00.123Z")
    #expect(UTCDate.iso8601(1_800_000_000.9999, milliseconds: false) == "2027-01-15T08:00:00Z")
    #expect(UTCDate.iso8601(0) == "1970-01-01T00:00:00.000Z")
  }

  @Test func httpDatesAreIMFFixdates() {
    #expect(UTCDate.httpDate(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
    #expect(UTCDate.httpDate(1_800_000_042.7) == "Fri, 15 Jan 2027 08:00:42 GMT")
  }

  @Test(arguments: [
    ("Sun, 06 Nov 1994 08:49:37 GMT", 784_111_777.0),
    ("Sunday, 06-Nov-94 08:49:37 GMT", 784_111_777.0),
    ("Sun Nov  6 08:49:37 1994", 784_111_777.0),
  ])
  func everyHTTPDateFormIsRead(_ text: String, _ epoch: Double) {
    #expect(UTCDate.parseHTTPDate(text) == epoch)
  }

  @Test(arguments: ["", "tomorrow", "Sun, 06 Nov 1994", "Sun, 06 Nov 1994 25:00:00 GMT"])
  func whatIsNoDateIsNil(_ text: String) {
    #expect(UTCDate.parseHTTPDate(text) == nil)
  }
}
