import ArgumentParser
import Core
import Foundation
import PDF
import Pipeline
import XML

/// The options every document-reading verb shares: the file, a page selection and a password.
struct PDFInputOptions: ParsableArguments {
    @Argument(help: "The file to read: PDF, DOCX, ODT or XHTML/HTML (told by its content).")
    var file: String

    @Option(help: "Pages to read, e.g. 1-3,7 (default: all).")
    var pages: PageSelection?

    @Option(help: "Password of an encrypted PDF.")
    var password: String?

    /// Opens the file and hands each selected page to `body`; errors become one line on stderr and exit 1.
    func withPages(_ body: (Page) throws -> Void) throws {
        let pdf = try openFile()
        try reportingErrors {
            for number in pages?.numbers(upTo: pdf.pageCount) ?? Array(1...max(1, pdf.pageCount)) {
                try body(try pdf.page(number))
            }
        }
    }

    /// A document opened by what its content is: a PDF to read page by page, or the blocks and tables of a
    /// markup document (pages selected). A file that is neither is one line on stderr and exit 1.
    enum Opened {
        case pdf(PDFFile)
        case markup(MarkupContent, DocumentFormat)
    }

    func openDocument() throws -> Opened {
        switch DocumentInput.route(file) {
        case .pdf:
            return .pdf(try openFile())
        case .markup(let format):
            let selected = pages.map { Set($0.numbers(upTo: Int.max)) }
            return .markup(try reportingErrors { try MarkupDocument.content(path: file, format: format).selecting(pages: selected) }, format)
        case .xbrl:
            Output.error("\(file): \(Self.xbrlHasNoBlocks)")
            throw ExitCode(1)
        case .refused(let reason):
            Output.error("\(file): \(reason)")
            throw ExitCode(1)
        }
    }

    static let xbrlHasNoBlocks = "an XBRL instance has facts, not blocks or tables: read it with `piani extract` (records) or `piani xbrl` (facts)"

    func openFile() throws -> PDFFile {
        try reportingErrors { try PDFFile(path: file, password: password) }
    }

    /// Runs `body`; a PDF error becomes one line on stderr naming the file and the reason, and exit code 1.
    func reportingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PDFError {
            Output.error(error.description)
            throw ExitCode(1)
        } catch let error as XMLInputError {
            Output.error(error.description)
            throw ExitCode(1)
        }
    }
}

/// A page list such as `1-3,7`.
struct PageSelection: ExpressibleByArgument {
    var ranges: [ClosedRange<Int>]

    init?(argument: String) {
        var ranges: [ClosedRange<Int>] = []
        for part in argument.split(separator: ",") {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
            switch bounds.count {
            case 1: guard let a = bounds[0], a >= 1 else { return nil }; ranges.append(a...a)
            case 2: guard let a = bounds[0], let b = bounds[1], a >= 1, b >= a else { return nil }; ranges.append(a...b)
            default: return nil
            }
        }
        guard !ranges.isEmpty else { return nil }
        self.ranges = ranges
    }

    func numbers(upTo count: Int) -> [Int] {
        var seen = Set<Int>()
        return ranges.flatMap { $0 }.filter { $0 <= count && seen.insert($0).inserted }
    }
}

enum Output {
    static func line(_ text: String) {
        write(text + "\n")
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("piani: " + text + "\n").utf8))
    }
}
