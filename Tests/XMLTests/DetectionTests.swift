import Core
import Foundation
import XCTest
@testable import XML

final class DetectionTests: XCTestCase {
    func testByContentNotExtension() {
        XCTAssertEqual(DocumentFormat.detect(head: Data("%PDF-1.7\n".utf8)), .pdf)
        XCTAssertEqual(DocumentFormat.detect(head: Data()), .unsupported("an empty file"))
        XCTAssertEqual(DocumentFormat.detect(head: Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 1])),
                       .unsupported("a binary file that is neither PDF, DOCX, ODT, XBRL nor HTML"))
        XCTAssertEqual(DocumentFormat.detect(head: Data("<p>Solo un paragrafo<br>".utf8)), .html)
        XCTAssertEqual(DocumentFormat.detect(head: Data("\u{FEFF}<!DOCTYPE html><html><body>".utf8)), .html)
        XCTAssertEqual(DocumentFormat.detect(head: Data("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">".utf8)), .xhtml)
        XCTAssertEqual(DocumentFormat.detect(head: Data("<?xml version='1.0'?>\n<!-- c -->\n<x:xbrl xmlns:x='http://www.xbrl.org/2003/instance'>".utf8)), .xbrl)
        XCTAssertEqual(DocumentFormat.detect(head: Data("<xbrl xmlns=\"http://www.xbrl.org/2003/instance\">".utf8)), .xbrl)
        XCTAssertEqual(DocumentFormat.detect(head: Data("Solo testo.\n".utf8)), .unsupported("a text file that is neither HTML nor XML"))
    }

    func testFixturesOnDisk() {
        XCTAssertEqual(DocumentFormat.detect(path: XMLFixtures.path("soup.html")), .html)
        XCTAssertEqual(DocumentFormat.detect(path: XMLFixtures.path("other-root.xml")), .unsupported("an XML file whose root is <catalogo>"))
        XCTAssertEqual(DocumentFormat.detect(path: "/nonexistent/file"), .unsupported("a file that cannot be opened"))
    }

    func testSourceEncodedOnlyWhenSet() throws {
        let encoder = JSONEncoder()
        let plain = Block(kind: .paragraph, page: 1, bbox: Rect(x0: 0, y0: 0, x1: 1, y1: 1), text: "x", fontSize: 10, isBold: false)
        XCTAssertFalse(String(decoding: try encoder.encode(plain), as: UTF8.self).contains("source"))
        var located = plain
        located.source = "/html/body/p"
        XCTAssertTrue(String(decoding: try encoder.encode(located), as: UTF8.self).contains("\"source\":\"\\/html\\/body\\/p\""))
        let decoded = try JSONDecoder().decode(Block.self, from: try encoder.encode(plain))
        XCTAssertNil(decoded.source)
        let table = Table(page: 1, bbox: plain.bbox, rows: [["a"]], method: "lattice")
        XCTAssertFalse(String(decoding: try encoder.encode(table), as: UTF8.self).contains("source"))
    }
}
