import ScanplanPlan
import ScanplanRendering
import ScanplanVendorKit
import ScanplanVendors
import Testing

/// `schemas/` and the generated docs are outputs of the option tables; these tests fail
/// when a table changes and the files were not regenerated (`scanplan schema`,
/// `scanplan docs NAME`), or when someone edits the files by hand.
@Suite struct GeneratedFilesTests {
  static let format = PlanFormat(registry: Vendors.registry)
  static let root = String(#filePath.split(separator: "/Tests/", maxSplits: 1)[0])

  static func read(_ relative: String) -> String {
    String(
      decoding: readFile((root.hasPrefix("/") ? "" : "/") + root + "/" + relative), as: UTF8.self)
  }

  @Test func schemaFileMatchesTheTables() {
    let onDisk = Self.read("schemas/scanplan.schema.json")
    #expect(!onDisk.isEmpty)
    #expect(
      onDisk == JSONSchemaGenerator(format: Self.format).render(),
      "run `swift run scanplan schema > schemas/scanplan.schema.json`")
  }

  @Test(arguments: ReferenceDocument.files)
  func docMatchesTheTables(_ file: String) {
    let onDisk = Self.read("docs/" + file)
    let generated = ReferenceDocument(format: Self.format).render(file)
    #expect(!onDisk.isEmpty)
    #expect(onDisk == generated, "run `swift run scanplan docs \(file.dropLast(3)) > docs/\(file)`")
  }

  @Test func schemaDescribesEveryKeyOfEveryTable() {
    let schema = JSONSchemaGenerator(format: Self.format).render()
    for shape in Self.format.all {
      for field in shape.fields {
        #expect(schema.contains("\"\(field.key)\": {"), "\(shape.title).\(field.key)")
      }
    }
  }
}
