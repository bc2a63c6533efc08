import Core
import Foundation
import XCTest
@testable import XML

/// The streaming XHTML route gives what the tree route gives, item for item and source for source; it is taken
/// above the size threshold; tag soup above its limit is streamed when well-formed, refused otherwise.
final class StreamingHTMLTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try XMLFixtures.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func tree(_ path: String) throws -> MarkupContent {
        HTMLReader().content(of: try LibXMLDocument.root(of: try Data(contentsOf: URL(fileURLWithPath: path)), syntax: .xml, path: path))
    }

    private func assertSame(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let streamed = try MarkupDocument.streamedContent(path: path), whole = try tree(path)
        XCTAssertEqual(streamed.items.count, whole.items.count, path, file: file, line: line)
        for (a, b) in zip(streamed.items, whole.items) where a != b {
            XCTFail("\(path): streamed \(a) ≠ tree \(b)", file: file, line: line)
            return
        }
    }

    func testSeedRenderingsGiveTheSameItemsStreamed() throws {
        let sources = XMLFixtures.folder.deletingLastPathComponent().appendingPathComponent("xml-sources")
        let pages = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".xhtml") }.sorted()
        XCTAssertEqual(pages.count, 5)
        for page in pages { try assertSame(sources.appendingPathComponent(page).path) }
        try assertSame(XMLFixtures.path("page.xhtml"))
    }

    /// One rule each: loose text in containers, repeated and single names (steps with and without [i]), nested
    /// containers, sections with header and footer inside (content) and outside (chrome), nav, script and hidden
    /// subtrees holding containers (skipped but counted), bold containers, lists in lists, tables with spans,
    /// dl pairs, empty containers, and inline runs standing in a div.
    private static let rules = """
        <?xml version="1.0" encoding="UTF-8"?>
        <html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head>
        <body>
          <header><div>Comune di Prova</div></header>
          <nav><div><div>menu</div></div></nav>
          <div hidden="hidden"><div>nascosto</div><section><p>no</p></section></div>
          <script>var x = 1 &lt; 2;</script>
          Testo libero nel body
          <div>
            <h1>Piano</h1>
            testo nel div <b>Responsabile:</b> Mario Rossi
            <div/>
            <section><header><h2>Sezione</h2></header><p>Uno</p><p>Due</p><footer>nota di sezione</footer></section>
            <section><div style="font-weight:bold"><div>Grassetto: sì</div></div></section>
            <ul><li>a<ul><li>a.1</li><li>a.2</li></ul></li><li>b</li></ul>
            <ol><li>solo</li></ol>
            <table><tr><th colspan="2">Voce</th></tr><tr><td rowspan="2">x</td><td>1</td></tr><tr><td>2</td></tr></table>
            <dl><dt>Area</dt><dd>Servizi</dd></dl>
            <span>in linea</span> <i>ancora</i>
          </div>
          <main><article><p>Articolo</p></article></main>
          <footer><p>piè di pagina</p></footer>
        </body></html>
        """

    func testEachRuleGivesTheSameItemsStreamed() throws {
        let path = folder.appendingPathComponent("rules.xhtml").path
        try Self.rules.write(toFile: path, atomically: true, encoding: .utf8)
        try assertSame(path)
        let sources = try MarkupDocument.streamedContent(path: path).blocks.map { $0.source ?? "" }
        XCTAssertTrue(sources.contains("/html/body/div[2]/section[1]/header/h2"), "\(sources)")
        XCTAssertTrue(sources.contains("/html/body/div[2]/section[1]/p[2]"), "\(sources)")
    }

    /// Small limits, so the routes are taken on small files.
    private let limits = MarkupLimits(streamingThreshold: 64 << 10, tagSoupLimit: 128 << 10)

    func testTheLimitsSeparateTheRoutes() {
        XCTAssertLessThan(MarkupDocument.streamingThreshold, MarkupDocument.tagSoupLimit)
        XCTAssertLessThan(MarkupDocument.tagSoupLimit, LibXMLDocument.maxTreeBytes)
    }

    func testLargeXHTMLIsStreamedAboveTheThreshold() throws {
        let path = folder.appendingPathComponent("large.xhtml").path
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html><body>\n"
        var i = 0
        while text.utf8.count <= limits.streamingThreshold {
            text += "<h2>Obiettivo \(i)</h2><p><b>Responsabile:</b> Persona \(i)</p><div>libero \(i)<table><tr><th>A</th><th colspan=\"2\">B</th></tr><tr><td>\(i)</td><td>x</td><td>y</td></tr></table></div>\n"
            i += 1
        }
        text += "</body></html>\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let content = try MarkupDocument.content(path: path, format: .xhtml, limits: limits)
        XCTAssertEqual(content.tables.count, i)
        XCTAssertEqual(content.blocks.filter { $0.kind == .labelValue }.count, i)
        XCTAssertEqual(content, try tree(path))
    }

    func testTagSoupAboveTheLimitIsStreamedWhenWellFormedAndRefusedOtherwise() throws {
        let count = limits.tagSoupLimit / 40 + 10
        let body = String(repeating: "<p>paragrafo di prova con del testo</p>\n", count: count)
        let good = folder.appendingPathComponent("good.html").path, bad = folder.appendingPathComponent("bad.html").path
        try ("<html><body>\n" + body + "</body></html>\n").write(toFile: good, atomically: true, encoding: .utf8)
        try ("<html><body>\n" + body + "<p>aperto<br></body></html>\n").write(toFile: bad, atomically: true, encoding: .utf8)
        XCTAssertEqual(DocumentFormat.detect(path: good), .html)
        XCTAssertEqual(try MarkupDocument.content(path: good, format: .html, limits: limits).blocks.count, count)
        XCTAssertThrowsXMLError(try MarkupDocument.content(path: bad, format: .html, limits: limits)) { error in
            guard case .tagSoupTooLarge(_, let limit, let why) = error.reason else { return XCTFail("\(error)") }
            XCTAssertEqual(limit, limits.tagSoupLimit)
            XCTAssertTrue(why.hasPrefix("malformed XML at line"), why)
        }
    }

    func testStreamedRouteKeepsTheSafetyRules() {
        XCTAssertThrowsXMLError(try MarkupDocument.streamedContent(path: XMLFixtures.path("billion-laughs.xhtml"))) { error in
            XCTAssertTrue([.entityDeclarations, .entityExpansion].contains(error.reason), "\(error)")
        }
        XCTAssertThrowsXMLError(try MarkupDocument.streamedContent(path: XMLFixtures.path("external-entity.xhtml"))) { error in
            XCTAssertTrue([.entityDeclarations, .entityExpansion].contains(error.reason), "\(error)")
        }
        XCTAssertThrowsXMLError(try MarkupDocument.streamedContent(path: XMLFixtures.path("malformed.xhtml"))) { error in
            XCTAssertEqual(error.reason, .malformed("Opening and ending tag mismatch: p line 2 and body", line: 2))
        }
        XCTAssertThrowsXMLError(try MarkupDocument.streamedContent(path: XMLFixtures.path("bad-utf8.xhtml"))) { error in
            guard case .badEncoding = error.reason else { return XCTFail("\(error)") }
        }
    }
}
