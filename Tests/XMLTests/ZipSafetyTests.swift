import Foundation
import XCTest
@testable import XML

final class ZipSafetyTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try XMLFixtures.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// A document.xml of 40 MB that is almost all spaces: deflate packs it about a thousand times.
    private func bomb() throws -> URL {
        let open = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"
        var data = Data(open.utf8)
        data.append(Data(repeating: 0x20, count: 40 << 20))
        data.append(Data("</w:t></w:r></w:p></w:body></w:document>".utf8))
        let url = folder.appendingPathComponent("bomb.docx")
        try ZipFixture.write([("word/document.xml", data)], to: url)
        return url
    }

    func testHighlyCompressibleEntryRefusedByRatio() throws {
        let url = try bomb()
        XCTAssertLessThan(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as! Int, 1 << 20)
        XCTAssertEqual(DocumentFormat.detect(path: url.path), .docx)
        XCTAssertThrowsXMLError(try MarkupDocument.content(path: url.path)) { error in
            XCTAssertEqual(error.reason, .zipLimit("an entry inflates more than 200 times its compressed size"))
            XCTAssertEqual(error.description, url.path + " (word/document.xml): refused as a zip bomb (an entry inflates more than 200 times its compressed size)")
        }
    }

    func testTotalSizeLimitCheckedWhileReading() throws {
        let url = try ZipFixture.docx(in: folder)
        let limits = ZipLimits(maxEntryBytes: 1 << 20, maxTotalBytes: 2000, maxRatio: 1000, ratioFloorBytes: 1 << 20)
        XCTAssertThrowsXMLError(try MarkupDocument.content(path: url.path, format: .docx, zipLimits: limits)) { error in
            XCTAssertEqual(error.reason, .zipLimit("the entries inflate past 2000 bytes in all"))
        }
    }

    func testEntrySizeLimit() throws {
        let url = try ZipFixture.docx(in: folder)
        let limits = ZipLimits(maxEntryBytes: 100, maxTotalBytes: 1 << 20)
        XCTAssertThrowsXMLError(try MarkupDocument.content(path: url.path, format: .docx, zipLimits: limits)) { error in
            XCTAssertEqual(error.reason, .zipLimit("an entry inflates past 100 bytes"))
        }
    }

    func testZipSlipEntriesAreNeverWritten() throws {
        let marker = "piani-zip-slip-\(UUID().uuidString).txt"
        let absolute = FileManager.default.temporaryDirectory.appendingPathComponent("abs-" + marker).path
        let evil = Data("pwned".utf8)
        let url = try ZipFixture.docx(in: folder, name: "slip.docx", extra: [("../../" + marker, evil), (absolute, evil),
                                                                             ("word/../../../" + marker, evil)])
        let content = try MarkupDocument.content(path: url.path)
        XCTAssertEqual(content.blocks.first?.text, "Piano esecutivo di gestione")
        let candidates = [folder.appendingPathComponent("../../" + marker).standardizedFileURL.path, absolute,
                          FileManager.default.currentDirectoryPath + "/../../" + marker, "/" + marker]
        for path in candidates { XCTAssertFalse(FileManager.default.fileExists(atPath: path), path) }
    }

    func testZipThatIsNeitherDocxNorOdt() throws {
        let url = folder.appendingPathComponent("photos.zip")
        try ZipFixture.write([("a.jpg", Data([0xFF, 0xD8]))], to: url)
        XCTAssertEqual(DocumentFormat.detect(path: url.path), .unsupported("a zip archive that is neither DOCX nor ODT"))
    }

    func testTruncatedZip() throws {
        let url = folder.appendingPathComponent("cut.docx")
        let whole = try Data(contentsOf: try ZipFixture.docx(in: folder))
        try whole.prefix(200).write(to: url)
        XCTAssertEqual(DocumentFormat.detect(path: url.path), .unsupported("a damaged zip archive"))
        XCTAssertThrowsXMLError(try MarkupDocument.content(path: url.path, format: .docx)) { error in
            XCTAssertEqual(error.reason, .notAZip("no zip central directory"))
        }
    }
}
