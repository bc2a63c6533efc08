import Core
import XCTest
@testable import PDF

final class BlockTests: XCTestCase {
    private func line(_ parts: [(String, Bool)], y: Double, size: Double = 10, x: Double = 50) -> TextLine {
        var cursor = x
        return TextLine(words: parts.map { text, bold in
            defer { cursor += Double(text.count) * size * 0.5 + 3 }
            return Make.word(text, cursor, y, size: size, bold: bold)
        })
    }

    private func page(_ lines: [TextLine]) -> Page {
        Page(number: 1, width: 595, height: 842, words: lines.flatMap(\.words), lines: lines, rulings: [])
    }

    func testBoldLabelWithColonIsALabelValueBlockWithItsContinuation() {
        let blocks = BlockBuilder().blocks(on: page([
            line([("Responsabile:", true), ("Responsabile", false), ("dell'area", false), ("finanziaria", false)], y: 100),
            line([("Traguardo", true), ("atteso:", true), ("Rispetto", false), ("dei", false), ("tempi", false)], y: 116),
            line([("medi", false), ("di", false), ("pagamento", false)], y: 128),
        ]))
        XCTAssertEqual(blocks.map(\.kind), [.labelValue, .labelValue])
        XCTAssertEqual(blocks[0].label, "Responsabile")
        XCTAssertEqual(blocks[0].value, "Responsabile dell'area finanziaria")
        XCTAssertEqual(blocks[1].label, "Traguardo atteso")
        XCTAssertEqual(blocks[1].value, "Rispetto dei tempi medi di pagamento")
    }

    /// A programme's name wrapped at the right of its row, then a heading at the left margin under it: the
    /// heading shares no column with the name, so it is a block of its own; a paragraph's next line, under it,
    /// still joins.
    func testALineBesideAParagraphStartsABlockOfItsOwn() {
        let blocks = BlockBuilder().blocks(on: page([
            line([("1", false), ("Organi", false)], y: 100, x: 420),
            line([("Istituzionali", false)], y: 110, x: 420),
            line([("OBIETTIVO", false), ("DI", false), ("ACCESSIBILITA'", false)], y: 120, x: 60),
            line([("per", false), ("i", false), ("cittadini", false)], y: 130, x: 60),
        ]))
        XCTAssertEqual(blocks.map(\.text), ["1 Organi Istituzionali", "OBIETTIVO DI ACCESSIBILITA' per i cittadini"])
    }

    func testAJustifiedLineSpreadOverTheWidthIsOneLine() {
        // Each word its own line, as poppler gives a justified last line broken by hand: equal gaps of 40 pt.
        let words = ["Indirizzo:", "Via", "Roma", "n.", "15,", "27022", "Casorate"]
        var x = 50.0
        let pieces = words.map { word -> TextLine in
            defer { x += Double(word.count) * 5 + 40 }
            return TextLine(words: [Make.word(word, x, 100, size: 10, bold: false)])
        }
        let blocks = BlockBuilder().blocks(on: page(pieces))
        XCTAssertEqual(blocks.map(\.kind), [.labelValue])
        XCTAssertEqual(blocks.first?.value, "Via Roma n. 15, 27022 Casorate")
        // Unequal gaps (a label, a word, a date at the margin) are pieces of their own.
        var apart = BlockSettings()
        apart.minJustifiedGaps = words.count
        let uneven = [TextLine(words: [Make.word("Oggetto", 50, 200, size: 10, bold: false)]),
                      TextLine(words: [Make.word("Verbale", 150, 200, size: 10, bold: false)]),
                      TextLine(words: [Make.word("seduta", 230, 200, size: 10, bold: false)]),
                      TextLine(words: [Make.word("01/02/2024", 480, 200, size: 10, bold: false)])]
        XCTAssertEqual(BlockBuilder().joiningJustifiedLines(uneven).count, 4)
        // (A page of wider lines, so that the pieces are no short line spread over the whole width.)
        let wide = TextLine(words: [Make.word("Premessa", 50, 300, width: 650, size: 10, bold: false)])
        XCTAssertEqual(BlockBuilder(settings: apart).joiningJustifiedLines(pieces + [wide]).count, pieces.count + 1,
                       "needing more gaps than the line has, it stays apart")
    }

    func testARuleBetweenTwoLinesKeepsThemApart() {
        let lines = [line([("1", false), ("Organi", false), ("Istituzionali", false)], y: 100),
                     line([("OBIETTIVO", false), ("DI", false), ("QUALITA'", false)], y: 112)]
        let ruled = Page(number: 1, width: 595, height: 842, words: lines.flatMap(\.words), lines: lines,
                         rulings: [Make.horizontal(110.5, 40, 500)])
        XCTAssertEqual(BlockBuilder().blocks(on: ruled).map(\.text), ["1 Organi Istituzionali", "OBIETTIVO DI QUALITA'"])
        XCTAssertEqual(BlockBuilder().blocks(on: page(lines)).count, 1, "without the rule, one paragraph")
    }

    func testProseSetLargerThanTheBodyIsNoHeading() {
        // Body in 8 pt; a paragraph in 10 pt whose lines fill the width and read on in lower case.
        let body = (0..<6).map { line([("Testo", false), ("del", false), ("corpo", false), ("in", false), ("piccolo", false)], y: 40 + Double($0) * 10, size: 8) }
        let prose = [line([("L'Amministrazione", false), ("intende", false), ("favorire", false), ("le", false), ("buone", false), ("pratiche", false)], y: 200),
                     line([("fra", false), ("la", false), ("popolazione", false)], y: 212)]
        let blocks = BlockBuilder().blocks(on: page(body + prose))
        XCTAssertEqual(blocks.last?.kind, .paragraph, "\(blocks.map(\.kind))")
        XCTAssertEqual(blocks.last?.text, "L'Amministrazione intende favorire le buone pratiche fra la popolazione")
        let heading = BlockBuilder().blocks(on: page(body + [line([("Stato", false), ("di", false), ("attuazione", false)], y: 200)]))
        XCTAssertEqual(heading.last?.kind, .heading, "a short line set larger is still a heading")
    }

    func testHeadingsParagraphsAndListItems() {
        let body = (0..<3).map { i in line([("Il", false), ("piano", false), ("della", false), ("performance", false), ("è", false), ("un", false),
                                            ("documento", false), ("programmatico", false), ("triennale", false)], y: 140 + Double(i) * 12) }
        let blocks = BlockBuilder().blocks(on: page([line([("2.2", true), ("Obiettivi", true), ("di", true), ("performance", true)], y: 100, size: 14)]
            + body + [line([("•", false), ("definizione", false), ("degli", false), ("obiettivi", false)], y: 190)]))
        XCTAssertEqual(blocks.map(\.kind), [.heading, .paragraph, .listItem])
        XCTAssertEqual(blocks[0].level, 2)
        XCTAssertEqual(blocks[1].text.split(separator: " ").count, 27)
    }

    func testListMarkersAndSectionNumbers() {
        XCTAssertTrue(BlockBuilder.startsWithListMarker("a) definizione degli obiettivi"))
        XCTAssertTrue(BlockBuilder.startsWithListMarker("• effettività"))
        XCTAssertTrue(BlockBuilder.startsWithListMarker("3) monitoraggio"))
        XCTAssertFalse(BlockBuilder.startsWithListMarker("2021/2022/2023"))
        XCTAssertFalse(BlockBuilder.startsWithListMarker("Art. 6 del decreto"))
        XCTAssertEqual(BlockBuilder.numberingDepth("2.2.1"), 3)
        XCTAssertEqual(BlockBuilder.numberingDepth("4."), 1)
        XCTAssertNil(BlockBuilder.numberingDepth("2021"))
        XCTAssertTrue(BlockBuilder.isSectionTitle("SEZIONE 2. VALORE PUBBLICO"))
        XCTAssertFalse(BlockBuilder.isSectionTitle("parte del Dipartimento della trasformazione digitale"))
    }

    func testSentenceRunningOnWithAColonIsNoLabel() {
        let blocks = BlockBuilder().blocks(on: page([
            line([("Re.Gis)", false), ("Torrente", false), ("Trobiolo", false), ("–", false), ("Asta", false), ("2:", false), ("lavori", false)], y: 100),
        ]))
        XCTAssertEqual(blocks.map(\.kind), [.paragraph])
    }

    func testATableHeaderRepeatedAtThePageTopIsNoRunningText() {
        // The same line at the same place on two pages: running text, unless it is the row of a ruled table
        // that reaches below the margin.
        let header = line([("Obiettivo", false), ("operativo", false), ("Descrizione", false)], y: 55, size: 8)
        let furniture = line([("Comune", false), ("di", false), ("Prova", false)], y: 30)
        let framed = [Make.horizontal(53, 40, 500), Make.horizontal(74, 40, 500)]
        let pageWithTable = Page(number: 1, width: 595, height: 842, words: (header.words + furniture.words), lines: [furniture, header], rulings: framed)
        let running = RunningText()
        running.learn(pageWithTable, zone: 0.08)
        running.learn(pageWithTable, zone: 0.08)
        XCTAssertTrue(running.isRunning(furniture, on: pageWithTable, zone: 0.08))
        XCTAssertFalse(running.isRunning(header, on: pageWithTable, zone: 0.08))
        let inBox = Page(number: 1, width: 595, height: 842, words: header.words, lines: [header],
                         rulings: [Make.horizontal(53, 40, 500), Make.horizontal(65, 40, 500)])
        XCTAssertTrue(running.isRunning(header, on: inBox, zone: 0.08), "a header framed inside the margin is furniture")
    }

    func testAShortJustifiedLineSpreadOverTheWidthIsOneParagraph() {
        // Three words of a justified line broken by hand, spread over the whole width with gaps of one width
        // (wider than any gap a justified line of many words leaves).
        let spread = [line([("OBIETTIVO", false)], y: 100, x: 57), line([("DI", false)], y: 100, x: 290),
                      line([("FORMAZIONE", false)], y: 100, x: 498)]
        let gaps = [290 - spread[0].box.x1, 498 - spread[1].box.x1]
        let fixed = [spread[0], line([("DI", false)], y: 100, x: spread[0].box.x1 + gaps.max()!), spread[2]]
        let balanced = [fixed[0], fixed[1], line([("FORMAZIONE", false)], y: 100, x: fixed[1].box.x1 + gaps.max()!)]
        let body = line([("Obiettivo", false), ("strategico:", false), ("8.8", false), ("Funzionamento", false), ("dell'Ente", false),
                         ("migliorare", false), ("il", false), ("funzionamento", false), ("della", false), ("macchina", false),
                         ("comunale", false), ("e", false), ("degli", false), ("uffici", false)], y: 112, x: 57)
        let blocks = BlockBuilder().blocks(on: page(balanced + [body]))
        XCTAssertEqual(blocks.first?.text, "OBIETTIVO DI FORMAZIONE", "\(blocks.map(\.text))")
        let uneven = BlockBuilder().blocks(on: page(spread + [body]))
        XCTAssertNotEqual(uneven.first?.text, "OBIETTIVO DI FORMAZIONE", "gaps of other widths are cells apart")
    }

    func testAFigureBesideTextAtThePageFootIsNoPageNumber() {
        // A table's last row at the foot of the page ("N. giornate … 2") is in the margin zone, but its figure
        // stands on a line of text that is no furniture: it stays. The page number alone under it is furniture.
        let label = line([("N.", false), ("giornate", false), ("di", false), ("svolgimento", false)], y: 782)
        let figure = line([("2", false)], y: 782, x: 375)
        let pageNumber = line([("33", false)], y: 805, x: 290)
        let foot = Page(number: 1, width: 595, height: 842, words: label.words + figure.words + pageNumber.words,
                        lines: [label, figure, pageNumber], rulings: [])
        let running = RunningText()
        running.learn(foot, zone: 0.08)
        XCTAssertFalse(running.isRunning(figure, on: foot, zone: 0.08))
        XCTAssertTrue(running.isRunning(pageNumber, on: foot, zone: 0.08))
    }

    func testPageNumbersAreRunningText() {
        XCTAssertTrue(RunningText.isPageNumber("Pagina 3 di 20"))
        XCTAssertTrue(RunningText.isPageNumber("- 8 -"))
        XCTAssertTrue(RunningText.isPageNumber("Pg. 3"))
        XCTAssertFalse(RunningText.isPageNumber("Triennio 2024-2026 del piano"))
    }

    /// A hyphen at a paragraph's line end is kept where the page writes the word with it elsewhere, and dropped as a
    /// break where it does not.
    func testAHyphenAtALineEndIsKeptWhereThePageWritesItElsewhere() {
        let paragraph = [line([("Il", false), ("progetto", false), ("Ring-", false)], y: 100),
                         line([("ding", false), ("parte", false), ("a", false), ("maggio.", false)], y: 112)]
        let elsewhere = [line([("Il", false), ("Ring-ding", false), ("è", false), ("aperto", false), ("a", false), ("tutti.", false)], y: 300)]
        XCTAssertEqual(BlockBuilder().blocks(on: page(paragraph + elsewhere)).map(\.text),
                       ["Il progetto Ring-ding parte a maggio.", "Il Ring-ding è aperto a tutti."])
        XCTAssertEqual(BlockBuilder().blocks(on: page(paragraph)).map(\.text), ["Il progetto Ringding parte a maggio."])
        let label = [line([("Progetto:", true), ("il", false), ("Ring-", false)], y: 100), line([("ding", false), ("di", false), ("maggio", false)], y: 112)]
        XCTAssertEqual(BlockBuilder().blocks(on: page(label + elsewhere)).first?.value, "il Ring-ding di maggio")
        XCTAssertEqual(BlockBuilder().blocks(on: page(label)).first?.value, "il Ringding di maggio")
    }
}
