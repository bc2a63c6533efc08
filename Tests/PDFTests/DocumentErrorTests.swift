import Foundation
import XCTest
@testable import PDF

/// Bad input gets a clear reason naming the file, never a crash.
final class DocumentErrorTests: XCTestCase {
    private func reason(opening path: String, password: String? = nil) -> PDFError.Reason? {
        do {
            _ = try PDFFile(path: path, password: password)
            return nil
        } catch let error as PDFError {
            XCTAssertTrue(error.description.hasPrefix(path + ": "), error.description)
            return error.reason
        } catch {
            XCTFail("unexpected error \(error)")
            return nil
        }
    }

    func testMissingFile() {
        XCTAssertEqual(reason(opening: "/nonexistent/piano.pdf"), .fileNotFound)
    }

    func testFolder() {
        XCTAssertEqual(reason(opening: NSTemporaryDirectory()), .notAFile)
    }

    func testEmptyAndTextFilesAreNotPDFs() {
        XCTAssertEqual(reason(opening: Paths.fixture("empty.pdf")), .notAPDF)
        XCTAssertEqual(reason(opening: Paths.fixture("not-a-pdf.pdf")), .notAPDF)
    }

    func testEncryptedNeedsThePassword() throws {
        XCTAssertEqual(reason(opening: Paths.fixture("encrypted.pdf")), .encrypted)
        XCTAssertEqual(reason(opening: Paths.fixture("encrypted.pdf"), password: "wrong"), .wrongPassword)
        let pdf = try PDFFile(path: Paths.fixture("encrypted.pdf"), password: "secret")
        XCTAssertGreaterThan(pdf.pageCount, 0)
        XCTAssertFalse(try pdf.page(1).words.isEmpty)
    }

    /// A file cut in half: poppler either reconstructs what it can or reports damage; it never crashes.
    func testTruncatedFileIsReadOrRejectedCleanly() {
        do {
            let pdf = try PDFFile(path: Paths.fixture("truncated.pdf"))
            for number in 1...pdf.pageCount { _ = try? pdf.page(number) }
        } catch let error as PDFError {
            guard case .damaged = error.reason else { return XCTFail("unexpected reason \(error)") }
        } catch {
            XCTFail("unexpected error \(error)")
        }
    }

    func testPageOutOfRange() throws {
        let pdf = try PDFFile(path: Paths.sample("pisogne_piao_2025-2027.pdf"))
        XCTAssertThrowsError(try pdf.page(pdf.pageCount + 1)) { error in
            XCTAssertEqual((error as? PDFError)?.reason, .pageOutOfRange(pdf.pageCount + 1, pageCount: pdf.pageCount))
        }
    }
}
