import ArgumentParser
import Core
import Foundation
import PDF

struct TablesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tables",
        abstract: "Print the tables of a PDF (ruled and unruled; tables continued over pages are joined).",
        discussion: """
        json: {"tables":[{"page":1,"page_end":1,"bbox":[x0,y0,x1,y1],"method":"lattice","rows":[["cell",...],...]}]}
        with bbox in PDF points from the first page's top-left corner, "" for an empty cell and a spanning
        cell's text in its first slot. method: lattice (ruled grid), rules (horizontal rules only) or stream
        (text alignment). csv: every table as RFC 4180 rows, tables separated by a blank line.
        md: one Markdown table each. Tables are written as they are found: output starts before the end.
        DOCX, ODT and XHTML/HTML tables come from the markup's grid (method "markup", spans expanded the same
        way), with "source" naming the table element.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv, md }

    @OptionGroup var input: PDFInputOptions

    @Option(help: "Output format: json, csv or md.")
    var format: Format = .json

    func run() throws {
        let opened = try input.openDocument()
        var writer = TableWriter(format: format)
        switch opened {
        case .pdf(let pdf):
            try input.reportingErrors {
                try pdf.extract(pages: input.pages?.numbers(upTo: pdf.pageCount), blocks: nil, into: &writer)
            }
        case .markup(let content, _):
            for table in content.tables { writer.table(table) }
        }
        writer.close()
    }
}

/// Writes tables to stdout as they arrive.
struct TableWriter: ContentSink {
    let format: TablesCommand.Format
    private var count = 0

    init(format: TablesCommand.Format) {
        self.format = format
        if format == .json { Output.write("{\"tables\":[") }
    }

    mutating func table(_ table: Table) {
        switch format {
        case .json: Output.write((count > 0 ? ",\n" : "\n") + TableRendering.json(table))
        case .csv: Output.write((count > 0 ? "\r\n" : "") + TableRendering.csv(table.rows))
        case .md: Output.write((count > 0 ? "\n" : "") + TableRendering.markdown(table))
        }
        count += 1
    }

    mutating func block(_ block: Block) {}

    func close() {
        if format == .json { Output.write("\n]}\n") }
    }
}

enum TableRendering {
    static func json(_ table: Table) -> String { ContentJSON.table(table).serialized }

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
