import ArgumentParser
import Core
import Foundation
import PDF
import Pipeline
import XML

/// The options every document-reading verb shares: the files, a page selection and a password.
struct PDFInputOptions: ParsableArguments {
    @Argument(help: "Files to read: PDF, DOCX, ODT or XHTML/HTML (told by their content); - reads standard input.")
    var files: [String]

    @Option(help: "Pages to read, e.g. 1-3,7 or 5- (to the end) or all (the default).")
    var pages: PageSelection?

    @Option(help: "Password of an encrypted PDF.")
    var password: String?

    func validate() throws {
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("- (standard input) can be given only once") }
    }

    /// A document opened by what its content is: a PDF to read page by page, a markup document (read whole
    /// by `markupContent`, or streamed), or an XBRL instance (facts, not blocks and tables).
    enum Opened {
        case pdf(PDFFile)
        case markup(DocumentFormat)
        case xbrl
    }

    static let xbrlHasNoBlocks = "an XBRL instance has facts, not blocks or tables: read it with `piani extract` (records) or `piani xbrl` (facts)"

    /// One input as a verb reads it.
    struct Document {
        /// As given on the command line (`-` for standard input).
        var argument: String
        /// Where its bytes are: the argument, or a temporary copy of standard input.
        var path: String
        var opened: Opened
        /// The pages selected (nil: every page), checked against the document's page count.
        var pageNumbers: [Int]?

        /// The page selection asked for, checked against a markup document's pages when it is read.
        var selection: PageSelection?

        /// The blocks and tables of a markup document, its selected pages only; a page beyond its end is an
        /// error naming the count.
        func markupContent(_ format: DocumentFormat) throws -> MarkupContent {
            let content = try MarkupDocument.content(path: path, format: format)
            let numbers = try PDFInputOptions.pageNumbers(selection, argument, count: content.pageCount)
            return content.selecting(pages: numbers.map(Set.init))
        }

        /// The name messages use: the path given, or "standard input".
        var displayName: String { Inputs.displayName(argument) }
        /// The file name without its extension (`stdin` for standard input), for names derived from it.
        var stem: String { Document.stem(of: argument) }
    }

    /// Opens each input in turn and hands it to `body`. An input that cannot be read (missing, not a PDF,
    /// encrypted, damaged, a page out of range…) is one line on stderr, `piani: FILE: reason`, and the next input
    /// is read. Returns how many inputs failed; errors that are not an input's (an output that cannot be
    /// written) stop at once.
    func eachDocument(_ body: (Document) throws -> Void) throws -> Int {
        let inputs = try Inputs(files)
        defer { inputs.removeTemporaryFiles() }
        var failed = 0
        for (argument, path) in inputs.paths {
            do {
                try body(try open(argument: argument, path: path))
            } catch let error as InputFailure {
                Output.error(error.description)
                failed += 1
            } catch let error as PDFError {
                Output.error(InputFailure(argument, error.explanation).description)
                failed += 1
            } catch let error as XMLInputError {
                Output.error(InputFailure(argument, (error.part.map { "(\($0)) " } ?? "") + error.explanation).description)
                failed += 1
            }
        }
        return failed
    }

    private func open(argument: String, path: String) throws -> Document {
        switch DocumentInput.route(path) {
        case .pdf:
            let pdf = try PDFFile(path: path, password: password)
            return Document(argument: argument, path: path, opened: .pdf(pdf),
                            pageNumbers: try Self.pageNumbers(pages, argument, count: pdf.pageCount), selection: pages)
        case .markup(let format):
            return Document(argument: argument, path: path, opened: .markup(format), pageNumbers: nil, selection: pages)
        case .xbrl:
            return Document(argument: argument, path: path, opened: .xbrl, pageNumbers: nil, selection: pages)
        case .refused(let reason):
            throw InputFailure(argument, reason)
        }
    }

    /// The selected pages of a document of `count` pages; a page beyond its end is an error naming the count.
    static func pageNumbers(_ pages: PageSelection?, _ argument: String, count: Int) throws -> [Int]? {
        guard let pages else { return nil }
        if let beyond = pages.firstBeyond(count) {
            throw InputFailure(argument, "--pages \(pages.text): page \(beyond) does not exist (the document has "
                               + "\(count) page\(count == 1 ? "" : "s"))")
        }
        return pages.numbers(upTo: count)
    }
}

/// An input a verb could not read, with the reason: `piani: FILE: reason`.
struct InputFailure: Error, CustomStringConvertible {
    var argument: String
    var reason: String

    init(_ argument: String, _ reason: String) {
        self.argument = argument
        self.reason = reason
    }

    var description: String { "\(Inputs.displayName(argument)): \(reason)" }
}

/// The files of a call, with standard input (`-`) copied to a temporary file (poppler reads files only).
struct Inputs {
    private(set) var paths: [(argument: String, path: String)] = []
    private var temporary: String?

    init(_ arguments: [String]) throws {
        for argument in arguments {
            guard argument == "-" else {
                paths.append((argument, argument))
                continue
            }
            let copy = try Self.copyStandardInput()
            temporary = copy
            paths.append((argument, copy))
        }
    }

    static func displayName(_ argument: String) -> String { argument == "-" ? "standard input" : argument }

    func removeTemporaryFiles() {
        if let temporary { unlink(temporary) }
    }

    private static func copyStandardInput() throws -> String {
        var template = Array((NSTemporaryDirectory() + "/piani-stdin-XXXXXX").utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else {
            Output.error("standard input: cannot make a temporary copy (\(String(cString: strerror(errno))))")
            throw ExitCode(1)
        }
        let path = String(cString: template)
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            while let chunk = try FileHandle.standardInput.read(upToCount: 1 << 20), !chunk.isEmpty { try handle.write(contentsOf: chunk) }
        } catch {
            unlink(path)
            Output.error("standard input: cannot be copied to \(path) (\(ErrorText.reason(error)))")
            throw ExitCode(1)
        }
        return path
    }
}

/// A page list such as `1-3,7`, `5-` (page 5 to the end) or `all`.
struct PageSelection: ExpressibleByArgument {
    /// First and last page of each part (last nil: to the end); nil: every page.
    var parts: [(first: Int, last: Int?)]?
    var text: String

    init?(argument: String) {
        text = argument
        if argument.trimmingCharacters(in: .whitespaces).lowercased() == "all" {
            parts = nil
            return
        }
        var parts: [(Int, Int?)] = []
        for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            switch bounds.count {
            case 1: guard let a = Int(bounds[0]), a >= 1 else { return nil }; parts.append((a, a))
            case 2:
                guard let a = Int(bounds[0]), a >= 1 else { return nil }
                if bounds[1].isEmpty { parts.append((a, nil)); continue }
                guard let b = Int(bounds[1]), b >= a else { return nil }
                parts.append((a, b))
            default: return nil
            }
        }
        guard !parts.isEmpty else { return nil }
        self.parts = parts
    }

    static var defaultCompletionKind: CompletionKind { .default }

    /// The first page asked for that a document of `count` pages does not have (nil when all are there).
    func firstBeyond(_ count: Int) -> Int? {
        guard let parts else { return nil }
        return parts.compactMap { part -> Int? in
            if part.first > count { return part.first }
            if let last = part.last, last > count { return count + 1 }
            return nil
        }.min()
    }

    /// Whether `page` is selected (every page is, for `all`): for a document read as a stream, whose page
    /// count is known only at its end.
    func contains(_ page: Int) -> Bool {
        guard let parts else { return true }
        return parts.contains { part in page >= part.first && page <= (part.last ?? Int.max) }
    }

    /// The pages selected of a document of `count` pages, each once, in the order given; nil for `all`.
    func numbers(upTo count: Int) -> [Int]? {
        guard let parts else { return nil }
        var seen = Set<Int>()
        var numbers: [Int] = []
        for part in parts where part.first <= count {
            for number in part.first...min(part.last ?? count, count) where seen.insert(number).inserted { numbers.append(number) }
        }
        return numbers
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
