import ArgumentParser
import Core
import Foundation
import PDF

/// Debugging aid: the page model (words with fonts, lines, rulings) as JSON lines, one page per line.
struct PageModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "page-model",
        abstract: "Print each page's words, lines and ruling lines as JSON (one page per line)."
    )

    @OptionGroup var input: PDFInputOptions

    func run() throws {
        try input.withPages { page in
            let object: [String: Any] = [
                "page": page.number, "width": page.width, "height": page.height,
                "words": page.words.map { ["text": $0.text, "bbox": $0.box.rounded, "font": $0.font.name,
                                           "size": $0.font.size, "bold": $0.font.isBold, "italic": $0.font.isItalic] },
                "lines": page.lines.map { ["text": $0.text, "bbox": $0.box.rounded] },
                "rulings": page.rulings.map { ["orientation": $0.orientation.rawValue, "bbox": $0.box.rounded] },
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            Output.line(String(decoding: data, as: UTF8.self))
        }
    }
}
