import Core
import Foundation
import XCTest

final class ContentJSONTests: XCTestCase {
    private let table = Table(page: 2, pageEnd: 3, bbox: Rect(x0: 1, y0: 2, x1: 3, y1: 4), rows: [["a", ""], ["1", "2"]], method: "lattice")
    private let block = Block(kind: .labelValue, page: 1, bbox: Rect(x0: 0, y0: 0, x1: 10, y1: 5), text: "Responsabile: Rossi",
                              label: "Responsabile", value: "Rossi", fontSize: 10, isBold: true)

    func testWhatTheExtractionWritesReadsBack() throws {
        let tables = Data(("{\"tables\":[" + ContentJSON.table(table).serialized + "]}").utf8)
        XCTAssertEqual(try ContentJSON.read(tables), ContentJSON.Content(tables: [table]))
        let lines = Data((ContentJSON.block(block).serialized + "\n" + ContentJSON.block(block).serialized + "\n").utf8)
        XCTAssertEqual(try ContentJSON.read(lines), ContentJSON.Content(blocks: [block, block]))
        let both = Data(("{\"blocks\":[" + ContentJSON.block(block).serialized + "],\"tables\":[" + ContentJSON.table(table).serialized + "]}").utf8)
        XCTAssertEqual(try ContentJSON.read(both), ContentJSON.Content(blocks: [block], tables: [table]))
    }

    func testAHandWrittenTableNeedsOnlyItsRows() throws {
        let content = try ContentJSON.read(Data(#"{"tables":[{"rows":[["Capitolo","Descrizione"],["440","RIMBORSO"]]}]}"#.utf8))
        XCTAssertEqual(content.tables.first?.rows, [["Capitolo", "Descrizione"], ["440", "RIMBORSO"]])
        XCTAssertEqual(content.tables.first?.page, 1)
    }

    func testBadContentIsNamed() {
        let cases: [(String, String)] = [
            (#"{"tabels":[]}"#, "unknown key \"tabels\" (expected \"blocks\" and/or \"tables\")"),
            (#"{"tables":[{"rows":[[1]]}]}"#, "tables[0].rows[0] must hold strings"),
            (#"{"tables":[{"page":"x","rows":[]}]}"#, "tables[0].page must be an integer"),
            ("{\"kind\":\"heading\",\"text\":\"A\"}\nnot json\n", "line 2: not JSON"),
            (#"{"kind":"title","text":"A"}"#, "block.kind must be heading, paragraph, list_item or label_value"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try ContentJSON.read(Data(text.utf8)), text) { error in
                XCTAssertEqual((error as? ContentJSON.ReadError)?.message, message, text)
            }
        }
    }
}
