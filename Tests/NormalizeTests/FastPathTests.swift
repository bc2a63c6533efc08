import Core
import Foundation
import XCTest
@testable import Normalize

/// The byte readings of ASCII text give what the character readings they stand for give.
final class FastPathTests: XCTestCase {
    private let samples: [String] = {
        var samples = ["", " ", "a", "ab cd", " ab  cd ", "tempi di raggiungimento", "a\r\nb", "\r\n", "x\r", "città è già", "e\u{301} x",
                       "% partecipazion e", "naïve café", "Ελληνικά", "👩‍👩‍👧 x", "a\u{200D}b", "1\u{00A0}2", "ﬁne", "a\u{0903}b"]
        let alphabet = ["a", "b", " ", "\r", "\n", "é", "\u{301}", "1"]
        var layer = [""]
        for _ in 1...4 {
            layer = layer.flatMap { text in alphabet.map { text + $0 } }
            samples += layer
        }
        return samples
    }()

    func testLabelKeyCompactsASCIIAsItsCharacters() {
        for text in samples {
            let fast = LabelKey.compacted(text), reference = LabelKey.compactedByCharacters(text)
            XCTAssertEqual(fast.compact, reference.compact, text.debugDescription)
            XCTAssertEqual(fast.ends, reference.ends, text.debugDescription)
            XCTAssertEqual(fast.length, reference.length, text.debugDescription)
        }
    }

    func testCompactKeyOfPlainTextIsThatOfTheLabelKey() {
        let markup = ["<b>Peso:</b>", "&amp; x", "[a](b) c", "**Target**", "__x__", "a\\*b", "# Titolo", "a_b", "1 < 2", "Valore atteso",
                      "TARGET 2024 %", "l'obiettivo (stakeholder):", "a\tb\nc", "x`y"]
        for text in samples + markup {
            let key = LabelKey(text)
            for limit in [0, 1, 3, 8, Int.max] {
                XCTAssertEqual(LabelKey.compactKey(of: text, limit: limit), key.length <= limit ? key.compact : nil, "\(text.debugDescription) \(limit)")
            }
        }
    }

    /// A run of words read word by word has the key of the words joined, whatever words come before and after plain ones.
    func testCompactKeyOfARunIsThatOfTheWordsJoined() {
        let words = ["Valore", "atteso", "2024", "%", "<b>Peso", "Peso:</b>", "&amp;", "e\u{301}", "\u{301}x", "città", "l’obiettivo",
                     "**x**", "a_b", "[a](b)", "#", "\t", "x\r", "\nb", "ﬁne", "TARGET", "raggiunto", "",
                     "\u{0903}x", "ΟΔΟΣ", "x\u{00AD}y", "\u{00A0}", "<span", "class=x>Peso", "Attività", "e\u{0600}"]
        var runs: [[String]] = words.map { [$0] }
        for a in words { for b in words { runs.append([a, b]) } }
        for a in words.prefix(8) + words.suffix(8) { for b in words { for c in words.suffix(8) { runs.append([a, b, c]) } } }
        for run in runs {
            for limit in [0, 2, 6, 12, Int.max] {
                XCTAssertEqual(LabelKey.compactKey(ofRun: run[...], limit: limit), LabelKey.compactKey(of: run.joined(separator: " "), limit: limit),
                               "\(run.debugDescription) \(limit)")
            }
        }
    }

    /// The exact lookup gives what the scored match gives when that match is exact, and nil otherwise: on every
    /// label of each record type, written as tables and sheets write them, run into other words, cut short or
    /// mistyped, and on cell texts that are no label.
    func testExactMatchIsTheScoredMatchWhenExact() throws {
        let matcher = try LabelMatcher.bundled()
        let common = ["", " ", ":", "2024", "target raggiunto", "Valore atteso Rispetto scadenze", "Sindaco Facchini", "OBBIETTIVO",
                      "% partecipazion e", "respon- sabile", "Responsabil e politico", "a chi e rivolto", "città è già"]
        for (type, fields) in matcher.dictionary.fields {
            var texts = common
            for label in fields.flatMap(\.labels) {
                let words = label.split(separator: " ")
                texts += [label, label.uppercased(), label + ":", "<b>" + label + ":</b>", label + " 2024", "Totale " + label,
                          String(label.dropLast()), words.joined(separator: "  "), words.dropLast().joined(separator: " ")]
            }
            for text in texts {
                let scored = matcher.match(text, in: type).flatMap { match -> LabelMatch? in
                    if case .exact = match.quality { return match }
                    return nil
                }
                XCTAssertEqual(matcher.exactMatch(text, in: type), scored, "\(type.rawValue): \(text.debugDescription)")
            }
        }
    }

    func testEditDistanceOfASCIIBytesIsThatOfCharacters() {
        let words = ["", "obiettivo", "obbiettivo", "obiettivi", "responsabile", "respon sabile", "a\r\nb", "a\rb", "città", "citta"]
        for a in words + samples.prefix(200) {
            for b in words {
                for limit in 0...3 {
                    XCTAssertEqual(EditDistance.levenshtein(a, b, limit: limit), EditDistance.levenshtein(Array(a), Array(b), limit: limit),
                                   "\(a.debugDescription) \(b.debugDescription) \(limit)")
                }
            }
        }
    }

    func testCollapsedWhitespaceIsThatOfTheScalars() {
        for text in samples + ["\u{00AD}soft\u{00A0}space\u{2009}thin\t\n", "  a\u{3000}b  "] {
            XCTAssertEqual(TextCleaner.collapseWhitespace(text), referenceCollapse(text), text.debugDescription)
        }
    }

    private func referenceCollapse(_ text: String) -> String {
        let pieces = text.unicodeScalars.filter { $0 != "\u{00AD}" }.split { $0.properties.isWhitespace }
        return pieces.map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
    }

    /// A cursor turns a phrase down on its first byte only where the characters compare unequal anyway.
    func testCursorConsumesAsCharacterComparisonDoes() {
        let phrases = ["€", "euro", "eur", "é", "e\u{301}", "km", "n.", "%", "<", "≤", "almeno", "a"]
        let texts = ["€ 10", "euro 5", "euros", "é", "e\u{301}x", "e\u{301}", "km 32", "Km 32", "n. 4", "% x", "≤ 3", "almeno 2", "a", "", " a"]
        for text in texts {
            for phrase in phrases {
                var cursor = TextCursor(text)
                XCTAssertEqual(cursor.consume(phrase), referenceConsume(text, phrase), "\(text.debugDescription) \(phrase.debugDescription)")
            }
        }
    }

    private func referenceConsume(_ text: String, _ phrase: String) -> Bool {
        let chars = Array(text), wanted = Array(phrase)
        guard !wanted.isEmpty, chars.count >= wanted.count, Array(chars.prefix(wanted.count)) == wanted else { return false }
        if wanted.last!.isLetter, chars.count > wanted.count, chars[wanted.count].isLetter || chars[wanted.count].isNumber { return false }
        return true
    }

    /// The classifier counts its window piece by piece: pieces that end with a line feed add up to the whole.
    func testCountsOfLineEndedPiecesAddUp() {
        let pieces = ["a\r", "\u{301}b", "\r", "\n", "👩", "\u{200D}👩", "é", "", "x\u{0903}"].map { $0 + "\n" }
        var whole = "", sum = 0
        for piece in pieces {
            whole += piece
            sum += piece.count
            XCTAssertEqual(whole.count, sum, whole.debugDescription)
        }
    }
}
