import Core
import Foundation
import Write
import XCTest

final class AtomicWriteTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("piani-write-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func testCommitReplacesTheFileWhole() throws {
        let file = folder.appendingPathComponent("objectives.csv")
        try AtomicFile.write(file, text: "old\n")
        try AtomicFile.write(file) { out in
            for index in 0..<20_000 { try out.write("row \(index)\n") }
        }
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("row 0\n") && text.hasSuffix("row 19999\n"))
        XCTAssertEqual(try contents(), ["objectives.csv"], "no temporary file is left")
    }

    func testAFailureLeavesTheOldFileAndNoTemporary() throws {
        struct Interrupted: Error {}
        let file = folder.appendingPathComponent("objectives.jsonl")
        try AtomicFile.write(file, text: "complete\n")
        XCTAssertThrowsError(try AtomicFile.write(file) { out in
            try out.write(String(repeating: "half written\n", count: 10_000))
            throw Interrupted()
        })
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "complete\n")
        XCTAssertEqual(try contents(), ["objectives.jsonl"])
    }

    func testAnUncommittedFileIsNeverVisible() throws {
        let file = folder.appendingPathComponent("staff.csv")
        let writer = try AtomicFile(file)
        try writer.write("partial")
        XCTAssertFalse(FileManager.default.fileExists(atPath: file.path))
        writer.discard()
        XCTAssertEqual(try contents(), [])
    }

    func testPartitionsAssembleInTheGivenOrderWithOneHeader() throws {
        let first = SampleRecords.document("a.pdf", sha256: String(repeating: "1", count: 64))
        let second = SampleRecords.document("b.pdf", sha256: String(repeating: "2", count: 64))
        let partitionA = DocumentPartition(folder: folder.appendingPathComponent("documents/a"))
        let partitionB = DocumentPartition(folder: folder.appendingPathComponent("documents/b"))
        try partitionA.write([SampleRecords.indicator(page: 5, document: first), SampleRecords.indicator(page: 1, row: 2, document: first)])
        try partitionB.write([SampleRecords.indicator(page: 2, document: second), SampleRecords.budgetLine(document: second)])
        let counts = try OutputAssembler(folder: folder, formats: OutputFormat.allCases).assemble([partitionA, partitionB])
        XCTAssertEqual(counts[.indicator], 3)
        XCTAssertEqual(counts[.budgetLine], 1)
        XCTAssertEqual(counts[.risk], 0)
        let csv = CSV.parse(try String(contentsOf: folder.appendingPathComponent("indicators.csv"), encoding: .utf8))
        XCTAssertEqual(csv.count, 4)
        XCTAssertEqual(csv[0].compactMap { $0 }, FlatSchema.columns(of: .indicator).map(\.name))
        let pageColumn = FlatSchema.columns(of: .indicator).firstIndex { $0.name == "source_page" }!
        XCTAssertEqual(csv.dropFirst().map { $0[pageColumn] }, ["1", "5", "2"], "document order, then page order within each")
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("risks.csv"), encoding: .utf8), FlatSchema.header(of: .risk))
        let lines = try String(contentsOf: folder.appendingPathComponent("indicators.jsonl"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[0].hasPrefix("{\"schema_version\":\"1\",\"record_type\":\"indicator\""))
    }

    func testRewritingAPartitionReplacesIt() throws {
        let partition = DocumentPartition(folder: folder.appendingPathComponent("documents/x"))
        try partition.write([SampleRecords.indicator(), SampleRecords.budgetLine()])
        try partition.write([SampleRecords.indicator()])
        XCTAssertFalse(FileManager.default.fileExists(atPath: partition.file(.budgetLine, .csv).path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("documents").path), ["x"])
    }
}
