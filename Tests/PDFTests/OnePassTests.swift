import Core
import Foundation
import XCTest
@testable import PDF

/// The one-pass reader (text and paths from one parse of each page on poppler's core) reports what the two
/// parses it replaced reported: poppler-glib's glyphs, boxes and fonts, and the paths-only device's strokes
/// and fills. So the pages, and the tables and blocks made from them, are the same.
final class OnePassTests: XCTestCase {
    private func documents() -> [String] {
        let folders = [Paths.samples, Paths.fixtures.appendingPathComponent("renderings")]
        var found: [String] = []
        for folder in folders {
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                if url.pathExtension == "pdf" { found.append(url.path) }
            }
        }
        return found.sorted()
    }

    private func assertSameAsTwoPasses(_ path: String, pages: [Int]? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let onePass = try PopplerDocument(path: path, password: nil)
        let glib = try GlibDocument(path: path)
        let paths = try PathDocument(path: path, password: nil)
        XCTAssertEqual(onePass.pageCount, glib.pageCount, path, file: file, line: line)
        let name = URL(fileURLWithPath: path).lastPathComponent
        for number in pages ?? Array(1...max(1, onePass.pageCount)) where number <= onePass.pageCount {
            let page = try XCTUnwrap(onePass.page(number), file: file, line: line)
            let reference = try XCTUnwrap(glib.page(at: number - 1), file: file, line: line)
            XCTAssertTrue(page.size == reference.size, "\(name) p.\(number): size \(page.size) != \(reference.size)", file: file, line: line)
            // poppler-glib does not say which way a glyph's text is turned: the one-pass glyphs are compared without it.
            let glyphs = page.glyphs().map { Glyph(scalar: $0.scalar, box: $0.box, font: $0.font) }, expected = reference.glyphs()
            XCTAssertEqual(glyphs.count, expected.count, "\(name) p.\(number): glyph count", file: file, line: line)
            if let i = zip(glyphs, expected).indices(where: { $0 != $1 }).first {
                XCTFail("\(name) p.\(number): glyph \(i) is \(glyphs[i]), poppler-glib has \(expected[i])", file: file, line: line)
            }
            let items = page.pathItems(), expectedItems = paths.items(onPage: number)
            XCTAssertEqual(items.count, expectedItems.count, "\(name) p.\(number): path count", file: file, line: line)
            if let i = zip(items, expectedItems).indices(where: { $0 != $1 }).first {
                XCTFail("\(name) p.\(number): path \(i) is \(items[i]), the paths device has \(expectedItems[i])", file: file, line: line)
            }
        }
    }

    /// A ruled table page: glyphs and paths as the two parses gave them.
    func testRuledSamplePageMatchesTwoPasses() throws {
        try assertSameAsTwoPasses(Paths.sample("lumezzane_referto-obiettivi_2023-06-30.pdf"), pages: [3])
    }

    func testEverySampleAndRenderingMatchesTwoPasses() throws {
        let found = documents()
        XCTAssertFalse(found.isEmpty)
        for path in found { try assertSameAsTwoPasses(path) }
    }

    func testICDARDocumentsMatchTwoPasses() throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: Paths.icdar.path) else {
            throw XCTSkip("ICDAR set not present at \(Paths.icdar.path)")
        }
        for name in names.sorted() where name.hasSuffix(".pdf") { try assertSameAsTwoPasses(Paths.icdarDocument(name)) }
    }

    func testEncryptedDocumentMatchesTwoPassesWithThePassword() throws {
        let path = Paths.fixture("encrypted.pdf")
        let onePass = try PopplerDocument(path: path, password: "secret")
        let glib = try GlibDocument(path: path, password: "secret")
        XCTAssertEqual(try XCTUnwrap(onePass.page(1)).glyphs(), try XCTUnwrap(glib.page(at: 0)).glyphs())
    }
}

private extension Zip2Sequence {
    /// Offsets of the pairs that satisfy `predicate`.
    func indices(where predicate: ((Sequence1.Element, Sequence2.Element)) -> Bool) -> [Int] {
        enumerated().filter { predicate($0.element) }.map(\.offset)
    }
}
