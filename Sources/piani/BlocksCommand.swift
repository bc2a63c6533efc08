import ArgumentParser
import Core
import Foundation
import PDF
import Pipeline
import XML

struct BlocksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blocks",
        abstract: "Print the text blocks of a PDF as JSON lines: headings, paragraphs, list items, \"Label: value\" lines.",
        discussion: """
        One JSON object per line: {"page":4,"kind":"label_value","label":"Responsabile","value":"…","text":"…",
        "bbox":[x0,y0,x1,y1],"font_size":10,"bold":false} ("level" on headings). Text inside tables is left out
        (see `piani tables`), and so are running headers, footers and page numbers. DOCX, ODT and XHTML/HTML give
        the same lines, with "source" (where the block sits in the markup), a zero bbox and page 1 (or the count
        of explicit page breaks).
        """
    )

    @OptionGroup var input: PDFInputOptions

    func run() throws {
        if case .markup(let format) = DocumentInput.route(input.file) {
            // Printed as they are made: a large XHTML page is streamed, never held whole.
            let selected = input.pages.map { Set($0.numbers(upTo: Int.max)) }
            var writer = BlockWriter()
            try input.reportingErrors {
                try MarkupDocument.stream(path: input.file, format: format) { item in
                    if case .block(let block) = item, selected?.contains(block.page) ?? true { writer.block(block) }
                }
            }
            return
        }
        switch try input.openDocument() {
        case .pdf(let pdf):
            var writer = BlockWriter()
            try input.reportingErrors { try pdf.extract(pages: input.pages?.numbers(upTo: pdf.pageCount), into: &writer) }
        case .markup(let content, _):
            var writer = BlockWriter()
            for block in content.blocks { writer.block(block) }
        }
    }
}

/// Writes blocks to stdout as JSON lines as they arrive.
struct BlockWriter: ContentSink {
    mutating func table(_ table: Table) {}
    mutating func block(_ block: Block) { Output.line(BlockRendering.jsonLine(block)) }
}

enum BlockRendering {
    static func jsonLine(_ block: Block) -> String { ContentJSON.block(block).serialized }
}
