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

    func testRowPlacesReadBackAndADumpWithoutThemStillReads() throws {
        var placed = table
        placed.rowPlaces = [RowPlace(page: 2, bbox: Rect(x0: 1, y0: 2, x1: 3, y1: 3)), RowPlace(page: 3, bbox: Rect(x0: 1, y0: 0, x1: 3, y1: 1))]
        let written = ContentJSON.table(placed).serialized
        XCTAssertEqual(try ContentJSON.read(Data(("{\"tables\":[" + written + "]}").utf8)), ContentJSON.Content(tables: [placed]))
        var markup = table
        markup.rowPlaces = [RowPlace(page: 1, source: "/html/body/table/tr[1]"), RowPlace(page: 1, source: "/html/body/table/tr[2]")]
        XCTAssertEqual(try ContentJSON.read(Data(("{\"tables\":[" + ContentJSON.table(markup).serialized + "]}").utf8)).tables, [markup])
        XCTAssertFalse(ContentJSON.table(table).serialized.contains("row_places"), "a table without places writes none")
        let older = try ContentJSON.read(Data(#"{"tables":[{"page":2,"page_end":3,"bbox":[1,2,3,4],"method":"lattice","rows":[["a",""],["1","2"]]}]}"#.utf8))
        XCTAssertEqual(older.tables, [table])
    }

    /// A turned table writes its turn and reads it back; an upright one writes none.
    func testATurnedTableKeepsItsRotation() throws {
        var turned = table
        turned.rotation = 270
        let written = ContentJSON.table(turned).serialized
        XCTAssertTrue(written.contains("\"rotation\":270"), written)
        XCTAssertEqual(try ContentJSON.read(Data(("{\"tables\":[" + written + "]}").utf8)).tables, [turned])
        XCTAssertFalse(ContentJSON.table(table).serialized.contains("rotation"), "an upright table writes no rotation")
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
            (#"{"tables":[{"rows":[["a"],["b"]],"row_places":[{"page":1}]}]}"#,
             "tables[0].row_places has 1 places for 2 rows (keep one per row, or leave row_places out)"),
            (#"{"tables":[{"rows":[["a"]],"row_places":[{"page":1,"bbox":[1]}]}]}"#, "tables[0].row_places[0].bbox must be [x0, y0, x1, y1]"),
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

final class JSONStringTests: XCTestCase {
    /// Strings written byte by byte escape as the scalar-by-scalar reading did: quotes, backslashes and control
    /// characters escaped, everything else (non-ASCII too) as is.
    func testStringsEscapeAsScalarByScalar() {
        var samples = ["", "plain", "il \"Piano\"", "a\\b", "riga\nsotto\r\n\t", "città €", "👩‍👩‍👧", "\u{7F}\u{80}\u{2028}"]
        samples += (0..<0x20).map { "x" + String(UnicodeScalar(UInt8($0))) + "é" }
        for text in samples {
            var bytes: [UInt8] = []
            JSONValue.writeString(text, into: &bytes)
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), referenceString(text), text.debugDescription)
        }
        XCTAssertEqual(JSONValue.object([("a", .array([.null, .bool(true), .number(1.5), .string("q\"")]))]).serialized,
                       #"{"a":[null,true,1.5,"q\""]}"#)
    }

    private func referenceString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
