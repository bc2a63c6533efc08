import Core
import Foundation
import Write
import XCTest

/// A partition written as records stream in is the one the batch writer gives; a failure leaves none.
final class StreamingPartitionTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("piani-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func contents(_ partition: DocumentPartition) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: partition.folder.path) {
            files[name] = try String(contentsOf: partition.folder.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }

    func testStreamedPartitionEqualsTheBatchOne() throws {
        let records = (0..<5).map { SampleRecords.fact($0) } + [SampleRecords.table(page: 1, top: 3, key: "t")]
        let batch = DocumentPartition(folder: folder.appendingPathComponent("batch"))
        try batch.write(records)
        let streamed = DocumentPartition(folder: folder.appendingPathComponent("streamed"))
        let counts = try streamed.write(streaming: { emit in for record in records { try emit(record) } })
        XCTAssertEqual(counts, [.fact: 5, .table: 1])
        XCTAssertEqual(try contents(streamed), try contents(batch))
        XCTAssertTrue(try contents(streamed)["facts.jsonl"]!.contains(#""number":1234567890123456.1"#))
        XCTAssertTrue(try contents(streamed)["facts.csv"]!.contains(",1234567890123456.1,"))
    }

    func testAFailureMidStreamLeavesTheOldPartition() throws {
        let partition = DocumentPartition(folder: folder.appendingPathComponent("doc"))
        try partition.write([SampleRecords.fact(0)])
        let before = try contents(partition)
        struct Stop: Error {}
        XCTAssertThrowsError(try partition.write(streaming: { emit in
            try emit(SampleRecords.fact(1))
            throw Stop()
        }))
        XCTAssertEqual(try contents(partition), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["doc"], "no staging folder left behind")
    }
}
