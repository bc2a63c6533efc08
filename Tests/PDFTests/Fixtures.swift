import Core
import Foundation
@testable import PDF

/// Small builders for geometry tests, and the paths of the shared test documents.
enum Make {
    static func word(_ text: String, _ x0: Double, _ y0: Double, width: Double? = nil, size: Double = 10,
                     bold: Bool = false) -> Word {
        let w = width ?? Double(text.count) * size * 0.5
        return Word(text: text, box: Rect(x0: x0, y0: y0, x1: x0 + w, y1: y0 + size),
                    font: FontInfo(name: bold ? "Arial-BoldMT" : "ArialMT", size: size, isBold: bold, isItalic: false), order: 0)
    }

    static func horizontal(_ y: Double, _ x0: Double, _ x1: Double) -> Ruling {
        Ruling(orientation: .horizontal, position: y, start: x0, end: x1)
    }

    static func vertical(_ x: Double, _ y0: Double, _ y1: Double) -> Ruling {
        Ruling(orientation: .vertical, position: x, start: y0, end: y1)
    }

    static func page(words: [Word], rulings: [Ruling] = [], width: Double = 595, height: Double = 842) -> Page {
        Page(number: 1, width: width, height: height, words: words, lines: [], rulings: rulings)
    }
}

enum Paths {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = packageRoot.appendingPathComponent("samples")
    static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")
    static let icdar = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/icdar2013-eu")

    static func sample(_ name: String) -> String { samples.appendingPathComponent(name).path }
    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }
    static func icdarDocument(_ name: String) -> String { icdar.appendingPathComponent(name).path }
}
