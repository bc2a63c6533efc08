import Core
import Foundation
@testable import XML

/// One small document written as XHTML, DOCX and ODT, so a rule of the three readers is tested on the same content.
indirect enum MarkupPiece {
    case paragraph(String)
    /// A heading of level 2.
    case heading(String)
    /// Rows of cells, each cell the pieces in it.
    case table([[[MarkupPiece]]])
}

/// A format's names for the pieces, to write the document and the locations the readers give.
struct MarkupDialect {
    var format: DocumentFormat
    var fileName: String
    /// The location of the body, with the part for the zip formats.
    var body: String
    var paragraph: String, heading: String, table: String, row: String, cell: String

    static let xhtml = MarkupDialect(format: .xhtml, fileName: "plan.xhtml", body: "/html/body", paragraph: "p", heading: "h2",
                                     table: "table", row: "tr", cell: "td")
    static let docx = MarkupDialect(format: .docx, fileName: "plan.docx", body: "word/document.xml#/w:document/w:body",
                                    paragraph: "w:p", heading: "w:p", table: "w:tbl", row: "w:tr", cell: "w:tc")
    static let odt = MarkupDialect(format: .odt, fileName: "plan.odt",
                                   body: "content.xml#/office:document-content/office:body/office:text",
                                   paragraph: "text:p", heading: "text:h", table: "table:table", row: "table:table-row",
                                   cell: "table:table-cell")
    static let all = [xhtml, docx, odt]

    /// A location written with P (paragraph), H (heading), T (table), R (row), C (cell) steps: "T[1]/R[2]/C[2]/T".
    func location(_ steps: String) -> String {
        let names: [Character: String] = ["P": paragraph, "H": heading, "T": table, "R": row, "C": cell]
        return body + "/" + steps.split(separator: "/").map { step in names[step.first!]! + step.dropFirst() }.joined(separator: "/")
    }

    func markup(_ pieces: [MarkupPiece]) -> String { pieces.map(markup).joined() }

    private func markup(_ piece: MarkupPiece) -> String {
        switch (format, piece) {
        case (.docx, .paragraph(let text)): return "<w:p><w:r><w:t>\(text)</w:t></w:r></w:p>"
        case (.docx, .heading(let text)): return "<w:p><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
        case (.odt, .paragraph(let text)): return "<text:p>\(text)</text:p>"
        case (.odt, .heading(let text)): return "<text:h text:outline-level=\"2\">\(text)</text:h>"
        case (_, .paragraph(let text)): return "<p>\(text)</p>"
        case (_, .heading(let text)): return "<h2>\(text)</h2>"
        case (_, .table(let rows)):
            let body = rows.map { cells in
                "<\(row)>" + cells.map { "<\(cell)>" + markup($0) + "</\(cell)>" }.joined() + "</\(row)>"
            }.joined()
            return "<\(table)>" + body + "</\(table)>"
        }
    }

    /// The document's main part.
    func document(_ pieces: [MarkupPiece]) -> String {
        switch format {
        case .docx:
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + markup(pieces) + "</w:body></w:document>"
        case .odt:
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"\(ODF.office)\" "
                + "xmlns:text=\"\(ODF.text)\" xmlns:table=\"\(ODF.table)\"><office:body><office:text>" + markup(pieces)
                + "</office:text></office:body></office:document-content>"
        default:
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body>" + markup(pieces)
                + "</body></html>"
        }
    }

    /// Writes the document (with `parts` beside the main part, for the zip formats) into `folder`.
    func write(_ pieces: [MarkupPiece], in folder: URL, parts: [(String, String)] = []) throws -> URL {
        try write(document: document(pieces), in: folder, parts: parts)
    }

    func write(document: String, in folder: URL, parts: [(String, String)] = []) throws -> URL {
        let url = folder.appendingPathComponent(fileName)
        let extra = parts.map { ($0.0, Data($0.1.utf8)) }
        switch format {
        case .docx:
            try ZipFixture.write([("[Content_Types].xml", Data("<Types/>".utf8)), ("word/document.xml", Data(document.utf8))] + extra,
                                 to: url)
        case .odt:
            try ZipFixture.write([("mimetype", Data("application/vnd.oasis.opendocument.text".utf8))], to: url, compression: .none)
            try ZipFixture.append([("content.xml", Data(document.utf8))] + extra, to: url)
        default:
            try document.write(to: url, atomically: true, encoding: .utf8)
        }
        return url
    }

    func content(_ pieces: [MarkupPiece], in folder: URL, parts: [(String, String)] = []) throws -> MarkupContent {
        try MarkupDocument.content(path: try write(pieces, in: folder, parts: parts).path, format: format)
    }
}

/// An item reduced to what the tests compare.
enum ItemSummary: Equatable, CustomStringConvertible {
    case block(BlockSummary)
    case table([[String]], source: String)

    init(_ item: ContentItem) {
        switch item {
        case .block(let block): self = .block(BlockSummary(block, withSource: true))
        case .table(let table): self = .table(table.rows, source: table.source ?? "")
        }
    }

    var description: String {
        switch self {
        case .block(let block): return block.description
        case .table(let rows, let source): return "table \(rows) @\(source)"
        }
    }
}

extension MarkupContent {
    var itemSummaries: [ItemSummary] { items.map(ItemSummary.init) }
}
