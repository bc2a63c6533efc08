import ArgumentParser
import Core
import Foundation
import Normalize
import PDF
import Pipeline
import XML

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the canonical records of documents as JSON lines.",
        usage: "piani extract [<options>] <files> ...",
        discussion: """
        Reads each document (PDF, DOCX, ODT or XHTML/HTML: tables and text
        blocks), classifies it (ente, document type, period) and maps its
        objectives, indicators, budget lines, staff, risks and scheda anagrafica
        to the canonical schema (v1); every other table becomes a `table`
        record. An XBRL instance gives one `fact` record per fact and a
        `budget_line` per budget amount (Resources/xbrl-budget.yml). One JSON
        object per line, fields in schema order.

        Several files: their records one file after the other, each record
        naming its document (document.sha256, document.file_name; "stdin" for
        standard input). A file that cannot be read is one line on stderr, the
        others are read, and the exit code is 1.
        """
    )

    @OptionGroup var input: PDFInputOptions

    @Option(help: ArgumentHelp(
        "A YAML label dictionary merged over the built-in one (layout of Resources/labels.yml); its vocabulary: section, if any, overrides keys of Resources/vocabulary.yml.",
        valueName: "file"))
    var labels: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let normalizer = try Normalizers.make(labelOverrides: labels)
        let target = try output.target()
        let failed = try input.eachDocument { document in
            let items: [DocumentItem]
            var facts = try FileFacts(document: document)
            switch document.opened {
            case .pdf(let pdf):
                let content = try pdf.content(pages: document.pageNumbers)
                items = DocumentItem.readingOrder(blocks: content.blocks, tables: content.tables)
            case .markup(let format):
                items = try document.markupContent(format).documentItems()
                facts.format = format.name
            case .xbrl:
                facts.format = "xbrl"
                try extractXBRL(document, facts: facts, normalizer: normalizer, into: target)
                return
            }
            for record in normalizer.normalize(file: facts, items: items).records { try target.line(record.json.serialized) }
        }
        try target.finish(keep: failed < input.files.count)
        try exitForFailures(failed)
    }
}

extension ExtractCommand {
    /// An XBRL instance's fact and budget_line records, written as each fact is read (two passes: contexts and
    /// units first, so memory stays flat on large instances). `--pages` does not apply.
    func extractXBRL(_ document: PDFInputOptions.Document, facts: FileFacts, normalizer: DocumentNormalizer,
                     into target: OutputTarget) throws {
        let reader = XBRLReader()
        let mapper = normalizer.xbrl.mapper(file: facts, header: try reader.header(path: document.path))
        _ = try reader.read(path: document.path) { fact in
            for record in mapper.records(for: fact) { try target.line(record.json.serialized) }
        }
    }
}

enum Normalizers {
    static func make(labelOverrides: String?) throws -> DocumentNormalizer {
        do {
            return try DocumentNormalizer.bundled(labelOverrides: labelOverrides)
        } catch let error as LabelOverrideError {
            Output.error(error.description)
            throw ExitCode(2)
        }
    }
}

extension FileFacts {
    init(path: String) throws {
        let hash: (hex: String, size: Int)
        do {
            hash = try Hashing.sha256(ofFile: path)
        } catch {
            throw InputFailure(path, "cannot be read (\(ErrorText.reason(error)))")
        }
        self.init(sha256: hash.hex, fileName: URL(fileURLWithPath: path).lastPathComponent, inputPath: path,
                  format: URL(fileURLWithPath: path).pathExtension.lowercased())
    }

    /// The facts of an input as read: its content's hash, the name and path given (`stdin` and no path for
    /// standard input), and `pdf` for a document read as a PDF.
    init(document: PDFInputOptions.Document) throws {
        let hash: (hex: String, size: Int)
        do {
            hash = try Hashing.sha256(ofFile: document.path)
        } catch {
            throw InputFailure(document.argument, "cannot be read (\(ErrorText.reason(error)))")
        }
        let isStandardInput = document.argument == "-"
        let name = isStandardInput ? "stdin" : URL(fileURLWithPath: document.argument).lastPathComponent
        var format = URL(fileURLWithPath: document.argument).pathExtension.lowercased()
        if case .pdf = document.opened { format = "pdf" }
        self.init(sha256: hash.hex, fileName: name, inputPath: isStandardInput ? nil : document.argument, format: format)
    }
}
