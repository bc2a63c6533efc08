import Foundation
import XCTest
@testable import XML

final class SafetyTests: XCTestCase {
    func testBillionLaughsFailsFast() throws {
        let started = Date()
        XCTAssertThrowsXMLError(try MarkupDocument.content(path: XMLFixtures.path("billion-laughs.xhtml"))) { error in
            XCTAssertTrue([.entityDeclarations, .entityExpansion].contains(error.reason), "\(error)")
            XCTAssertTrue(error.description.hasPrefix(XMLFixtures.path("billion-laughs.xhtml") + ": "), error.description)
            XCTAssertTrue(error.description.contains("entit"), error.description)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 1.0)
    }

    func testExternalEntityIsNeverLoaded() throws {
        XCTAssertThrowsXMLError(try MarkupDocument.content(path: XMLFixtures.path("external-entity.xhtml"))) { error in
            XCTAssertEqual(error.reason, .entityDeclarations)
            XCTAssertFalse(error.description.contains("root:"), "nothing of /etc/passwd may leak: \(error)")
        }
    }

    func testMalformedXHTMLNamesFileLineAndReason() throws {
        XCTAssertThrowsXMLError(try MarkupDocument.content(path: XMLFixtures.path("malformed.xhtml"))) { error in
            guard case .malformed(let why, let line) = error.reason else { return XCTFail("\(error)") }
            XCTAssertEqual(line, 2)
            XCTAssertTrue(why.contains("mismatch"), why)
            XCTAssertTrue(error.description.hasPrefix(XMLFixtures.path("malformed.xhtml") + ": malformed XML at line 2"), error.description)
        }
    }

    func testBadUTF8InXHTMLIsRejected() throws {
        XCTAssertThrowsXMLError(try MarkupDocument.content(path: XMLFixtures.path("bad-utf8.xhtml"))) { error in
            XCTAssertEqual(error.reason, .badEncoding(line: 3))
            XCTAssertEqual(error.explanation, "not valid UTF-8 text (line 3)")
        }
    }

    func testBadUTF8InHTMLWithoutACharsetIsRejected() throws {
        XCTAssertThrowsXMLError(try MarkupDocument.content(path: XMLFixtures.path("bad-utf8.html"))) { error in
            XCTAssertEqual(error.reason, .badEncoding(line: 3))
        }
    }

    func testLatin1HTMLThatSaysSoIsRead() throws {
        let folder = try XMLFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("latin1.html")
        var data = Data("<html><head><meta charset=\"iso-8859-1\"></head><body><p>caff".utf8)
        data.append(0xE8)
        data.append(contentsOf: Array("</p></body></html>".utf8))
        try data.write(to: file)
        XCTAssertEqual(try MarkupDocument.content(path: file.path).blocks.map(\.text), ["caffè"])
    }

    func testMissingFileIsAReadableError() {
        XCTAssertThrowsXMLError(try MarkupDocument.content(path: "/nonexistent/x.html", format: .html)) { error in
            XCTAssertEqual(error.description, "/nonexistent/x.html: cannot be read (no such file)")
        }
    }
}
