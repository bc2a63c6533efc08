import Foundation
import XCTest
@testable import PDF

/// Pages that draw images and carry no text layer (scans) are found, so the pipeline can say "OCR needed".
/// Fixtures: scripts/make-pdf-fixtures.
final class ImagePageTests: XCTestCase {
    func testImagesAreCountedPerPage() throws {
        let pdf = try PDFFile(path: Paths.fixture("image-page.pdf"))
        XCTAssertEqual(pdf.pageCount, 2)
        XCTAssertEqual(pdf.imageCount(onPage: 1), 0)
        XCTAssertEqual(pdf.imageCount(onPage: 2), 1)
        XCTAssertEqual(pdf.imageCount(onPage: 3), 0, "a page that does not exist has none")
    }

    func testPagesWithImagesAndNoTextAreListed() throws {
        let mixed = try PDFFile(path: Paths.fixture("image-page.pdf")).content()
        XCTAssertEqual(mixed.pagesRead, 2)
        XCTAssertEqual(mixed.pagesWithoutText, [2])
        XCTAssertFalse(mixed.blocks.isEmpty, "page 1's text is read")
        let scan = try PDFFile(path: Paths.fixture("image-only.pdf")).content()
        XCTAssertEqual(scan.pagesWithoutText, [1, 2])
        let text = try PDFFile(path: Paths.samples.appendingPathComponent("pisogne_piao_2025-2027.pdf").path).content(pages: [1, 2])
        XCTAssertEqual(text.pagesWithoutText, [], "pages with text are not flagged, whatever images they have")
        XCTAssertEqual(text.pagesRead, 2)
    }

    func testAPageTreeThatLiesHasNoPageToRead() throws {
        // /Count 1000000 over one page object: poppler finds no page; reading stays cheap and empty.
        let pdf = try PDFFile(path: Paths.fixture("count-lies.pdf"))
        XCTAssertEqual(pdf.pageCount, 0)
        XCTAssertEqual(try pdf.content().pagesRead, 0)
    }
}
