import Core
import XCTest
@testable import PDF

/// Rows of text-only tables told by the spacing of their lines (`RowSpacing`), and two such tables one under
/// the other (`RegionFinder.splitAtColumnChange`). Pages of words made for each rule, size 10: a cell's lines
/// 12 pt apart, padded rows 16 pt apart.
final class RowSpacingTests: XCTestCase {
    private let settings = TableSettings()

    private func grid(_ words: [Word]) -> [[String]]? {
        let region = TableRegion(kind: .stream, box: Rect.enclosing(words.map(\.box))!, rulings: [])
        return GridExtractor(settings: settings).extract(region: region, words: words)?.rows
    }

    /// Every column wraps onto a second line (so no line is a subset of the one above), and the rows are padded:
    /// the lines one pitch apart are one row, those a padding further start the next.
    func testPaddedRowsWhoseCellsAllWrapAreOneRowEach() {
        var words: [Word] = []
        var y = 100.0
        for (first, second) in [(["Area", "Azione", "obiettivo"], ["uno", "prima", "primo"]),
                                (["Area", "Azione", "obiettivo"], ["due", "seconda", "secondo"]),
                                (["Area", "Azione", "obiettivo"], ["tre", "terza", "terzo"])] {
            words += zip(first, [50.0, 150, 250]).map { Make.word($0, $1, y) }
            words += zip(second, [50.0, 150, 250]).map { Make.word($0, $1, y + 12) }
            y += 12 + 16
        }
        XCTAssertEqual(grid(words), [["Area uno", "Azione prima", "obiettivo primo"],
                                     ["Area due", "Azione seconda", "obiettivo secondo"],
                                     ["Area tre", "Azione terza", "obiettivo terzo"]])
    }

    /// A row that leaves the first columns empty (they span from the row above) stands a padding under the wrapped
    /// lines of the row above: it is a row of its own, not their continuation.
    func testAPaddedRowUnderAWrappedOneIsARowOfItsOwn() {
        let words = [
            Make.word("Cultura", 50, 100), Make.word("Eventi", 150, 100), Make.word("Mostre", 250, 100),
            Make.word("estive", 150, 112), Make.word("locali", 250, 112),
            Make.word("Letture", 250, 128),
            Make.word("Sport", 50, 144), Make.word("Palestre", 150, 144), Make.word("Corsi", 250, 144),
            Make.word("comunali", 150, 156), Make.word("serali", 250, 156),
        ]
        XCTAssertEqual(grid(words), [["Cultura", "Eventi estive", "Mostre locali"], ["", "", "Letture"],
                                     ["Sport", "Palestre comunali", "Corsi serali"]])
    }

    /// Header cells of one, two and three lines centred in their row stand half a line apart: one header row.
    func testHeaderCellsCentredAtOtherHeightsAreOneRow() {
        let words = [
            Make.word("AREE", 50, 100, bold: true),
            Make.word("AZIONI", 150, 106, bold: true),
            Make.word("STRATEGICHE", 40, 112, bold: true), Make.word("OBIETTIVI", 250, 112, bold: true),
            Make.word("DI GOVERNO", 150, 118, bold: true),
            Make.word("INTERVENTO", 42, 124, bold: true),
            Make.word("Cultura", 50, 140), Make.word("Eventi", 150, 140), Make.word("Mostre", 250, 140),
            Make.word("Sport", 50, 156), Make.word("Palestre", 150, 156), Make.word("Corsi", 250, 156),
        ]
        XCTAssertEqual(grid(words)?.first, ["AREE STRATEGICHE INTERVENTO", "AZIONI DI GOVERNO", "OBIETTIVI"])
        XCTAssertEqual(grid(words)?.count, 3)
    }

    /// Single-line records between a padded header and a padded total: the padding shows at the table's ends only,
    /// so the records stay rows of their own (and so do lines of figures wherever they stand).
    func testRecordsBetweenAPaddedHeaderAndTotalStayRows() {
        var words = [Make.word("Voce", 50, 100), Make.word("Freq.", 150, 100), Make.word("Percent", 250, 100)]
        for (r, name) in ["uno", "due", "tre"].enumerated() {
            let y = 116 + Double(r) * 12
            words += [Make.word(name, 50, y), Make.word("\(r + 3)4", 150, y), Make.word("\(r + 1)1.2", 250, y)]
        }
        words += [Make.word("Totale", 50, 156), Make.word("129", 150, 156), Make.word("100.0", 250, 156)]
        XCTAssertEqual(grid(words)?.count, 5)
    }

    /// In a padded table, a line after a wider gap whose words stand on several baselines (cells holding paragraphs
    /// set apart, each at its own height) is no row start by its spacing: the text decides.
    func testALineMixingBaselinesAfterAWiderGapIsLeftToTheText() {
        func line(_ bottoms: [Double]) -> VisualLine {
            let words = bottoms.enumerated().map { Make.word("parola", 50 + Double($0.offset) * 100, $0.element - 10) }
            return VisualLine(words: words, box: Rect.enclosing(words.map(\.box))!)
        }
        let lines = [line([110, 110]), line([122, 122]), line([138, 138]), line([150, 150]), line([166, 166]),
                     line([178, 178]), line([192, 195]), line([207, 207])]
        let breaks = RowSpacing.breaks(of: lines)
        XCTAssertEqual(breaks[2], .newRow)
        XCTAssertEqual(breaks[6], .unknown)
    }

    func testBreaksOfUnpaddedLinesAreLeftToTheText() {
        let lines = (0..<5).map { r in VisualLine(words: [Make.word("riga", 50, 100 + Double(r) * 12)],
                                                  box: Rect(x0: 50, y0: 100 + Double(r) * 12, x1: 70, y1: 110 + Double(r) * 12)) }
        XCTAssertEqual(RowSpacing.breaks(of: lines), [.newRow, .unknown, .unknown, .unknown, .unknown])
    }

    /// Single-line rows a line and a half apart, some further: no cell's lines stand that far apart, so the spacing
    /// says nothing about rows (a card's value row under its label row stays a row of its own).
    func testGapsWiderThanLineSpacingAreNoCellPitch() {
        let bottoms: [Double] = [110, 126, 142, 162, 182, 198, 214]
        let lines = bottoms.map { y in VisualLine(words: [Make.word("riga", 50, y - 10)], box: Rect(x0: 50, y0: y - 10, x1: 70, y1: y)) }
        XCTAssertEqual(RowSpacing.breaks(of: lines), [.newRow] + Array(repeating: .unknown, count: 6))
    }

    /// A staff list and, after a gap, an objective table opening with its header, their columns at other places:
    /// two tables. The header's first line holds one cell, set higher than the rest of the header: it stays.
    func testTwoTextTablesOneUnderTheOtherAreTwoRegions() {
        var words: [Word] = []
        for r in 0..<4 {
            let y = 100 + Double(r) * 14
            words += [Make.word("\(r + 1).", 50, y), Make.word("Rossi", 70, y), Make.word("Istruttore", 180, y), Make.word("D\(r + 1)", 400, y)]
        }
        words += [Make.word("AREE", 60, 164, bold: true),
                  Make.word("STRATEGICHE", 50, 170, bold: true), Make.word("OBIETTIVI", 240, 170, bold: true), Make.word("PERSONALE", 450, 170, bold: true)]
        for r in 0..<4 {
            let y = 186 + Double(r) * 14
            words += [Make.word("Cultura", 50, y), Make.word("Eventi", 240, y), Make.word("Bianchi", 450, y)]
        }
        let regions = RegionFinder(settings: settings).streamRegions(words: words)
        XCTAssertEqual(regions.count, 2)
        XCTAssertEqual(regions.last.map { $0.box.y0 }, 164)
    }
}

/// The edges of text-only tables: the last line of a wrapped cell, two records above another table, cells of long
/// text in short lines, and the records of a padded listing.
final class TextTableEdgeTests: XCTestCase {
    private let settings = TableSettings()

    /// The last line of the table holds only the end of a wrapped cell (not in the first column), as close under
    /// the line above as the table's closest lines: it is part of the table.
    func testTheLastLineOfAWrappedCellStaysInTheTable() {
        var words: [Word] = []
        for r in 0..<3 {
            let y = 100 + Double(r) * 14
            words += [Make.word("Voce\(r)", 50, y), Make.word("testo", 150, y), Make.word("entro", 300, y)]
        }
        words.append(Make.word("anno", 150, 142))
        let regions = RegionFinder(settings: settings).streamRegions(words: words)
        XCTAssertEqual(regions.first?.box.y1, 152)
    }

    /// Two staff records, then after a gap an objective table with its header, columns elsewhere: the two records
    /// are a table of their own (they start their cells at the same places).
    func testTwoRecordsAboveAnotherTableAreATableOfTheirOwn() {
        var words: [Word] = []
        for r in 0..<2 {
            let y = 100 + Double(r) * 14
            words += [Make.word("\(r + 1)", 50, y), Make.word("Rossi", 70, y), Make.word("Istruttore", 180, y), Make.word("D\(r + 1)", 400, y)]
        }
        words += [Make.word("AREE", 50, 140, bold: true), Make.word("OBIETTIVI", 240, 140, bold: true), Make.word("PERSONALE", 450, 140, bold: true)]
        for r in 0..<4 {
            let y = 156 + Double(r) * 14
            words += [Make.word("Cultura", 50, y), Make.word("Eventi", 240, y), Make.word("Bianchi", 450, y)]
        }
        let regions = RegionFinder(settings: settings).streamRegions(words: words)
        XCTAssertEqual(regions.map(\.box.y0), [100, 140])
    }

    /// A card without rules: bold labels centred over values left-aligned in other places, then, after a wider
    /// gap, the card's description and phases in two columns of their own. The head is a table of its own; two
    /// bold headings one under the other in the same place are not.
    func testACardsHeadOfLabelsOverValuesIsATableOfItsOwn() {
        func card(labelsBold: Bool, valuesBold: Bool) -> [Word] {
            var words = [Make.word("Settore", 128, 100, bold: labelsBold), Make.word("Dirigente", 298, 100, bold: labelsBold),
                         Make.word("Sistema", 457, 100, bold: labelsBold)]
            words += [Make.word("Amministrativo", 60, 113, bold: valuesBold), Make.word("Deborah Ariboni", 229, 113, bold: valuesBold)]
            for r in 0..<4 {
                let y = 134 + Double(r) * 11
                words += [Make.word("descrizione \(r)", 60, y), Make.word("fase \(r) da attuare", 201, y)]
            }
            return words
        }
        let finder = RegionFinder(settings: settings)
        XCTAssertEqual(finder.streamRegions(words: card(labelsBold: true, valuesBold: false)).map(\.box.y0), [100, 134])
        XCTAssertEqual(finder.streamRegions(words: card(labelsBold: true, valuesBold: true)).map(\.box.y0), [100], "no table of its own")
    }

    /// A listing's grand total set a gap under its last row, or in a frame of its own with other padding: the
    /// total's amounts stand over the listing's amounts, so the line is the listing's last row. A line of
    /// amounts elsewhere is not, nor is a total held by a region with more lines.
    func testATotalSetApartUnderItsListingIsItsLastRow() {
        var words: [Word] = []
        for r in 0..<3 {
            let y = 100 + Double(r) * 12
            words += [Make.word("Voce \(r)", 50, y, size: 8), Make.word("1.000,00", 300, y, width: 36, size: 8),
                      Make.word("2.000,00", 360, y, width: 36, size: 8), Make.word("3.000,00", 420, y, width: 36, size: 8)]
        }
        let listing = TableRegion(kind: .stream, box: Rect.enclosing(words.map(\.box))!, rulings: [])
        func total(at xs: [Double]) -> [Word] {
            [Make.word("TOTALE", 50, 148, size: 8, bold: true)] + xs.map { Make.word("12.000,00", $0, 148, width: 42, size: 8, bold: true) }
        }
        let finder = RegionFinder(settings: settings)
        let framed = total(at: [297, 357, 417])
        let frame = TableRegion(kind: .ruledStack, box: Rect.enclosing(framed.map(\.box))!.expanded(by: 2), rulings: [])
        let reached = finder.reachingTotalLine(listing, lines: VisualLines.lines(of: words + framed), others: [listing, frame])
        XCTAssertEqual(reached.box.y1, 156)
        let elsewhere = total(at: [150, 210, 480])
        XCTAssertEqual(finder.reachingTotalLine(listing, lines: VisualLines.lines(of: words + elsewhere), others: [listing]).box.y1, 132)
        let wider = TableRegion(kind: .stream, box: Rect(x0: 40, y0: 140, x1: 470, y1: 180), rulings: [])
        let held = VisualLines.lines(of: words + framed + [Make.word("nota", 50, 165, size: 8)])
        XCTAssertEqual(finder.reachingTotalLine(listing, lines: held, others: [listing, wider]).box.y1, 132)
    }

    /// A month grid ruled by rows alone, its header of month names set a word space apart (one line of text to
    /// the chunking, across the whole width, as running text is): each name starts where the marks under it
    /// start, so the band is the table's header and not prose between rules.
    func testANarrowSetHeaderAlignedWithItsCellsStaysInARuledStack() {
        let months = ["Gennaio", "Febbraio", "Marzo", "Aprile", "Maggio", "Giugno", "Luglio", "Agosto", "Settembre"]
        var words = [Make.word("Fasi", 60, 104, size: 8)]
        var x = 80.0
        var starts: [Double] = []
        for month in months {
            words.append(Make.word(month, x, 104, size: 8))
            starts.append(x)
            x += Double(month.count) * 4 + 4
        }
        for (row, marked) in [[0, 1, 2], [3, 4], [5, 6, 7, 8]].enumerated() {
            let y = 120 + Double(row) * 14
            words.append(Make.word("\(row + 1)", 72, y, size: 8))
            words += marked.map { Make.word("X", starts[$0], y, size: 8) }
        }
        let rulings = [100.0, 116, 130, 144, 158].map { Make.horizontal($0, 45, x + 10) }
        let regions = RegionFinder(settings: settings).ruledRegions(rulings: rulings, words: words)
        XCTAssertEqual(regions.map(\.box.y0), [100])
        // One row marking the last five months: half the header's words are over marks, and every mark but
        // the phase number has a label over it.
        let sparse = words.filter { $0.box.y0 < 110 } + [Make.word("1", 72, 120, size: 8)] + starts.suffix(5).map { Make.word("X", $0, 120, size: 8) }
        let sparseRegions = RegionFinder(settings: settings).ruledRegions(rulings: Array(rulings.prefix(3)), words: sparse)
        XCTAssertEqual(sparseRegions.map(\.box.y0), [100])
    }

    /// Descriptions of twenty-four words wrapped in a narrow column, four words a line: a table of short lines, not
    /// running text in columns.
    func testCellsOfLongTextInShortLinesAreATable() throws {
        var words: [Word] = []
        var y = 100.0
        for r in 0..<4 {
            words += [Make.word("Area\(r)", 50, y), Make.word("entro", 400, y)]
            for line in 0..<6 {
                words += (0..<4).map { Make.word("parola", 150 + Double($0) * 33, y + Double(line) * 12) }
            }
            y += 6 * 12 + 4
        }
        let page = Page(number: 1, width: 600, height: 800, words: words, lines: [], rulings: [])
        let tables = TableExtractor(settings: settings).tables(on: page)
        XCTAssertEqual(tables.count, 1)
        XCTAssertEqual(tables.first?.rows.count, 4)
    }

    /// A padded listing whose records have long descriptions: records with two amounts or more stay rows however
    /// close they stand, while a wrapped description line joins its row.
    func testListingRecordsWithAmountsStayRowsInAPaddedTable() {
        var words: [Word] = []
        var y = 100.0
        for r in 0..<8 {
            words += [Make.word("1023\(r)", 50, y), Make.word("SPESE", 100, y), Make.word("PER", 140, y), Make.word("SERVIZI", 170, y),
                      Make.word("DIGITALI", 220, y), Make.word("1.000,00", 300, y), Make.word("2.000,00", 360, y)]
            if r % 2 == 0 {
                words.append(Make.word("comunali", 100, y + 12))
                y += 12
            }
            y += r % 2 == 0 ? 16 : 12
        }
        let region = TableRegion(kind: .stream, box: Rect.enclosing(words.map(\.box))!, rulings: [])
        let rows = GridExtractor(settings: settings).extract(region: region, words: words)?.rows
        XCTAssertEqual(rows?.count, 8)
        XCTAssertEqual(rows?.first?.contains { $0.hasSuffix("comunali") }, true)
    }
}

final class HeaderOnlyColumnTests: XCTestCase {
    /// The rows the grid reads from the words as one text-only region.
    private func textTableRows(_ words: [Word]) -> [[String]]? {
        let region = TableRegion(kind: .stream, box: Rect.enclosing(words.map(\.box))!, rulings: [])
        return GridExtractor(settings: TableSettings()).extract(region: region, words: words)?.rows
    }

    /// Header labels of two lines centred over their columns, counts right-aligned under them (a staff table set
    /// without rules, words as a page gave them): the text gaps put each label and its values in columns of their
    /// own, which are one column.
    func testAHeaderLabelCentredOverRightAlignedValuesIsTheirColumn() {
        let words = [
            Make.word("PROFILO", 126.9, 268.9, width: 36.9, size: 7.6),
            Make.word("PROF.", 132.9, 278.7, width: 24.8, size: 7.6),
            Make.word("CAT.", 67.8, 274.2, width: 17.8, size: 7.6),
            Make.word("POSTI", 217.3, 268.9, width: 25.5, size: 7.6),
            Make.word("PREVISTI", 210.6, 278.7, width: 38.8, size: 7.6),
            Make.word("POSTI", 286.7, 268.9, width: 25.5, size: 7.6),
            Make.word("COPERTI", 281.3, 278.7, width: 36.3, size: 7.6),
            Make.word("VACANTI", 349.0, 274.2, width: 37.1, size: 7.6),
            Make.word("D7", 61.0, 290.7, width: 10.7, size: 7.6),
            Make.word("ISTRUTT.", 100.3, 290.7, width: 33.2, size: 7.6),
            Make.word("DIR.", 135.9, 290.7, width: 15.5, size: 7.6),
            Make.word("1", 256.9, 290.7, width: 4.8, size: 7.6),
            Make.word("1", 324.4, 290.7, width: 4.8, size: 7.6),
            Make.word("0", 393.1, 290.7, width: 4.8, size: 7.6),
            Make.word("BOZZA", 405.9, 290.7, width: 26.7, size: 7.6),
            Make.word("C5", 61.0, 302.7, width: 10.1, size: 7.6),
            Make.word("ISTRUTT.", 100.3, 302.7, width: 33.2, size: 7.6),
            Make.word("AMM.", 135.9, 302.7, width: 20.7, size: 7.6),
            Make.word("2", 256.9, 302.7, width: 4.8, size: 7.6),
            Make.word("2", 324.4, 302.7, width: 4.8, size: 7.6),
            Make.word("0", 393.1, 302.7, width: 4.8, size: 7.6),
            Make.word("CELLA", 405.9, 302.7, width: 23.9, size: 7.6),
            Make.word("MEROLA", 432.2, 302.7, width: 32.2, size: 7.6),
            Make.word("C4", 61.0, 314.7, width: 10.1, size: 7.6),
            Make.word("ISTRUTT.", 100.3, 314.7, width: 33.2, size: 7.6),
            Make.word("AMM.", 135.9, 314.7, width: 20.7, size: 7.6),
            Make.word("1", 256.9, 314.7, width: 4.8, size: 7.6),
            Make.word("1", 324.4, 314.7, width: 4.8, size: 7.6),
            Make.word("0", 393.1, 314.7, width: 4.8, size: 7.6),
            Make.word("RAINERI", 405.9, 314.7, width: 30.4, size: 7.6),
            Make.word("C2", 61.0, 326.7, width: 10.1, size: 7.6),
            Make.word("ISTRUTT.", 100.3, 326.7, width: 33.2, size: 7.6),
            Make.word("AMM.", 135.9, 326.7, width: 20.7, size: 7.6),
            Make.word("2", 256.9, 326.7, width: 4.8, size: 7.6),
            Make.word("2", 324.4, 326.7, width: 4.8, size: 7.6),
            Make.word("0", 393.1, 326.7, width: 4.8, size: 7.6),
            Make.word("TELLAROLI", 405.9, 326.7, width: 41.0, size: 7.6),
            Make.word("MARTINES", 449.3, 326.7, width: 38.6, size: 7.6),
        ]
        let rows = textTableRows(words)
        XCTAssertEqual(rows?.first, ["CAT.", "PROFILO PROF.", "POSTI PREVISTI", "POSTI COPERTI", "VACANTI", ""])
        XCTAssertEqual(rows?[1], ["D7", "ISTRUTT. DIR.", "1", "1", "0", "BOZZA"])
    }

    /// A card's label row over its one value row (words as a Writer page gave them, rules above and below only):
    /// labels centred, values left-aligned, so text gaps put "Settore" and "Amministrativo" in columns of their
    /// own. One value is too few to count, but the label stands nearer its value than it is long: one column.
    /// The last label, over no value, stays a column.
    func testACardLabelCentredOverItsOneValueIsItsColumn() {
        let words = [
            Make.word("Settore", 123.4, 262.7, width: 29.2, size: 9),
            Make.word("Dirigente", 282.2, 262.7, width: 36.8, size: 9),
            Make.word("Sistema", 425.1, 262.7, width: 32.5, size: 9),
            Make.word("Premiante", 460.0, 262.7, width: 41.1, size: 9),
            Make.word("Amministrativo", 58.2, 276.3, width: 55.7, size: 9),
            Make.word("Deborah", 220.7, 276.3, width: 32.6, size: 9),
            Make.word("Ariboni", 255.6, 276.3, width: 26.5, size: 9),
        ]
        let rows = textTableRows(words)
        XCTAssertEqual(rows, [["Settore", "Dirigente", "Sistema Premiante"], ["Amministrativo", "Deborah Ariboni", ""]])
    }

    /// A value column whose words are set left and figures right: the text gap between them cuts the header
    /// "Valore atteso" in two, but no row fills both halves and the header reads on ("atteso"): one column.
    /// Two columns filled in one row stay apart.
    func testAHeaderPhraseCutByAnEdgeNoRowNeedsIsOneColumn() {
        func words(bothInRow: Bool) -> [Word] {
            var words = [Make.word("Descrizione", 60, 100), Make.word("Valore", 200, 100), Make.word("atteso", 240, 100),
                         Make.word("Raggiunto", 400, 100)]
            words += [Make.word("Aggiornamento", 60, 114), Make.word("SI", 200, 114)]
            words += [Make.word("Pubblicazioni", 60, 128), Make.word("150", 262, 128)]
            words += [Make.word("Controlli", 60, 142), Make.word("SI", 200, 142)] + (bothInRow ? [Make.word("20", 267, 142)] : [])
            return words
        }
        XCTAssertEqual(textTableRows(words(bothInRow: false)), [["Descrizione", "Valore atteso", "Raggiunto"], ["Aggiornamento", "SI", ""],
                                                       ["Pubblicazioni", "150", ""], ["Controlli", "SI", ""]])
        XCTAssertEqual(textTableRows(words(bothInRow: true))?.first, ["Descrizione", "Valore", "atteso", "Raggiunto"])
    }

    /// A card's head as Writer sets narrow columns (words as the page gave them): the first value ends 6pt
    /// before the second starts, less than the chunking's gap but three times the line's word gaps, and both
    /// stand between the labels "Settore" and "Responsabile": two cells. A value line in bold would not part.
    func testCellsSetCloseUnderBoldLabelsPartInTheLabelsGap() {
        func words(valuesBold: Bool) -> [Word] {
            [Make.word("Settore", 103.1, 293.8, width: 29.2, size: 10, bold: true),
             Make.word("Responsabile", 212.0, 293.8, width: 55.2, size: 10, bold: true),
             Make.word("Premiante", 358.4, 293.8, width: 41.1, size: 10, bold: true)]
                + [("Servizi", 58.2, 25.5), ("per", 86.0, 12.3), ("il", 100.7, 3.8), ("Territorio", 106.8, 34.0), ("–", 143.1, 4.7),
                   ("Opere", 150.2, 23.6), ("Arch.", 180.1, 19.8), ("Simona", 202.3, 28.8), ("Pizzocaro", 233.4, 37.3), ("Premio", 423.9, 26.9)]
                .map { Make.word($0.0, $0.1, 307.4, width: $0.2, size: 10, bold: valuesBold) }
        }
        XCTAssertEqual(textTableRows(words(valuesBold: false))?.last, ["Servizi per il Territorio – Opere", "Arch. Simona Pizzocaro", "Premio"])
        XCTAssertEqual(textTableRows(words(valuesBold: true))?.last?.first, "Servizi per il Territorio – Opere Arch. Simona Pizzocaro")
    }
}

final class FullRowWrapTests: XCTestCase {
    /// Every cell of a record wrapped onto a second line (no padding to tell): the key reads on in lower case, and
    /// so do most cells ("2025" under "2022-"), so the line is the rest of the record; the first column's last
    /// wrapped lines under the table stay in it. The next record starts anew in upper case.
    func testARecordWrappedInEveryColumnIsOneRow() {
        var words = [Make.word("Obiettivo", 50, 100), Make.word("Descrizione", 150, 100), Make.word("Responsabile", 300, 100), Make.word("Orizzonte", 400, 100)]
        words += [Make.word("Rispetto", 50, 114), Make.word("Predisposizione dei", 150, 114), Make.word("Moretti", 300, 114), Make.word("2022-", 400, 114)]
        words += [Make.word("approvazione", 50, 124), Make.word("documenti", 150, 124), Make.word("Serena", 300, 124), Make.word("2025", 400, 124)]
        words += [Make.word("dei documenti", 50, 134)]
        words += [Make.word("Monitoraggio", 50, 148), Make.word("Il Comune", 150, 148), Make.word("Rossi", 300, 148), Make.word("2023", 400, 148)]
        words += [Make.word("pagamenti", 50, 158)]
        let page = Page(number: 1, width: 600, height: 800, words: words, lines: [], rulings: [])
        let rows = TableExtractor(settings: TableSettings()).tables(on: page).first?.rows
        XCTAssertEqual(rows?.count, 3)
        XCTAssertEqual(rows?[1], ["Rispetto approvazione dei documenti", "Predisposizione dei documenti", "Moretti Serena", "2022-2025"])
        XCTAssertEqual(rows?.last?.first, "Monitoraggio pagamenti")
    }

    /// An objective alone in its column under a record without one, wrapped over three lines: the lines read on
    /// (lower case, then a parenthesis still open), so they are one cell of one row.
    func testACellAloneInItsRowWrapsOntoLinesAloneInItsColumn() {
        var words = [Make.word("Obiettivo", 50, 100), Make.word("Azioni", 150, 100), Make.word("Indicatore", 300, 100)]
        words += [Make.word("Giovani", 50, 114), Make.word("Entro giugno", 300, 114)]
        words += [Make.word("Organizzazione di", 150, 138)]
        words += [Make.word("serate (Spazio", 150, 148)]
        words += [Make.word("Compiti)", 150, 158)]
        words += [Make.word("Anziani", 50, 172), Make.word("Servizi", 150, 172), Make.word("Entro luglio", 300, 172)]
        let page = Page(number: 1, width: 600, height: 800, words: words, lines: [], rulings: [])
        let rows = TableExtractor(settings: TableSettings()).tables(on: page).first?.rows
        XCTAssertEqual(rows?.map { $0[1] }, ["Azioni", "", "Organizzazione di serate (Spazio Compiti)", "Servizi"])
    }
}

final class ShortListingTests: XCTestCase {
    /// The last line of a listing and its total carried over to the top of a page: two lines ending in five amounts
    /// right-aligned alike are a table, though fewer than a text-only table needs; two lines of prose are not.
    func testTwoLinesEndingInAmountsAlignedAlikeAreATable() {
        func amounts(_ y: Double) -> [Word] {
            (0..<5).map { column in
                let x1 = 400 + Double(column) * 60
                return Make.word("1.000,00", x1 - 40, y, width: 40)
            }
        }
        var words = [Make.word("1", 50, 100), Make.word("U.1.03.02.99.999", 70, 100), Make.word("SPESE", 170, 100)] + amounts(100)
        words += [Make.word("TOTALE", 50, 114), Make.word("PROGRAMMA", 90, 114)] + amounts(114)
        let regions = RegionFinder(settings: TableSettings()).streamRegions(words: words)
        XCTAssertEqual(regions.count, 1)
        let prose = [Make.word("Il", 50, 100), Make.word("piano", 200, 100), Make.word("è", 50, 114), Make.word("approvato", 200, 114)]
        XCTAssertEqual(RegionFinder(settings: TableSettings()).streamRegions(words: prose).count, 0)
    }
}
