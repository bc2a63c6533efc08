import Foundation
import XCTest

/// Drives the built `piani` executable as a user would: arguments in, output and exit code out.
final class CLITests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private struct Result { var status: Int32; var stdout: String; var stderr: String }

    private func piani(_ arguments: String...) throws -> Result {
        // The executable is in the build products folder: the test bundle's folder (Linux) or the one holding it.
        let bundle = Bundle(for: CLITests.self).bundleURL
        let candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("piani") }
        guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            struct MissingBinary: Error, CustomStringConvertible { var description: String }
            throw MissingBinary(description: "piani not built next to \(bundle.path)")
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = CLITests.root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    func testMissingFileIsOneClearLine() throws {
        let result = try piani("tables", "nowhere/piano.pdf")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "piani: nowhere/piano.pdf: no such file\n")
        XCTAssertEqual(result.stdout, "")
    }

    func testEncryptedAndNonPDFInputs() throws {
        let encrypted = try piani("blocks", "Tests/Fixtures/encrypted.pdf")
        XCTAssertEqual(encrypted.status, 1)
        XCTAssertTrue(encrypted.stderr.contains("encrypted.pdf: the PDF is encrypted and needs a password"), encrypted.stderr)
        let text = try piani("tables", "Tests/Fixtures/not-a-pdf.pdf")
        XCTAssertEqual(text.status, 1)
        XCTAssertEqual(text.stderr, "piani: Tests/Fixtures/not-a-pdf.pdf: not a PDF file (no %PDF header)\n")
        XCTAssertEqual(try piani("tables", "Tests/Fixtures/encrypted.pdf", "--password", "secret").status, 0)
    }

    func testMarkupInputsThroughTheSameVerbs() throws {
        let blocks = try piani("blocks", "Tests/Fixtures/xml/soup.html")
        XCTAssertEqual(blocks.status, 0, blocks.stderr)
        XCTAssertEqual(blocks.stdout.split(separator: "\n").first.map(String.init),
                       #"{"page":1,"kind":"heading","level":1,"text":"Piano della Performance 2025","bbox":[0,0,0,0],"font_size":0,"bold":false,"source":"/html/body/h1"}"#)
        let tables = try piani("tables", "Tests/Fixtures/xml/page.xhtml", "--format", "csv")
        XCTAssertEqual(tables.stdout, "# page-p1-t1.csv\r\nVoce,2025\r\nSpese,\"1.000,00\"\r\n\r\n# page-p1-t2.csv\r\nUnica\r\n\r\n")
        let xbrl = try piani("tables", "Tests/Fixtures/xml/bdap-instance.xbrl")
        XCTAssertEqual(xbrl.status, 1)
        XCTAssertEqual(xbrl.stderr, "piani: Tests/Fixtures/xml/bdap-instance.xbrl: an XBRL instance has facts, not blocks or tables: read it with `piani extract` (records) or `piani xbrl` (facts)\n")
        let records = try piani("extract", "Tests/Fixtures/xml/bdap-instance.xbrl")
        XCTAssertEqual(records.status, 0, records.stderr)
        let types = records.stdout.split(separator: "\n").map { line -> String in
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["record_type"] as? String ?? ""
        }
        XCTAssertEqual(types, ["fact", "budget_line", "fact", "fact", "fact", "fact", "fact"])
        let malformed = try piani("extract", "Tests/Fixtures/xml/malformed.xhtml")
        XCTAssertEqual(malformed.status, 1)
        XCTAssertEqual(malformed.stderr,
                       "piani: Tests/Fixtures/xml/malformed.xhtml: malformed XML at line 2 (Opening and ending tag mismatch: p line 2 and body)\n")
    }

    /// The hand-checked BDAP-structured instance (its expected records are listed in the fixture's comment).
    func testBDAPPrevisioneInstanceGivesItsFactsAndBudgetLines() throws {
        let result = try piani("extract", "Tests/Fixtures/xml/bdap-previsione.xbrl")
        XCTAssertEqual(result.status, 0, result.stderr)
        let records = try result.stdout.split(separator: "\n").map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        XCTAssertEqual(records.filter { $0["record_type"] as? String == "fact" }.count, 11)
        let lines = records.filter { $0["record_type"] as? String == "budget_line" }
        func summary(_ line: [String: Any]) -> String {
            let amounts = (line["amounts"] as? [String: Double] ?? [:]).map { "\($0.key)=" + String(format: "%.2f", $0.value) }.sorted().joined()
            return [line["direction"], line["title_code"], line["mission_code"], line["program_code"], line["fiscal_year"], line["total_level"]]
                .map { value -> String in
                    if let text = value as? String { return text }
                    if let number = value as? Int { return String(number) }
                    return "-"
                }.joined(separator: " ") + " " + amounts
        }
        XCTAssertEqual(lines.map(summary), [
            "expenditure 1 01 02 2025 - initial_forecast=152300.00", "expenditure 1 01 02 2025 - cash_forecast=160000.00",
            "expenditure 1 01 02 2026 - initial_forecast=149000.00", "expenditure 1 01 02 2027 - initial_forecast=149000.00",
            "revenue 1 - - 2025 - initial_forecast=2500000.00", "expenditure - - - 2025 spesa initial_forecast=2480000.00",
        ])
        XCTAssertTrue(result.stdout.contains(#""amounts":{"initial_forecast":152300}"#), "the exact decimal text is written")
        XCTAssertTrue(result.stdout.contains(#""number":310455.17"#))
    }

    func testTablesAsJSON() throws {
        let result = try piani("tables", "samples/lumezzane_referto-obiettivi_2023-06-30.pdf", "--pages", "3")
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let tables = try XCTUnwrap(object?["tables"] as? [[String: Any]])
        XCTAssertFalse(tables.isEmpty)
        for table in tables {
            XCTAssertEqual(table["page"] as? Int, 3)
            XCTAssertEqual((table["bbox"] as? [Double])?.count, 4)
            let rows = try XCTUnwrap(table["rows"] as? [[String]])
            XCTAssertEqual(Set(rows.map(\.count)).count, 1, "rows of one table have one width")
        }
    }

    func testTablesAsCSVAndMarkdown() throws {
        let csv = try piani("tables", "samples/lumezzane_referto-obiettivi_2023-06-30.pdf", "--pages", "3", "--format", "csv")
        XCTAssertEqual(csv.status, 0)
        XCTAssertTrue(csv.stdout.contains("\r\n"))
        XCTAssertTrue(csv.stdout.contains("RIMBORSO RETTE CASA DI RIPOSO,0,00") == false, "amounts with a comma are quoted")
        XCTAssertTrue(csv.stdout.contains("RIMBORSO RETTE CASA DI RIPOSO,\"0,00\""), String(csv.stdout.prefix(400)))
        let md = try piani("tables", "samples/lumezzane_referto-obiettivi_2023-06-30.pdf", "--pages", "3", "--format", "md")
        XCTAssertTrue(md.stdout.contains("| --- |"))
    }

    /// A turned table says its turn in every form that has room for it, and page-model says each word's.
    func testTurnedTablesAndWordsSayTheirTurn() throws {
        let json = try piani("tables", "Tests/Fixtures/rotated-tables.pdf", "--pages", "1")
        XCTAssertEqual(json.status, 0, json.stderr)
        XCTAssertTrue(json.stdout.contains("\"rotation\":90"), json.stdout)
        let md = try piani("tables", "Tests/Fixtures/rotated-tables.pdf", "--pages", "2", "--format", "md")
        XCTAssertTrue(md.stdout.hasPrefix("<!-- page 2, stream, turned 270° -->"), md.stdout)
        let model = try piani("page-model", "Tests/Fixtures/rotated-tables.pdf", "--pages", "1")
        let page = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(model.stdout.utf8)) as? [String: Any])
        let words = try XCTUnwrap(page["words"] as? [[String: Any]])
        XCTAssertEqual(words.first { $0["text"] as? String == "Codice" }?["rotation"] as? Int, 90)
        XCTAssertNil(words.first { $0["text"] as? String == "Allegato" }?["rotation"], "an upright word says no rotation")
        let upright = try piani("tables", "samples/lumezzane_referto-obiettivi_2023-06-30.pdf", "--pages", "3")
        XCTAssertFalse(upright.stdout.contains("rotation"), "upright tables write none")
    }

    func testBlocksAreJSONLines() throws {
        let result = try piani("blocks", "samples/pisogne_piao_2025-2027.pdf", "--pages", "3")
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertGreaterThan(lines.count, 5)
        let blocks = try lines.map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let labels = blocks.compactMap { $0["label"] as? String }
        XCTAssertTrue(labels.contains("Responsabile"), "\(labels)")
    }

    func testBadPageSelectionIsAUsageError() throws {
        let result = try piani("tables", "samples/pisogne_piao_2025-2027.pdf", "--pages", "0-2")
        XCTAssertEqual(result.status, 2, "usage errors exit 2, as configuration errors do")
        XCTAssertTrue(result.stderr.contains("--pages"), result.stderr)
    }
}
