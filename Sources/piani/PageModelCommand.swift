import ArgumentParser
import Core
import Foundation
import PDF

/// Debugging aid: the page model (words with fonts, lines, rulings) as JSON lines, one page per line.
struct PageModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "page-model",
        abstract: "Print each page's words, lines and rulings as JSON, a line a page.",
        usage: "piani page-model [<options>] <files> ..."
    )

    @OptionGroup var input: PDFInputOptions

    func run() throws {
        let failed = try input.eachDocument { document in
            guard case .pdf(let pdf) = document.opened else { throw InputFailure(document.argument, "not a PDF (page-model reads PDF pages)") }
            for number in document.pageNumbers ?? Array(1..<max(1, pdf.pageCount + 1)) {
                let page = try pdf.page(number)
                var object: [String: Any] = [
                    "page": page.number, "width": page.width, "height": page.height,
                    "words": page.words.map(Self.word),
                    "lines": page.lines.map { ["text": $0.text, "bbox": $0.box.rounded] },
                    "rulings": page.rulings.map { ["orientation": $0.orientation.rawValue, "bbox": $0.box.rounded] },
                ]
                if input.files.count > 1 { object["file"] = document.argument }
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
                Output.line(String(decoding: data, as: UTF8.self))
            }
        }
        try exitForFailures(failed)
    }

    /// A word's text, box and font, and how far it is turned when it is (`"rotation"`: 90 or 270, as `Word.rotation`).
    static func word(_ word: Word) -> [String: Any] {
        var object: [String: Any] = ["text": word.text, "bbox": word.box.rounded, "font": word.font.name, "size": word.font.size,
                                     "bold": word.font.isBold, "italic": word.font.isItalic]
        if word.rotation != 0 { object["rotation"] = word.rotation }
        return object
    }
}
