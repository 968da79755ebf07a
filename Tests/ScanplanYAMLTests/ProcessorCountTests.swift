import Testing

@testable import ScanplanYAML

@Suite struct ProcessorCountTests {
  @Test(
    arguments: [
      ("0", 1), ("0-1", 2), ("0-3,6", 5), ("0,2,4-7\n", 6), ("", nil), ("3-1", nil), ("a-b", nil),
    ] as [(String, Int?)])
  func theAffinityListIsCounted(_ list: String, _ count: Int?) {
    #expect(ProcessorCount.count(list) == count)
  }

  @Test func thisProcessMayRunSomewhere() {
    #expect(ProcessorCount.available >= 1)
  }
}
