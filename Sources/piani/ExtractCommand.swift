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
        abstract: "Print the canonical records of one document as JSON lines (schema v1).",
        discussion: """
        Reads the document (PDF, DOCX, ODT or XHTML/HTML: tables and text blocks), classifies it (ente, document type, period) and maps its
        objectives, indicators, budget lines, staff, risks and scheda anagrafica to the canonical schema; every
        other table becomes a `table` record. An XBRL instance gives one `fact` record per fact and a
        `budget_line` per budget amount (Resources/xbrl-budget.yml). One JSON object per line, fields in schema order.
        """
    )

    @OptionGroup var input: PDFInputOptions

    @Option(help: "A YAML label dictionary merged over the built-in one (same layout as Resources/labels.yml); its vocabulary: section, if any, overrides keys of Resources/vocabulary.yml.")
    var labels: String?

    func run() throws {
        if case .xbrl = DocumentInput.route(input.file) { return try extractXBRL() }
        let items: [DocumentItem]
        let opened = try input.openDocument()
        var facts = try FileFacts(path: input.file)
        switch opened {
        case .pdf(let pdf):
            let content = try input.reportingErrors { try pdf.content(pages: input.pages?.numbers(upTo: pdf.pageCount)) }
            items = DocumentItem.readingOrder(blocks: content.blocks, tables: content.tables)
        case .markup(let content, let format):
            items = content.documentItems()
            facts.format = format.name
        }
        let normalizer = try Normalizers.make(labelOverrides: labels)
        let normalized = normalizer.normalize(file: facts, items: items)
        for record in normalized.records { Output.line(record.json.serialized) }
    }
}

extension ExtractCommand {
    /// An XBRL instance's fact and budget_line records, printed as each fact is read (two passes: contexts and
    /// units first, so memory stays flat on large instances). `--pages` does not apply.
    func extractXBRL() throws {
        let normalizer = try Normalizers.make(labelOverrides: labels)
        var facts = try FileFacts(path: input.file)
        facts.format = "xbrl"
        let reader = XBRLReader()
        try input.reportingErrors {
            let mapper = normalizer.xbrl.mapper(file: facts, header: try reader.header(path: input.file))
            _ = try reader.read(path: input.file) { fact in
                for record in mapper.records(for: fact) { Output.line(record.json.serialized) }
            }
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
        let hash = try Hashing.sha256(ofFile: path)
        self.init(sha256: hash.hex, fileName: URL(fileURLWithPath: path).lastPathComponent,
                  format: URL(fileURLWithPath: path).pathExtension.lowercased())
    }
}
