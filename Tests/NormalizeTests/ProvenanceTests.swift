import Core
import XCTest
@testable import Normalize

/// What a reviewer needs to find a record again: the page and box of the row it was read from, the element of a
/// markup row.
final class ProvenanceTests: XCTestCase {
    private var labels: LabelMatcher!

    override func setUpWithError() throws {
        labels = try LabelMatcher.bundled()
    }

    private static let header = ["Processo", "Evento rischioso", "Probabilità", "Impatto", "Misure"]
    private static let body = [
        ["Concorsi", "Requisiti personalizzati", "Media", "Alto", "Rotazione dei commissari"],
        ["Affidamenti diretti", "Frazionamento artificioso", "Alta", "Medio", "Piattaforma certificata"],
        ["Contributi", "Criteri non predeterminati", "Bassa", "Basso", "Regolamento"],
    ]

    private static func document(sha256: String = String(repeating: "a", count: 64), fileName: String = "rischi.pdf",
                                 ente: String? = "Comune di Pisogne") -> DocumentInfo {
        DocumentInfo(sha256: sha256, fileName: fileName, format: "pdf", ente: ente, docType: "piao", periodStart: 2025, periodEnd: 2027)
    }

    private func risks(_ items: [DocumentItem], document: DocumentInfo = document()) -> [Record] {
        var context = DocumentContext(document: document, items: items, labels: labels, values: ValueParser(options: .init(referenceYear: 2025)))
        return RiskBuilder().build(in: &context)
    }

    private func band(_ top: Double, page: Int) -> RowPlace {
        RowPlace(page: page, bbox: Rect(x0: 50, y0: top, x1: 550, y1: top + 30))
    }

    /// The risk map over pages 4 and 5: header and two rows on page 4, the third row on page 5.
    private var continuedTable: Table {
        Table(page: 4, pageEnd: 5, bbox: Rect(x0: 50, y0: 600, x1: 550, y1: 720), rows: [Self.header] + Self.body, method: "lattice",
              rowPlaces: [band(600, page: 4), band(630, page: 4), band(660, page: 4), band(80, page: 5)])
    }

    func testARowRecordHasItsRowsBoxAndPage() throws {
        let table = continuedTable
        let records = risks([.table(index: 0, table)])
        XCTAssertEqual(records.count, 3)
        XCTAssertEqual(records.map(\.source.rowIndex), [1, 2, 3])
        XCTAssertEqual(records.map(\.source.bbox), [1, 2, 3].map { table.rowPlaces[$0].bbox })
        XCTAssertEqual(records.map(\.source.page), [4, 4, 5], "the row on the continuation page gives that page")
        XCTAssertEqual(records.map(\.source.pageEnd), [4, 4, 5])
        let first = try XCTUnwrap(records[0].source.bbox), second = try XCTUnwrap(records[1].source.bbox)
        XCTAssertNotEqual(first, second)
        for box in [first, second] {
            XCTAssertTrue(table.bbox.contains(x: box.x0, y: box.y0) && table.bbox.contains(x: box.x1, y: box.y1), "\(box) in \(table.bbox)")
        }
    }

    func testATableWithoutRowPlacesGivesItsOwnBox() {
        var table = continuedTable
        table.rowPlaces = []
        let records = risks([.table(index: 0, table)])
        XCTAssertEqual(Set(records.map(\.source.bbox)), [table.bbox])
        XCTAssertEqual(Set(records.map(\.source.page)), [4])
    }

    func testAMarkupRowRecordNamesItsRowElement() {
        let rows = [Self.header] + Self.body
        let table = Table(page: 1, bbox: Rect(x0: 0, y0: 0, x1: 0, y1: 0), rows: rows, method: "markup", source: "/html/body/table",
                          rowPlaces: rows.indices.map { RowPlace(page: 1, source: "/html/body/table/tr[\($0 + 1)]") })
        let records = risks([.table(index: 0, table)])
        XCTAssertEqual(records.map(\.source.xpath), ["/html/body/table/tr[2]", "/html/body/table/tr[3]", "/html/body/table/tr[4]"])
        XCTAssertEqual(Set(records.map(\.source.bbox)), [nil], "markup has no geometry")
    }
}
