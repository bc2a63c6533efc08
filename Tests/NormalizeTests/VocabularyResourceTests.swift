import Core
import Foundation
import XCTest
@testable import Normalize

/// The bundled `vocabulary.yml`, its validation, and overrides of it from a pipeline's label override file.
final class VocabularyResourceTests: XCTestCase {
    private static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/Normalize")

    // MARK: Bundled

    func testBundledVocabularyLoads() throws {
        let vocabulary = try Vocabulary.bundled()
        XCTAssertFalse(vocabulary.listings.totalWords.isEmpty)
        XCTAssertFalse(vocabulary.listings.totalLevels.isEmpty)
        XCTAssertFalse(vocabulary.listings.areaOfCategory.isEmpty)
        XCTAssertFalse(vocabulary.objectives.categoryStems.isEmpty)
        XCTAssertEqual(vocabulary.objectives.months.count, 12)
        XCTAssertFalse(vocabulary.values.comparators.isEmpty)
        XCTAssertFalse(vocabulary.values.units.isEmpty)
        XCTAssertFalse(vocabulary.values.months.isEmpty)
    }

    func testTheBuildersDefaultsAreTheBundledData() throws {
        let bundled = try Vocabulary.bundled()
        XCTAssertEqual(ListingVocabulary.italian.totalWords, bundled.listings.totalWords)
        XCTAssertEqual(ObjectiveVocabulary.standard.sectionEnds, bundled.objectives.sectionEnds)
        XCTAssertEqual(ValueVocabulary.italian.fillerWords, bundled.values.fillerWords)
    }

    /// The vocabulary Swift files hold no word list literal: their words come from vocabulary.yml.
    func testNoWordListLiteralInTheVocabularyFiles() throws {
        let files = try XCTUnwrap(FileManager.default.enumerator(atPath: Self.sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix("Vocabulary.swift") }
        XCTAssertFalse(files.isEmpty)
        // A list of quoted lower-case words, opened on the line or continued from the line above, or a phrase.
        let literal = try NSRegularExpression(pattern: #"\[\s*"\p{Ll}[^"]*"\s*,|^"\p{Ll}[^"]*"\s*,|Phrase\(""#)
        for file in files {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = String(line.trimmingCharacters(in: .whitespaces))
                guard !code.hasPrefix("//") else { continue }
                let found = literal.firstMatch(in: code, range: NSRange(code.startIndex..., in: code))
                XCTAssertNil(found, "\(file):\(offset + 1): \(code)")
            }
        }
    }

    // MARK: Validation

    func testUnknownKeyNamesFileLineAndPath() {
        assertError(in: "vocabulary:\n  listings:\n    total_wrds: [\"somma\"]\n",
                    "over.yml:3: listings.total_wrds is not a known key")
        assertError(in: "vocabulary:\n  listing:\n    total_words: [\"somma\"]\n", "over.yml:2: listing is not a known key")
        assertError(in: "vocabulary:\n  listings:\n    total_levels:\n      - {word: \"somma\", level: \"titolo\", rank: 1, extra: 2}\n",
                    "over.yml:4: listings.total_levels[0].extra is not a known key")
    }

    func testWrongTypesNameFileLineAndPath() {
        assertError(in: "vocabulary:\n  listings:\n    total_words: \"somma\"\n", "over.yml:3: listings.total_words must be a list")
        assertError(in: "vocabulary:\n  listings:\n    total_words:\n      - \"somma\"\n      - 12\n",
                    "over.yml:5: listings.total_words[1] must be a string", prefixOnly: true)
        assertError(in: "vocabulary:\n  listings:\n    total_levels:\n      - {word: \"somma\", level: \"titolo\", rank: \"uno\"}\n",
                    "over.yml:4: listings.total_levels[0].rank must be an integer")
        assertError(in: "vocabulary:\n  values:\n    comparators:\n      - {words: \"circa\", comparator: \"~\"}\n",
                    "over.yml:4: values.comparators[0].comparator must be one of", prefixOnly: true)
        assertError(in: "vocabulary:\n  listings:\n    revenue_chart_prefix: \"EN\"\n",
                    "over.yml:3: listings.revenue_chart_prefix must be a single character")
    }

    func testMissingKeysNameFileLineAndPath() throws {
        assertError(in: "vocabulary:\n  listings:\n    total_levels:\n      - {word: \"somma\", level: \"titolo\"}\n",
                    "over.yml:4: listings.total_levels[0].rank is missing")
        let bundled = try BundledVocabulary.vocabularyYAML()
        let lines = bundled.split(separator: "\n", omittingEmptySubsequences: false)
        let removed = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("    coded_total_levels:") })
        let listings = try XCTUnwrap(lines.firstIndex { $0 == "  listings:" })
        let firstKey = try XCTUnwrap(lines[(listings + 1)...].firstIndex { $0.hasPrefix("    ") && !$0.hasPrefix("    #") })
        let incomplete = lines.enumerated().filter { $0.offset != removed }.map(\.element).joined(separator: "\n")
        XCTAssertThrowsError(try Vocabulary(yaml: incomplete, source: "vocabulary.yml")) { error in
            XCTAssertEqual(String(describing: error), "vocabulary.yml:\(firstKey + 1): listings.coded_total_levels is missing")
        }
    }

    func testAnOverrideFileWithABadVocabularyIsReportedWithItsLine() throws {
        let path = try write("vocabulary:\n  objectives:\n    point_words: \"punti\"\n")
        XCTAssertThrowsError(try DocumentNormalizer.bundled(labelOverrides: path)) { error in
            XCTAssertEqual(String(describing: error), "\(path):3: objectives.point_words must be a list")
        }
    }

    // MARK: Overrides

    func testAnOverrideReplacesTheListsItGivesOnly() throws {
        let bundled = try Vocabulary.bundled()
        let overridden = try bundled.overridden(byYAML: "labels:\n  staff:\n    fte: [\"ETP\"]\nvocabulary:\n  listings:\n    total_words: [\"somma\"]\n",
                                                source: "over.yml")
        XCTAssertEqual(overridden.listings.totalWords, ["somma"])
        XCTAssertEqual(overridden.listings.staffSectionTitles, bundled.listings.staffSectionTitles)
        XCTAssertEqual(overridden.objectives.sectionEnds, bundled.objectives.sectionEnds)
        XCTAssertEqual(overridden.values.yearWords, bundled.values.yearWords)
        XCTAssertEqual(try bundled.overridden(byYAML: "labels:\n  staff:\n    fte: [\"ETP\"]\n", source: "over.yml").listings.totalWords,
                       bundled.listings.totalWords)
    }

    /// An override adding the total word "somma": the row "SOMMA TITOLO 3" closes the titolo.
    func testTheBuildersUseTheOverriddenWords() throws {
        let words = try Vocabulary.bundled().listings.totalWords.sorted().map { "\"\($0)\"" } + ["\"somma\""]
        let path = try write("vocabulary:\n  listings:\n    total_words: [\(words.joined(separator: ", "))]\n")
        let overridden = try DocumentNormalizer.bundled(labelOverrides: path)
        let bundled = try DocumentNormalizer.bundled()
        XCTAssertEqual(totalLevels(normalizing: budgetListing(totalRow: "SOMMA TITOLO 3"), with: overridden), ["titolo"])
        XCTAssertEqual(totalLevels(normalizing: budgetListing(totalRow: "SOMMA TITOLO 3"), with: bundled), [])
        XCTAssertEqual(totalLevels(normalizing: budgetListing(totalRow: "TOTALE TITOLO 3"), with: overridden), ["titolo"])
    }

    // MARK: Helpers

    private func assertError(in yaml: String, _ expected: String, prefixOnly: Bool = false, line: UInt = #line) {
        XCTAssertThrowsError(try Vocabulary.bundled().overridden(byYAML: yaml, source: "over.yml"), line: line) { error in
            let message = String(describing: error)
            if prefixOnly {
                XCTAssertTrue(message.hasPrefix(expected), message, line: line)
            } else {
                XCTAssertEqual(message, expected, line: line)
            }
        }
    }

    private func write(_ yaml: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vocabulary-\(UUID().uuidString).yml")
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    /// A revenue listing: a part heading, a header, one line and a row that may be a total.
    private func budgetListing(totalRow: String) -> (blocks: [Block], tables: [Table]) {
        let heading = Block(kind: .heading, page: 1, bbox: Rect(x0: 0, y0: 0, x1: 100, y1: 10), text: "PARTE ENTRATE",
                            fontSize: 10, isBold: true)
        let rows = [["Tit", "Piano Fin. 118/11", "Capitolo", "", "Descrizione", "Previsione iniziale", "Previsione attuale",
                     "Accertato", "Disponibilità", "Riscosso"],
                    ["3", "E.3.05.02.03.004", "466", "0", "INTROITI DA COMPOSTER", "500,00", "500,00", "219,60", "280,40", "219,60"],
                    [totalRow, "", "", "", "", "500,00", "500,00", "219,60", "280,40", "219,60"]]
        let table = Table(page: 1, bbox: Rect(x0: 0, y0: 20, x1: 500, y1: 120), rows: rows, method: "stream")
        return ([heading], [table])
    }

    private func totalLevels(normalizing input: (blocks: [Block], tables: [Table]), with normalizer: DocumentNormalizer) -> [String] {
        let facts = FileFacts(sha256: "0", fileName: "listing.pdf", format: "pdf")
        let records = normalizer.normalize(file: facts, blocks: input.blocks, tables: input.tables).records
        return records.filter { $0.type == .budgetLine && $0["is_total"]?.json == .bool(true) }
            .compactMap { record in
                guard case .string(let level)? = record["total_level"]?.json else { return nil }
                return level
            }
    }
}
