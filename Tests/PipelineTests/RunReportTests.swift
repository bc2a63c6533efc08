import Core
@testable import Pipeline
import Write
import XCTest

/// The content of report.html, from partitions and a manifest made here.
final class RunReportTests: XCTestCase {
    private var folder: URL!
    private var out: URL { folder.appendingPathComponent("out") }
    private var documents: URL { out.appendingPathComponent("documents") }

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("piani-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("in put"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Lines split at LF bytes are the lines split by characters, with CR, combining marks and empty lines about.
    func testLinesByBytesAreTheLinesByCharacters() {
        let texts = ["", "\n", "a", "a\n", "\n\na\n\nb", "{\"x\":\"città\"}\n{\"y\":1}\n", "a\r\nb\n", "a\rb", "\n\u{301}x\n", "é\n👩‍👩‍👧\n"]
        for text in texts {
            XCTAssertEqual(RunReport.lines(of: text), text.split(separator: "\n", omittingEmptySubsequences: true), text.debugDescription)
        }
    }

    /// An input name with every character HTML and URLs treat specially.
    private static let hostileName = #"piano <b>&"x"'#1?.pdf"#
    private static let hostileTitle = #"<script>alert("title")</script> & 'Obiettivo'"#
    private static let hostileReason = #"damaged PDF (<img src=x onerror=alert(1)>)"#

    private func info(_ sha: String, _ name: String) -> DocumentInfo {
        DocumentInfo(sha256: sha, fileName: name, format: "pdf", ente: "Comune di <Prova>", docType: "peg")
    }

    /// A budget total that does not add up (page 3), an objective with a warning (page 5) and one without.
    private func budgetRecords(_ sha: String, _ name: String) -> [Record] {
        var total = Record(type: .budgetLine, naturalKey: "b1", document: info(sha, name), source: Provenance(page: 3))
        total["description"] = .text("TOTALE TITOLO 3")
        total["amounts"] = .object([("initial_forecast", .number(500)), ("committed", .number(ExactDecimal("219.6")!)), ("available", .number(ExactDecimal("280.4")!))])
        total.warnings.append(.checkFailed("amounts.initial_forecast", "500,00 ≠ 480,00, the sum of the 2 rows it closes"))
        var objective = Record(type: .objective, naturalKey: "o1", document: info(sha, name), source: Provenance(page: 5))
        objective["code"] = .text("1.2")
        objective["title"] = .text(Self.hostileTitle)
        objective.warn("weight", "not a number: <dieci>")
        var quiet = Record(type: .objective, naturalKey: "o2", document: info(sha, name), source: Provenance(page: 6))
        quiet["title"] = .text("Senza avvisi")
        return [total, objective, quiet]
    }

    private func makeReport() throws -> (RunReport, String) {
        let inputPath = "in put/\(Self.hostileName)"
        FileManager.default.createFile(atPath: folder.appendingPathComponent(inputPath).path, contents: Data("%PDF-1.4\n".utf8))
        let shaA = String(repeating: "a", count: 64), shaB = String(repeating: "b", count: 64)
        try DocumentPartition(folder: documents.appendingPathComponent(shaA)).write(budgetRecords(shaA, Self.hostileName))
        try DocumentPartition(folder: documents.appendingPathComponent(shaB))
            .write([Record(type: .table, naturalKey: "t1", document: info(shaB, "gone.pdf"), source: Provenance(page: 1))])

        var manifest = Manifest(settings: Manifest.Settings(inputs: ["in put"], output: "out", formats: ["jsonl"], workers: 1, timeLimit: 60,
                                                            labels: nil, maxPages: nil, full: false, prune: false, allowEmpty: false,
                                                            shard: nil, settingsFingerprint: "f"))
        manifest.generation = 7
        manifest.documents = [
            DatasetDocument(path: inputPath, sha256: shaA, pages: 6, records: 3, warnings: 2, checkFailures: 1, pagesWithoutText: [2],
                            present: true),
            DatasetDocument(path: "elsewhere/gone.pdf", sha256: shaB, pages: 1, records: 1, warnings: 0, checkFailures: 0, present: false),
        ]
        var ingested = InputReport(path: inputPath, sha256: shaA, size: 9, status: .ingested)
        ingested.seconds = 1.25
        var rejected = InputReport(path: "in put/broken.pdf", status: .rejected)
        rejected.stage = .extract
        rejected.reason = Self.hostileReason
        manifest.inputs = [ingested, rejected]
        manifest.totals.inputs = 2
        manifest.totals.ingested = 1
        manifest.totals.rejected = 1
        manifest.totals.documents = 2
        manifest.totals.kept = 1
        manifest.totals.pages = 7
        manifest.warnings.total = 2
        manifest.warnings.checkFailed = 1
        manifest.warnings.ocrNeeded = 1
        manifest.counts = ["objectives": 2, "budget_lines": 1, "tables": 1]
        let report = try RunReport.collect(manifest: manifest, documentsFolder: documents, outputFolder: out, workingDirectory: folder)
        return (report, report.html())
    }

    func testPartitionsAreReadIntoTheReport() throws {
        let (report, _) = try makeReport()
        XCTAssertEqual(report.documents.count, 2)
        let first = report.documents[0]
        XCTAssertEqual(first.counts[.objective], 2)
        XCTAssertEqual(first.counts[.budgetLine], 1)
        XCTAssertEqual(first.ente, "Comune di <Prova>")
        XCTAssertEqual(first.docType, "peg")
        XCTAssertEqual(first.status, .ingested)
        XCTAssertEqual(first.seconds, 1.25)
        // Page order: the OCR page (2), the failed check (3), the objective's warning (5).
        XCTAssertEqual(first.warnings.map(\.page), [2, 3, 5])
        let check = try XCTUnwrap(first.warnings.first(where: \.isCheckFailure))
        XCTAssertEqual(check.field, "amounts.initial_forecast")
        XCTAssertEqual(check.label, "TOTALE TITOLO 3")
        XCTAssertEqual(check.amounts.map(\.name), ["amounts.initial_forecast", "amounts.committed", "amounts.available"], "schema order")
        XCTAssertEqual(check.amounts.map(\.value), ["500,00", "219,60", "280,40"])
        XCTAssertEqual(first.warnings.last?.label, "1.2 — " + Self.hostileTitle)
        // The input exists: linked relative to the output folder, each component percent-encoded.
        XCTAssertEqual(first.href, "../in%20put/piano%20%3Cb%3E&%22x%22'%231%3F.pdf")
        // The other's input is not where its path says: no link.
        XCTAssertNil(report.documents[1].href)
        XCTAssertNil(report.documents[1].status)
    }

    /// Amounts of 17 and 18 digits, which a Double would round (`999999999999999.99` is 1000000000000000 as a Double),
    /// shown digit for digit from the partition's JSON.
    func testFailedCheckAmountsAreShownFromTheirDigits() throws {
        let sha = String(repeating: "c", count: 64)
        var total = Record(type: .budgetLine, naturalKey: "b9", document: info(sha, "rendiconto.pdf"), source: Provenance(page: 4))
        total["description"] = .text("TOTALE GENERALE DELLE SPESE")
        total["amounts"] = .object([("initial_forecast", .number(ExactDecimal("9999999999999999.99")!)),
                                    ("current_forecast", .number(ExactDecimal("17185418.38")!)),
                                    ("committed", .number(ExactDecimal("999999999999999.99")!)),
                                    ("available", .number(ExactDecimal("-17185418.38")!))])
        total.warnings.append(.checkFailed("amounts.committed", "999.999.999.999.999,99 ≠ 999.999.999.999.999,98, the sum of the 2 rows it closes"))
        try DocumentPartition(folder: documents.appendingPathComponent(sha)).write([total])
        var manifest = Manifest(settings: Manifest.Settings(inputs: [], output: "out", formats: ["jsonl"], workers: 1, timeLimit: 60,
                                                            labels: nil, maxPages: nil, full: false, prune: false, allowEmpty: false,
                                                            shard: nil, settingsFingerprint: "f"))
        manifest.documents = [DatasetDocument(path: "rendiconto.pdf", sha256: sha, pages: 4, records: 1, warnings: 1, checkFailures: 1, present: false)]
        let report = try RunReport.collect(manifest: manifest, documentsFolder: documents, outputFolder: out, workingDirectory: folder)
        let check = try XCTUnwrap(report.documents.first?.warnings.first(where: \.isCheckFailure))
        XCTAssertEqual(check.amounts.map(\.name), ["amounts.initial_forecast", "amounts.current_forecast", "amounts.committed", "amounts.available"])
        XCTAssertEqual(check.amounts.map(\.value), ["9.999.999.999.999.999,99", "17.185.418,38", "999.999.999.999.999,99", "-17.185.418,38"])
        let html = report.html()
        XCTAssertTrue(html.contains("<dt>initial_forecast</dt><dd>9.999.999.999.999.999,99</dd>"))
        XCTAssertTrue(html.contains("<dt>committed</dt><dd>999.999.999.999.999,99</dd>"))
        XCTAssertFalse(html.contains("1000000000000000"), "no amount went through a Double")
    }

    func testTotalsRowsChecksAndWarningsAreInThePage() throws {
        let (report, html) = try makeReport()
        let manifest = report.manifest
        for (id, value) in [("documents", manifest.totals.documents), ("pages", manifest.totals.pages),
                            ("records", manifest.counts.values.reduce(0, +)), ("warnings", manifest.warnings.total),
                            ("check-failed", manifest.warnings.checkFailed), ("ocr-needed", manifest.warnings.ocrNeeded),
                            ("rejected", manifest.totals.rejected), ("kept", manifest.totals.kept)] {
            XCTAssertTrue(html.contains("id=\"total-\(id)\">\(value)</td>"), "total \(id) = \(value)")
        }
        XCTAssertTrue(html.contains("id=\"count-objectives\">2</td>"))
        // The failed check with its amounts, and a link to its page.
        XCTAssertTrue(html.contains("500,00 ≠ 480,00, the sum of the 2 rows it closes"))
        XCTAssertTrue(html.contains("<dt>committed</dt><dd>219,60</dd>"))
        let pdf = "../in%20put/piano%20%3Cb%3E&amp;%22x%22&#39;%231%3F.pdf"
        XCTAssertTrue(html.contains("href=\"\(pdf)#page=3\">p. 3</a>"), "link to the failed check's page")
        XCTAssertTrue(html.contains("href=\"\(pdf)#page=5\">p. 5</a>"), "link to the warning's page")
        XCTAssertTrue(html.contains("href=\"\(pdf)#page=2\">p. 2</a>"), "link to the page without text")
        XCTAssertTrue(html.contains("no text layer: OCR needed"))
        XCTAssertTrue(html.contains("not a number: &lt;dieci&gt;"))
        XCTAssertTrue(html.contains("<td class=\"n\">1.25</td>"), "the document's time")
        XCTAssertTrue(html.contains("kept (not among this run&#39;s inputs)"))
        // The reject with its stage and reason.
        XCTAssertTrue(html.contains("<td>in put/broken.pdf</td><td>extract</td><td>damaged PDF (&lt;img src=x onerror=alert(1)&gt;)</td>"))
    }

    func testEverythingIsEscapedAndNothingIsFetched() throws {
        let (_, html) = try makeReport()
        XCTAssertFalse(html.contains(Self.hostileTitle))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; &#39;Obiettivo&#39;"))
        XCTAssertFalse(html.contains("<img"))
        XCTAssertFalse(html.contains("<b>&"))
        XCTAssertTrue(html.contains("Comune di &lt;Prova&gt;"))
        XCTAssertEqual(html.components(separatedBy: "<script").count - 1, 1, "only the report's own inline script")
        for external in ["http://", "https://", "<link", "src=\"", "@import", "url("] {
            XCTAssertFalse(html.contains(external), external)
        }
    }

    func testLongWarningListsAreCutWithTheirCount() throws {
        let sha = String(repeating: "c", count: 64)
        var record = Record(type: .objective, naturalKey: "o", document: info(sha, "many.pdf"), source: Provenance(page: 1))
        for index in 0..<(RunReport.warningLimit + 5) { record.warn("title", "warning \(index)") }
        try DocumentPartition(folder: documents.appendingPathComponent(sha)).write([record])
        var detail = RunReport.DocumentDetail(document: DatasetDocument(path: "many.pdf", sha256: sha, pages: 1, records: 1,
                                                                        warnings: RunReport.warningLimit + 5, checkFailures: 0, present: true))
        try RunReport.read(DocumentPartition(folder: documents.appendingPathComponent(sha)), into: &detail)
        XCTAssertEqual(detail.warnings.count, RunReport.warningLimit)
        XCTAssertEqual(detail.omittedWarnings, 5)
        var manifest = try makeReport().0.manifest
        manifest.documents = [detail.document]
        let html = RunReport(manifest: manifest, documents: [detail], outputName: "out").html()
        XCTAssertTrue(html.contains("… and 5 more, not listed here"))
        XCTAssertTrue(html.contains("many.pdf — \(RunReport.warningLimit + 5) warnings"))
    }

    func testRelativeLinks() {
        let href = { RunReport.relativeHref(from: URL(fileURLWithPath: $0), to: URL(fileURLWithPath: $1)) }
        XCTAssertEqual(href("/data/out", "/data/in/a.pdf"), "../in/a.pdf")
        XCTAssertEqual(href("/data/out", "/data/out/in/a.pdf"), "in/a.pdf")
        XCTAssertEqual(href("/srv/piani/out", "/mnt/share/x y.pdf"), "../../../mnt/share/x%20y.pdf")
    }
}
