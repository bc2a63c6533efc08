import Core
import XCTest
@testable import Normalize

/// What a reviewer and a warehouse need to find a record again: the page and box of the row it was read from,
/// the element of a markup row, and a `record_key` that stays the same across versions of the plan.
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

    /// Another version of the plan: other bytes, one measure rewritten; the natural keys (process and risk event) stay.
    func testRecordKeyStaysAcrossVersionsWhereRecordIDChanges() {
        let first = risks([.table(index: 0, continuedTable)])
        var revised = continuedTable
        revised.rows[2][4] = "Piattaforma certificata e rotazione degli operatori"
        let second = risks([.table(index: 0, revised)], document: Self.document(sha256: String(repeating: "a", count: 63) + "b", fileName: "rischi-v2.pdf"))
        XCTAssertEqual(first.map(\.key), second.map(\.key))
        XCTAssertTrue(zip(first, second).allSatisfy { $0.id != $1.id }, "record_id is per file")
        XCTAssertEqual(Set(first.map(\.key)).count, first.count)
        XCTAssertEqual(first[0].json["record_key"], .string(first[0].key))
    }

    func testRecordKeyTellsPlansApart() {
        let pisogne = risks([.table(index: 0, continuedTable)])
        let other = risks([.table(index: 0, continuedTable)], document: Self.document(ente: "Comune di Lumezzane"))
        XCTAssertTrue(zip(pisogne, other).allSatisfy { $0.key != $1.key })
        let unknownA = risks([.table(index: 0, continuedTable)], document: Self.document(fileName: "a.pdf", ente: nil))
        let unknownB = risks([.table(index: 0, continuedTable)], document: Self.document(fileName: "b.pdf", ente: nil))
        XCTAssertTrue(zip(unknownA, unknownB).allSatisfy { $0.key != $1.key }, "without an ente, the file name tells documents apart")
    }

    /// A staff list's rows keep their keys when text is added above the table (their keys once held its position).
    func testStaffKeysDoNotDependOnWhereTheirTableIs() {
        func staff(_ items: [DocumentItem]) -> [Record] {
            var context = DocumentContext(document: Self.document(), items: items, labels: labels, values: ValueParser(options: .init(referenceYear: 2025)))
            return StaffBuilder().build(in: &context)
        }
        func block(_ text: String, _ kind: Block.Kind, y: Double) -> DocumentItem {
            .block(Block(kind: kind, page: 1, bbox: Rect(x0: 0, y0: y, x1: 100, y1: y + 10), text: text, level: kind == .heading ? 2 : nil,
                         fontSize: 11, isBold: kind == .heading))
        }
        let list = DocumentItem.table(index: 0, Table(page: 1, bbox: Rect(x0: 0, y0: 100, x1: 500, y1: 200), rows: [
            ["Nome", "Profilo", "Categoria"], ["Cairo Micaela", "Istruttore Direttivo", "D1"],
            ["", "Istruttore amministrativo", "C1"], ["", "Istruttore amministrativo", "C1"],
        ], method: "lattice"))
        let before = staff([block("RISORSE UMANE ASSEGNATE", .heading, y: 0), list])
        let after = staff([block("RISORSE UMANE ASSEGNATE", .heading, y: 0), block("Segue l’elenco.", .paragraph, y: 40), list])
        XCTAssertEqual(before.count, 3)
        XCTAssertEqual(before.map(\.key), after.map(\.key))
        XCTAssertEqual(Set(before.map(\.key)).count, 3, "two posts alike keep distinct keys")
    }
}
