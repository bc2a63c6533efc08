import ArgumentParser
import Core
import Foundation
import PDF

struct TablesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tables",
        abstract: "Print the tables of a PDF (ruled and unruled; tables continued over pages are joined).",
        discussion: """
        JSON: {"tables":[{"page":1,"page_end":1,"bbox":[x0,y0,x1,y1],"method":"lattice","rows":[["cell",...],...]}]}
        with bbox in PDF points from the page's top-left corner and "" for an empty cell.
        CSV: every table as CSV rows, tables separated by a blank line. md: one Markdown table each.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv, md }

    @OptionGroup var input: PDFInputOptions

    @Option(help: "Output format: json, csv or md.")
    var format: Format = .json

    func run() throws {
        let pdf = try input.openFile()
        let tables = try input.reportingErrors { try pdf.tables(pages: input.pages?.numbers(upTo: pdf.pageCount)) }
        Output.line(TableRendering.render(tables, as: format))
    }
}

enum TableRendering {
    static func render(_ tables: [Table], as format: TablesCommand.Format) -> String {
        switch format {
        case .json: return json(tables)
        case .csv: return tables.map { csv($0.rows) }.joined(separator: "\n")
        case .md: return tables.map(markdown).joined(separator: "\n")
        }
    }

    static func json(_ tables: [Table]) -> String {
        let objects: [[String: Any]] = tables.map {
            ["page": $0.page, "page_end": $0.pageEnd, "bbox": $0.bbox.rounded, "method": $0.method, "rows": $0.rows]
        }
        let data = (try? JSONSerialization.data(withJSONObject: ["tables": objects], options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func csv(_ rows: [[String]]) -> String {
        rows.map { $0.map(csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func markdown(_ table: Table) -> String {
        let width = table.columnCount
        let pages = table.page == table.pageEnd ? "page \(table.page)" : "pages \(table.page)-\(table.pageEnd)"
        var lines = ["<!-- \(pages), \(table.method) -->"]
        for (index, row) in table.rows.enumerated() {
            let cells = (row + Array(repeating: "", count: width - row.count)).map {
                $0.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
            }
            lines.append("| " + cells.joined(separator: " | ") + " |")
            if index == 0 { lines.append("|" + String(repeating: " --- |", count: width)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
