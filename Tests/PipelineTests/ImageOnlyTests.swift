import Foundation
import Pipeline
import XCTest

/// Image-only pages are reported, image-only documents rejected with stage `ocr-needed` (fixtures:
/// scripts/make-pdf-fixtures).
final class ImageOnlyTests: IngestHarness {
    func testImagePagesAreWarnedAndImageOnlyDocumentsRejected() throws {
        let mixed = Self.root.appendingPathComponent("Tests/Fixtures/image-page.pdf").path
        let scan = Self.root.appendingPathComponent("Tests/Fixtures/image-only.pdf").path
        let run = try piani(["ingest", mixed, scan, "--out", out.path, "--workers", "1"])
        XCTAssertEqual(run.status, 3, run.stderr)
        XCTAssertTrue(run.stderr.contains("piani: \(mixed): page 2: no text layer: OCR needed\n"), run.stderr)
        XCTAssertTrue(run.stderr.contains("piani: \(scan): every page is an image without a text layer (pages 1-2): OCR needed\n"), run.stderr)

        let manifest = try manifest()
        XCTAssertEqual((manifest["warnings"] as? [String: Int])?["ocr_needed"], 1)
        let inputs = try XCTUnwrap(manifest["inputs"] as? [[String: Any]])
        let byPath = Dictionary(uniqueKeysWithValues: inputs.map { ($0["path"] as! String, $0) })
        XCTAssertEqual(byPath[mixed]?["status"] as? String, "ingested")
        XCTAssertEqual(byPath[mixed]?["page_warnings"] as? [String], ["page 2: no text layer: OCR needed"])
        XCTAssertEqual(byPath[scan]?["status"] as? String, "rejected")
        XCTAssertEqual(byPath[scan]?["stage"] as? String, "ocr-needed")
        let rejects = try jsonl("rejects.jsonl")
        XCTAssertEqual(rejects.map { $0["stage"] as? String }, ["ocr-needed"])
        XCTAssertEqual(try Catalog.documentCount(at: out.appendingPathComponent(".piani/catalog.sqlite").path), 1, "the scan is not cached")

        // Skipped next time, the warning is still counted (from the catalog).
        let again = try piani(["ingest", mixed, "--out", out.path, "--quiet"])
        XCTAssertEqual(again.status, 0, again.stderr)
        let totals = try XCTUnwrap(try self.manifest()["totals"] as? [String: Int])
        XCTAssertEqual(totals["skipped"], 1)
        XCTAssertEqual((try self.manifest()["warnings"] as? [String: Int])?["ocr_needed"], 1)
        let skipped = try XCTUnwrap((try self.manifest()["inputs"] as? [[String: Any]])?.first)
        XCTAssertEqual(skipped["page_warnings"] as? [String], ["page 2: no text layer: OCR needed"])
    }
}
