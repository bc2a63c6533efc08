import Core
import Foundation
import Normalize
import PDF
import XCTest

/// With PIANI_LISTINGS_DUMP=DIR set, writes each sample's budget, staff, risk and entity records as JSON
/// lines to DIR/<stem>.jsonl (for looking at them while the CLI is not at hand). Without it, does nothing.
final class ListingSampleDumpTests: XCTestCase {
    func testDumpListingRecordsOfTheSamples() throws {
        guard let folder = ProcessInfo.processInfo.environment["PIANI_LISTINGS_DUMP"] else { return }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let samples = root.appendingPathComponent("samples")
        let normalizer = try DocumentNormalizer.bundled()
        let owned: Set<RecordType> = [.budgetLine, .staff, .risk, .entity, .table]
        for file in try FileManager.default.contentsOfDirectory(atPath: samples.path).filter({ $0.hasSuffix(".pdf") }).sorted() {
            let path = samples.appendingPathComponent(file).path
            let content = try PDFFile(path: path).content()
            let facts = FileFacts(sha256: try Hashing.sha256(ofFile: path).hex, fileName: file, format: "pdf")
            let normalized = normalizer.normalize(file: facts, blocks: content.blocks, tables: content.tables)
            let lines = normalized.records.filter { owned.contains($0.type) }.map(\.json.serialized)
            let out = URL(fileURLWithPath: folder).appendingPathComponent(file.replacingOccurrences(of: ".pdf", with: ".jsonl"))
            try (lines.joined(separator: "\n") + "\n").write(to: out, atomically: true, encoding: .utf8)
        }
    }
}
