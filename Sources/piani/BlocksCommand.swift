import ArgumentParser
import Core
import Foundation
import PDF
import XML

struct BlocksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blocks",
        abstract: "Print the text blocks of documents as JSON lines.",
        usage: "piani blocks [<options>] <files> ...",
        discussion: """
        Headings, paragraphs, list items and "Label: value" lines, one JSON
        object per line:
          {"page":4,"kind":"label_value","label":"Responsabile","value":"…",
           "text":"…","bbox":[x0,y0,x1,y1],"font_size":10,"bold":false}
        ("level" on headings). Text inside tables is left out (see `piani
        tables`), and so are running headers, footers and page numbers. DOCX,
        ODT and XHTML/HTML give the same lines, with "source" (where the block
        sits in the markup), a zero bbox and page 1 (or the count of explicit
        page breaks).

        Several files: each line starts with "file" (the path as given, - for
        standard input). A file that cannot be read is one line on stderr, the
        others are read, and the exit code is 1.
        """
    )

    @OptionGroup var input: PDFInputOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let target = try output.target()
        let several = input.files.count > 1
        let failed = try input.eachDocument { document in
            var writer = BlockWriter(target: target, file: several ? document.argument : nil)
            switch document.opened {
            case .pdf(let pdf):
                try pdf.extract(pages: document.pageNumbers, into: &writer)
            case .markup(let format):
                // Printed as they are made: a large XHTML page is streamed, never held whole.
                try MarkupDocument.stream(path: document.path, format: format) { item in
                    if case .block(let block) = item, document.selection?.contains(block.page) ?? true { try writer.block(block) }
                }
            case .xbrl:
                throw InputFailure(document.argument, PDFInputOptions.xbrlHasNoBlocks)
            }
        }
        try target.finish(keep: failed < input.files.count)
        try exitForFailures(failed)
    }
}

/// Writes blocks as JSON lines as they arrive, each marked with its file when `file` is set.
struct BlockWriter: ContentSink {
    let target: OutputTarget
    let file: String?

    mutating func table(_ table: Table) {}
    mutating func block(_ block: Block) throws { try target.line(BlockRendering.jsonLine(block, file: file)) }
}

enum BlockRendering {
    static func jsonLine(_ block: Block, file: String? = nil) -> String {
        ContentJSON.block(block).marked(file: file).serialized
    }
}

extension JSONValue {
    /// The object with `"file"` first, when `file` is set.
    func marked(file: String?) -> JSONValue {
        guard let file, case .object(let pairs) = self else { return self }
        return .object([("file", .string(file))] + pairs)
    }
}
