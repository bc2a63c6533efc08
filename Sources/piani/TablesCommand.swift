import ArgumentParser
import Core
import Foundation
import PDF
import Write

struct TablesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tables",
        abstract: "Print the tables of documents (ruled, unruled, joined over pages).",
        usage: "piani tables [<options>] <files> ...",
        discussion: """
        json: {"tables":[{"page":1,"page_end":1,"bbox":[x0,y0,x1,y1],
                          "method":"lattice","rows":[["cell",...],...]}]}
        with bbox in PDF points from the first page's top-left corner, "" for an
        empty cell and a spanning cell's text in its first slot. method: lattice
        (ruled grid), rules (horizontal rules only) or stream (text alignment).
        A table set turned on its page (text at 90° reading up, or 270° reading
        down) says "rotation":90 or 270: its rows and columns are those of the
        turned page, its bbox stays in the page's coordinates.
        DOCX, ODT and XHTML/HTML tables come from the markup's grid (method
        "markup", spans expanded the same way), with "source" naming the table
        element.

        csv: one CSV (RFC 4180) per table, named NAME-p3-t1.csv (input NAME,
        first page 3, first table starting on that page). With -o DIR they are
        written into DIR (created if missing; each file atomically); on standard
        output each table is a line "# NAME-p3-t1.csv", its rows, a blank line.

        md: one Markdown table each. Tables are written as they are found:
        output starts before the end.

        Several files: json gives one {"file":…,"tables":[…]} object per file,
        md a "# FILE" line before each file's tables. A file that cannot be read
        is one line on stderr, the others are read, and the exit code is 1.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv, md }

    @OptionGroup var input: PDFInputOptions

    @Option(help: "Output format: json, csv or md.")
    var format: Format = .json

    @OptionGroup var output: OutputOptions

    func run() throws {
        if format == .csv, let folder = output.output, folder != "-" { return try writeCSVFiles(into: folder) }
        let target = try output.target()
        let several = input.files.count > 1
        let failed = try input.eachDocument { document in
            var writer = TableWriter(format: format, target: target, file: several ? document.argument : nil, stem: document.stem)
            try writer.open()
            do {
                try extract(document, into: &writer)
            } catch {
                try writer.close()
                throw error
            }
            try writer.close()
        }
        try target.finish(keep: failed < input.files.count)
        try exitForFailures(failed)
    }

    /// --format csv -o DIR: one file per table.
    private func writeCSVFiles(into folder: String) throws {
        let stems = Dictionary(grouping: input.files) { PDFInputOptions.Document.stem(of: $0) }
        if let clash = stems.first(where: { $0.value.count > 1 }) {
            Output.error("\(clash.value.joined(separator: ", ")): their tables would have the same file names (\(clash.key)-p…-t….csv) "
                         + "in \(folder); give them in separate calls")
            throw ExitCode(2)
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                Output.error("\(folder): is a file; with --format csv, -o names a folder (one CSV per table is written into it)")
                throw ExitCode(2)
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                Output.error("\(folder): cannot create the folder (\(ErrorText.reason(error)))")
                throw ExitCode(1)
            }
        }
        let failed = try input.eachDocument { document in
            var writer = CSVFileWriter(folder: URL(fileURLWithPath: folder), stem: document.stem)
            try extract(document, into: &writer)
        }
        try exitForFailures(failed)
    }

    private func extract<Sink: ContentSink>(_ document: PDFInputOptions.Document, into sink: inout Sink) throws {
        switch document.opened {
        case .pdf(let pdf):
            try pdf.extract(pages: document.pageNumbers, blocks: nil, into: &sink)
        case .markup(let format):
            for table in try document.markupContent(format).tables { try sink.table(table) }
        case .xbrl:
            throw InputFailure(document.argument, PDFInputOptions.xbrlHasNoBlocks)
        }
    }
}

extension PDFInputOptions.Document {
    /// The file name without its extension (`stdin` for standard input), for names derived from it.
    static func stem(of argument: String) -> String {
        argument == "-" ? "stdin" : ((argument as NSString).lastPathComponent as NSString).deletingPathExtension
    }
}

/// Names each table of one document `NAME-p3-t1` (first page, then its rank among the tables starting there).
struct TableNamer {
    let stem: String
    private var onPage: [Int: Int] = [:]

    init(stem: String) { self.stem = stem }

    mutating func name(_ table: Table) -> String {
        let rank = (onPage[table.page] ?? 0) + 1
        onPage[table.page] = rank
        return "\(stem)-p\(table.page)-t\(rank).csv"
    }
}

/// Writes one document's tables as they arrive.
struct TableWriter: ContentSink {
    let format: TablesCommand.Format
    let target: OutputTarget
    /// The file, when several are given (the output marks each one's tables).
    let file: String?
    private var namer: TableNamer
    private var count = 0

    init(format: TablesCommand.Format, target: OutputTarget, file: String?, stem: String) {
        self.format = format
        self.target = target
        self.file = file
        namer = TableNamer(stem: stem)
    }

    func open() throws {
        switch format {
        case .json:
            try target.write(file.map { "{\"file\":\(JSONValue.string($0).serialized),\"tables\":[" } ?? "{\"tables\":[")
        case .md:
            if let file { try target.write("# \(file)\n\n") }
        case .csv: break
        }
    }

    mutating func table(_ table: Table) throws {
        switch format {
        case .json: try target.write((count > 0 ? ",\n" : "\n") + TableRendering.json(table))
        case .csv: try target.write("# \(namer.name(table))\r\n" + TableRendering.csv(table.rows) + "\r\n")
        case .md: try target.write((count > 0 ? "\n" : "") + TableRendering.markdown(table))
        }
        count += 1
    }

    mutating func block(_ block: Block) {}

    func close() throws {
        switch format {
        case .json: try target.write("\n]}\n")
        case .md: if file != nil { try target.write("\n") }
        case .csv: break
        }
    }
}

/// Writes each table of one document to its own CSV file in `folder`, atomically.
struct CSVFileWriter: ContentSink {
    let folder: URL
    private var namer: TableNamer

    init(folder: URL, stem: String) {
        self.folder = folder
        namer = TableNamer(stem: stem)
    }

    mutating func table(_ table: Table) throws {
        let destination = folder.appendingPathComponent(namer.name(table))
        do {
            try AtomicFile.write(destination, text: TableRendering.csv(table.rows))
        } catch let error as WriteError {
            Output.error(error.description)
            throw ExitCode(1)
        }
    }

    mutating func block(_ block: Block) {}
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
        let turn = table.rotation.map { ", turned \($0)°" } ?? ""
        var lines = ["<!-- \(pages), \(table.method)\(turn) -->"]
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
