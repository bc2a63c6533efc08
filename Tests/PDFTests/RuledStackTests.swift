import Core
import XCTest
@testable import PDF

/// Tables ruled by horizontal rules alone, on pages made for each rule: a row of short cells set close together,
/// two tables with a caption between them, columns that only the header fills.
final class RuledStackTests: XCTestCase {
    func rules(_ ys: [Double], _ x0: Double = 50, _ x1: Double = 400) -> [Ruling] { ys.map { Make.horizontal($0, x0, x1) } }

    func testARowOfCloseCellsUnderTheHeaderIsKeptAndSplitByItsColumns() {
        let words = [Make.word("Settore", 60, 104, width: 30), Make.word("Dirigente", 120, 104, width: 40), Make.word("Premiante", 200, 104, width: 45),
                     Make.word("Tecnico", 60, 123, width: 35), Make.word("Mario", 120, 123, width: 25), Make.word("Rossi", 148, 123, width: 25),
                     // 5 points apart: one chunk by the gap alone, two cells by the columns above.
                     Make.word("Amministrativo", 60, 138, width: 55), Make.word("Deborah", 120, 138, width: 35), Make.word("Ariboni", 158, 138, width: 30)]
        let tables = TableExtractor().tables(on: Make.page(words: words, rulings: rules([100, 120, 135, 150], 50, 250)))
        XCTAssertEqual(tables.count, 1)
        XCTAssertEqual(tables.first?.rows, [["Settore", "Dirigente", "Premiante"], ["Tecnico", "Mario Rossi", ""],
                                            ["Amministrativo", "Deborah Ariboni", ""]])
    }

    func testANoteUnderTheLastRuleIsNoRow() {
        let words = [Make.word("Voce", 60, 104, width: 25), Make.word("Importo", 300, 104, width: 35),
                     Make.word("Spese", 60, 123, width: 30), Make.word("1.000,00", 300, 123, width: 40),
                     Make.word("Entrate", 60, 138, width: 35), Make.word("2.000,00", 300, 138, width: 40),
                     Make.word("Fonte:", 60, 153, width: 30), Make.word("elaborazione", 93, 153, width: 60),
                     Make.word("su", 156, 153, width: 10), Make.word("dati", 169, 153, width: 20), Make.word("dell'ufficio", 192, 153, width: 50),
                     Make.word("ragioneria", 245, 153, width: 50), Make.word("comunale", 298, 153, width: 45)]
        let tables = TableExtractor().tables(on: Make.page(words: words, rulings: rules([100, 120, 135, 150, 165])))
        XCTAssertEqual(tables.first?.rows.count, 3, "the note crosses the columns: it is not a row")
    }

    func tableA() -> [Word] {
        [Make.word("Voce", 60, 104, width: 25), Make.word("Importo", 300, 104, width: 35),
         Make.word("Spese", 60, 119, width: 30), Make.word("1.000,00", 300, 119, width: 40),
         Make.word("Entrate", 60, 134, width: 35), Make.word("2.000,00", 300, 134, width: 40)]
    }

    func tableB(top: Double) -> [Word] {
        [Make.word("Nome", 60, top + 4, width: 25), Make.word("Ruolo", 150, top + 4, width: 30), Make.word("Ore", 250, top + 4, width: 20),
         Make.word("Rossi", 60, top + 19, width: 25), Make.word("Istruttore", 150, top + 19, width: 45), Make.word("10", 250, top + 19, width: 10),
         Make.word("Verdi", 60, top + 34, width: 25), Make.word("Operaio", 150, top + 34, width: 35), Make.word("12", 250, top + 34, width: 10)]
    }

    func testTwoTablesWithACaptionBetweenThemAreTwo() {
        let caption = [Make.word("PERSONALE", 60, 150, width: 60), Make.word("COINVOLTO", 123, 150, width: 60)]
        let words = tableA() + caption + tableB(top: 165)
        let tables = TableExtractor().tables(on: Make.page(words: words, rulings: rules([100, 115, 130, 145, 165, 180, 195, 210])))
        XCTAssertEqual(tables.map(\.rows.count), [3, 3])
        XCTAssertEqual(tables.last?.rows.first, ["Nome", "Ruolo", "Ore"])
    }

    func testACaptionSetLargerCutsTablesWhoseColumnsAgree() {
        // Letter-spaced and larger: two chunks, so only its size says it is no row.
        let caption = [Make.word("RISORSE", 60, 148, width: 80, size: 13), Make.word("UMANE", 150, 148, width: 70, size: 13)]
        let upper = [Make.word("Tipo", 60, 104, width: 25), Make.word("Descrizione", 150, 104, width: 55),
                     Make.word("Servizi", 60, 119, width: 35), Make.word("Pulizia", 150, 119, width: 35),
                     Make.word("Utenze", 60, 134, width: 35), Make.word("Energia", 150, 134, width: 35)]
        let tables = TableExtractor().tables(on: Make.page(words: upper + caption + tableB(top: 165),
                                                          rulings: rules([100, 115, 130, 145, 165, 180, 195, 210])))
        XCTAssertEqual(tables.map(\.rows.count), [3, 3])
    }

    func testAHeadingSetWithProseBetweenTablesCutsTheStack() {
        // Between the two tables: a justified line (its words spread like cells), then a heading set larger and a
        // note in body type. Not every line is larger, but the heading on a line of its own says it is no row.
        let upper = [Make.word("Tipo", 60, 104, width: 25), Make.word("Ore", 250, 104, width: 20),
                     Make.word("Servizi", 60, 119, width: 35), Make.word("10", 250, 119, width: 10),
                     Make.word("Utenze", 60, 134, width: 35), Make.word("12", 250, 134, width: 10)]
        let between = [Make.word("PIANO", 60, 149, width: 30), Make.word("INTEGRATO", 160, 149, width: 50), Make.word("2024", 370, 149, width: 25),
                       Make.word("Consistenza", 60, 162, width: 70, size: 13), Make.word("del", 135, 162, width: 18, size: 13),
                       Make.word("personale", 157, 162, width: 55, size: 13),
                       Make.word("Dotazione", 60, 178, width: 45), Make.word("complessiva:", 108, 178, width: 60), Make.word("n.", 171, 178, width: 10),
                       Make.word("28", 184, 178, width: 10)]
        let tables = TableExtractor().tables(on: Make.page(words: upper + between + tableB(top: 190),
                                                          rulings: rules([100, 115, 130, 145, 190, 205, 220, 235])))
        XCTAssertEqual(tables.map(\.rows.count), [3, 3], "\(tables.map(\.rows))")
        XCTAssertEqual(tables.last?.rows.first, ["Nome", "Ruolo", "Ore"])
    }

    /// A header of left-aligned labels over descriptions and figures set right-aligned at the end of the second
    /// column's cell, against the third label (as Writer sets numbers in a table).
    func figuresAgainstTheNextLabel(withTextUnderSecondLabel: Bool) -> [Word] {
        var words = [Make.word("Descrizione", 60, 104, width: 45), Make.word("Valore", 222, 104, width: 25), Make.word("atteso", 250, 104, width: 25),
                     Make.word("Valore", 383, 104, width: 25), Make.word("raggiunto", 411, 104, width: 36)]
        let rows: [(String, Double)] = [("N. Applicativi", 15), ("N. banche dati presenti", 6), ("N. processi digitalizzati", 50), ("N. servizi", 5)]
        for (index, row) in rows.enumerated() {
            let y = 119 + Double(index) * 15
            let figure = String(Int(row.1)), width = Double(figure.count) * 5
            words += [Make.word(row.0, 60, y, width: Double(row.0.count) * 4.5), Make.word(figure, 381 - width, y, width: width)]
        }
        if withTextUnderSecondLabel { words += [Make.word("Presenza", 60, 179, width: 40), Make.word("SI", 222, 179, width: 10)] }
        return words
    }

    func testFiguresRightAlignedAgainstTheNextLabelBelongToTheLabelBeforeThem() {
        for withText in [false, true] {
            let words = figuresAgainstTheNextLabel(withTextUnderSecondLabel: withText)
            let ys = [100.0, 115, 130, 145, 160, 175] + (withText ? [190] : [])
            let tables = TableExtractor().tables(on: Make.page(words: words, rulings: rules(ys, 50, 550)))
            XCTAssertEqual(tables.count, 1)
            let rows = tables.first?.rows ?? []
            XCTAssertEqual(rows.first, ["Descrizione", "Valore atteso", "Valore raggiunto"], "\(rows)")
            XCTAssertEqual(rows.dropFirst().prefix(4).map { Array($0.dropFirst()) }, [["15", ""], ["6", ""], ["50", ""], ["5", ""]], "\(rows)")
        }
    }

    func testFiguresUnderTheirOwnCentredLabelStayThere() {
        // Figures right-aligned under centred labels end a padding before the next label, but a label starts over
        // them: they are its column's.
        var words = [Make.word("Lavoratori", 85, 104, width: 40), Make.word("Area", 163, 104, width: 80), Make.word("Istruttori", 260, 104, width: 80),
                     Make.word("Funzionari", 350, 104, width: 80)]
        for (index, name) in ["Uomini", "Donne", "Totale"].enumerated() {
            let y = 119 + Double(index) * 15
            words += [Make.word(name, 60, y, width: 28), Make.word("1", 240, y, width: 5), Make.word("13", 335, y, width: 10),
                      Make.word("3", 435, y, width: 5)]
        }
        let tables = TableExtractor().tables(on: Make.page(words: words, rulings: rules([100, 115, 130, 145, 160], 50, 450)))
        XCTAssertEqual(tables.first?.rows.map(\.count), [4, 4, 4, 4], "\(tables.map(\.rows))")
        XCTAssertEqual(tables.first?.rows.last, ["Totale", "1", "13", "3"])
    }

    func testMarksLeftAlignedUnderCentredMonthsKeepTheirMonths() {
        // A mark at the start of its cell, under a month name centred in it, ends before the name starts; no
        // other label stands over it, so it is no text of the month before.
        let months = ["Gennaio", "Febbraio", "Marzo", "Aprile"]
        var words = [Make.word("Fasi", 60, 104, width: 18)]
        for (index, month) in months.enumerated() { words.append(Make.word(month, 110 + Double(index) * 40, 104, width: 25)) }
        words.append(Make.word("1", 60, 119, width: 5))
        for index in [1, 2, 3] { words.append(Make.word("X", 104 + Double(index) * 40, 119, width: 5)) }
        words.append(Make.word("2", 60, 134, width: 5))
        words.append(Make.word("X", 104, 134, width: 5))
        let tables = TableExtractor().tables(on: Make.page(words: words, rulings: rules([100, 115, 130, 145], 50, 270)))
        XCTAssertEqual(tables.first?.rows, [["Fasi"] + months, ["1", "", "X", "X", "X"], ["2", "X", "", "", ""]], "\(tables.map(\.rows))")
    }

    func testTheRestOfACutCellUnderARepeatedHeaderIsNoCaption() {
        // At a page top: the header repeated (labels centred, so no column start agrees with the rows'), then the
        // end of a cell the page break cut, in lower case, then rows of a description and a figure.
        let header = [Make.word("Descrizione", 114, 74, width: 48), Make.word("Valore", 274, 74, width: 26), Make.word("atteso", 302, 74, width: 25)]
        let rest = [Make.word("di", 60, 88, width: 8), Make.word("Casorate", 70, 88, width: 35)]
        // The first row's description wraps over three lines: a band of four cells, one a figure.
        let rows = [Make.word("N.", 60, 100, width: 9), Make.word("ore", 72, 100, width: 15), Make.word("di", 90, 100, width: 8),
                    Make.word("presenza", 101, 100, width: 36), Make.word("8", 376, 100, width: 5),
                    Make.word("per", 60, 110, width: 14), Make.word("il", 77, 110, width: 6), Make.word("Festone", 86, 110, width: 32),
                    Make.word("giorno", 60, 120, width: 26), Make.word("di", 89, 120, width: 8), Make.word("svolgimento", 100, 120, width: 46),
                    Make.word("N.", 60, 137, width: 9), Make.word("Concessioni", 72, 137, width: 50), Make.word("180", 366, 137, width: 15)]
        let tables = TableExtractor().tables(on: Make.page(words: header + rest + rows, rulings: rules([70, 84, 97, 133, 150], 50, 400)))
        XCTAssertEqual(tables.count, 1, "\(tables.map(\.rows))")
        XCTAssertEqual(tables.first?.rows.first?.first, "Descrizione", "the header stays with its rows")
    }

    /// Words set from `x` a word space (2.4) apart, each `width` points a letter.
    func setLine(_ texts: [String], _ x: Double, _ y: Double, letter: Double = 4.2) -> [Word] {
        var cursor = x
        return texts.map { text in
            defer { cursor += Double(text.count) * letter + 2.4 }
            return Make.word(text, cursor, y, width: Double(text.count) * letter, size: 8.5)
        }
    }

    /// Writer's indicator table: labels centred over their cells (description 56-219, value 219-385, reached
    /// 385-544), a description filled to its cell's end with the value a padding after it, and figures
    /// right-aligned at the end of the value cell.
    func writerIndicatorTable() -> (words: [Word], rules: [Ruling]) {
        var words = setLine(["Descrizione"], 114, 102) + setLine(["Valore", "atteso"], 274, 102) + setLine(["Valore", "raggiunto"], 429, 102)
        words += setLine(["1-Approvazione", "atti", "tributo"], 58, 116) + setLine(["Entro", "la", "data", "di", "approvazione", "del", "bilancio"], 220.7, 116)
        words += setLine(["IMU", "2024", "aliquote"], 58, 126) + setLine(["2024-2026"], 220.7, 126)
        // Filled to 217.5: "Entro" starts 3.2 after it, more than this line's word space, less than a chunk gap.
        let filled = setLine(["2-Numero", "di", "accessi", "al", "servizio", "line", "per"], 58, 140)
        let shift = 217.5 - filled.last!.box.x1
        words += filled.map { Make.word($0.text, $0.box.x0 + shift, 140, width: $0.box.width, size: 8.5) }
        words += setLine(["Entro", "il", "31/12/2024"], 220.7, 140) + setLine(["il", "calcolo", "dell'imposta"], 58, 150)
        // Rows of a wrapped description and a figure: bands of three cells, one a figure, as a header may be.
        for (index, row) in [["Numero", "richieste", "di", "calcolo"], ["Numero", "modelli", "consegnati"], ["Numero", "di", "ravvedimenti"]].enumerated() {
            let y = 164 + Double(index) * 24
            words += setLine(row, 58, y) + [Make.word("100", 365.5, y, width: 14.5, size: 8.5)] + setLine(["per", "il", "cittadino"], 58, y + 10)
        }
        // Another description reaching its cell's end: two lines cross the gap the value column leaves.
        let reaching = setLine(["•", "Numero", "di", "avvisi", "da", "notificare", "anche"], 58, 236)
        words += reaching.map { Make.word($0.text, $0.box.x0 + 216.4 - reaching.last!.box.x1, 236, width: $0.box.width, size: 8.5) }
        words += [Make.word("500", 365.5, 236, width: 14.5, size: 8.5)]
        return (words, rules([100, 113, 137, 161, 185, 209, 233, 250], 56, 544))
    }

    func testARowFilledToItsCellsEndUnderACentredHeaderIsNoCaption() {
        // The second row reads as one chunk a line (its cells a padding apart) and the header's starts are the
        // centred labels', not the rows': it is still a row of this table, under its columns.
        let (words, rulings) = writerIndicatorTable()
        let tables = TableExtractor().tables(on: Make.page(words: words, rulings: rulings))
        XCTAssertEqual(tables.count, 1, "\(tables.map(\.rows))")
        let rows = tables.first?.rows ?? []
        XCTAssertEqual(rows.first, ["Descrizione", "Valore atteso", "Valore raggiunto"], "\(rows)")
        XCTAssertEqual(rows.dropFirst(2).first, ["2-Numero di accessi al servizio line per il calcolo dell'imposta", "Entro il 31/12/2024", ""], "\(rows)")
    }

    func testTextSetLeftAndFiguresSetRightUnderOneCentredLabelAreOneColumn() {
        let (words, rulings) = writerIndicatorTable()
        let rows = TableExtractor().tables(on: Make.page(words: words, rulings: rulings)).first?.rows ?? []
        XCTAssertEqual(rows.map(\.count), Array(repeating: 3, count: 7), "\(rows)")
        XCTAssertEqual(rows.dropFirst().first?[1], "Entro la data di approvazione del bilancio 2024-2026", "\(rows)")
        XCTAssertEqual(rows.dropFirst(3).first?[1], "100", "\(rows)")
    }

    func testDigitsAndDashesStartingTogetherMakeNoColumn() {
        // Counts right-aligned under centred labels: single digits and dashes all start at one place, but only
        // their ends say where their column is.
        var words = setLine(["Posizioni", "economiche"], 73, 147) + setLine(["Uomini"], 225, 147) + setLine(["Donne"], 348, 147)
        for (index, row) in [("ex D6", "-", "1"), ("ex D5", "-", "-"), ("ex D3", "2", "-"), ("ex C1", "3", "4")].enumerated() {
            let y = 161 + Double(index) * 13.5
            words += setLine(row.0.split(separator: " ").map(String.init), 58, y)
                + [Make.word(row.1, 296, y, width: row.1 == "-" ? 3 : 5, size: 8.5), Make.word(row.2, 416, y, width: row.2 == "-" ? 3 : 5, size: 8.5)]
        }
        let tables = TableExtractor().tables(on: Make.page(words: words, rulings: rules([144, 158, 171.5, 185, 198.5, 212], 56, 440)))
        XCTAssertEqual(tables.first?.rows.map(\.count), [3, 3, 3, 3, 3], "\(tables.map(\.rows))")
    }

    func testABandWithASpreadJustifiedLineIsNoRow() {
        // A programme row framed alone, then a band of the sheet's heading justified over the width ("OBIETTIVO   DI
        // QUALITA'") and a short line: prose, though few words a line and one word under a cell's start.
        let programme = setLine(["1402", "Programma"], 158, 81) + setLine(["2", "Commercio"], 416, 81)
        let heading = setLine(["OBIETTIVO"], 57, 109) + setLine(["DI"], 298.4, 109) + setLine(["QUALITA'"], 510.4, 109)
        let strategic = setLine(["Obiettivo", "strategico:", "1.2", "Promuovere", "le", "attività"], 57, 120)
        let header = setLine(["Obiettivo", "operativo"], 67, 138) + setLine(["Descrizione"], 179, 138) + setLine(["Responsabile"], 257, 138)
        let row = setLine(["Contributi"], 57, 162) + setLine(["Supportare"], 150, 162) + setLine(["Sindaco"], 257, 162)
            + setLine(["al", "commercio"], 57, 172) + setLine(["le", "attività"], 150, 172)
        let gaps = [heading[1].box.x0 - heading[0].box.x1, heading[2].box.x0 - heading[1].box.x1]
        XCTAssertLessThan(abs(gaps[0] - gaps[1]), 1, "the fixture's heading is justified")
        let tables = TableExtractor().tables(on: Make.page(words: programme + heading + strategic + header + row,
                                                          rulings: rules([79, 102, 136, 159, 185], 56, 544)))
        XCTAssertEqual(tables.first?.rows.first?.first, "Obiettivo operativo", "\(tables.map(\.rows))")
        // Its words starting where the cells below start, as a header set narrow would: justified, it is prose still.
        let aligned = setLine(["Obiettivo"], 57, 138) + setLine(["Descrizione"], 150, 138) + setLine(["Politico"], 298.4, 138)
            + setLine(["Gestionale"], 400, 138) + setLine(["Orizzonte"], 510.4, 138)
            + setLine(["Contributi"], 57, 162) + setLine(["Supportare"], 150, 162) + setLine(["Sindaco"], 298.4, 162)
            + setLine(["Bertoglio"], 400, 162) + setLine(["2023"], 510.4, 162)
        let short = setLine(["Obiettivo", "strategico:", "1.2"], 57, 120)
        let alignedTables = TableExtractor().tables(on: Make.page(words: programme + heading + short + aligned,
                                                                 rulings: rules([79, 102, 136, 159, 185], 56, 544)))
        XCTAssertEqual(alignedTables.first?.rows.first?.first, "Obiettivo", "\(alignedTables.map(\.rows))")
    }

    func testARowTallerThanHalfAPageKeepsItsRules() {
        // A description wrapped over most of the page: the rules over and under its row are one table's.
        var words = setLine(["Obiettivo"], 57, 104) + setLine(["Descrizione"], 150, 104) + setLine(["Orizzonte"], 440, 104)
        words += setLine(["Controlli"], 57, 121) + setLine(["2023-2025"], 440, 121)
        for index in 0..<45 { words += setLine(["stanziamento", "verifica"], 150, 121 + Double(index) * 10) }
        let tables = TableExtractor().tables(on: Make.page(words: words, rulings: rules([100, 117, 580, 600], 56, 544)
                                                          + [Make.horizontal(30, 56, 544)]))
        XCTAssertEqual(tables.first?.rows.first, ["Obiettivo", "Descrizione", "Orizzonte"], "\(tables.map(\.rows))")
        XCTAssertEqual(tables.first?.rows.dropFirst().first?.last, "2023-2025")
    }

    func testAHeadingOverANarrowTableWhoseHeaderReadsAsOneChunkCutsTheStackAndKeepsTheHeader() {
        // The lower table is narrower (rules of other extents), its header set so close that its labels make one
        // chunk a line: the heading leaves, the header stays the lower table's first row.
        let heading = [Make.word("Posizioni", 60, 149, width: 60, size: 13), Make.word("economiche", 124, 149, width: 75, size: 13)]
        var lower = setLine(["Posizioni"], 58, 170) + setLine(["economiche", "Uomini", "Donne", "Totale"], 58, 179)
        for (index, row) in [("D6", "-", "1", "1"), ("D5", "-", "-", "-"), ("C1", "3", "4", "7")].enumerated() {
            let y = 194 + Double(index) * 14
            lower += setLine(["ex", row.0], 58, y) + [Make.word(row.1, 127, y, width: 4, size: 8.5), Make.word(row.2, 156, y, width: 4, size: 8.5),
                                                        Make.word(row.3, 185, y, width: 4, size: 8.5)]
        }
        let rulings = rules([100, 115, 130, 145]) + rules([167, 191, 205, 219, 233], 50, 200)
        let tables = TableExtractor().tables(on: Make.page(words: tableA() + heading + lower, rulings: rulings))
        XCTAssertEqual(tables.count, 2, "\(tables.map(\.rows))")
        XCTAssertEqual(tables.last?.rows.first?.first, "Posizioni economiche", "\(tables.map(\.rows))")
        XCTAssertEqual(tables.last?.rows.count, 4, "\(tables.map(\.rows))")
    }

    /// A card's head: bold labels over a row whose cells are set a few points apart (one chunk by the gaps).
    func cardHead(top: Double) -> [Word] {
        var words = [Make.word("Settore", 65, top + 9, width: 30, size: 7.5, bold: true), Make.word("Dirigente", 137, top + 9, width: 39, size: 7.5, bold: true),
                     Make.word("Premiante", 209, top + 9, width: 43, size: 7.5, bold: true)]
        var x = 65.0
        for (text, width, gap) in [("POLIZIA", 32.0, 3.0), ("LOCALE", 32, 5), ("MICHELE", 38, 2), ("RALLO", 27, 5), ("Costo", 22, 2),
                                   ("fuori", 18, 2), ("orario", 23, 5), ("Premio", 27, 0)] {
            words.append(Make.word(text, x, top + 24, width: width, size: 7.5))
            x += width + gap
        }
        return words
    }

    func testARowOfCloseSetCellsUnderItsHeaderIsNoProse() {
        // Eight words across the table on one chunk read like a sentence, but they start where the labels above start.
        let tables = TableExtractor().tables(on: Make.page(words: cardHead(top: 100), rulings: rules([100, 121, 134], 62, 310)))
        XCTAssertEqual(tables.first?.rows.last?.first, "POLIZIA LOCALE", "\(tables.map(\.rows))")
    }

    func testAOneCellLineBetweenRulesOfOtherExtentsCutsTheStack() {
        // Set in the body's size, the heading of the next card ends the summary table above, ruled narrower.
        // The two tables share a column start (137), so only the rules' extents tell them apart.
        var summary: [Word] = []
        for (index, (name, weight)) in [("Controllo", "25"), ("Presenza", "25"), ("Realizzazione", "20")].enumerated() {
            let y = 104 + Double(index) * 15
            summary += setLine([String(index + 1)], 65, y) + setLine(["Polizia"], 78, y) + setLine([name], 137, y) + setLine([weight], 280, y)
        }
        let heading = setLine(["1.OBIETTIVO", "DI", "MIGLIORAMENTO", "2024"], 74, 150)
        let rulings = rules([100, 115, 130, 145], 62, 290) + rules([165, 186, 199], 62, 320)
        let tables = TableExtractor().tables(on: Make.page(words: summary + heading + cardHead(top: 165), rulings: rulings))
        XCTAssertEqual(tables.map(\.rows.count), [3, 2], "\(tables.map(\.rows))")
        XCTAssertFalse(tables.flatMap(\.rows).joined().contains { $0.contains("OBIETTIVO") }, "the heading is in no table")
    }

    func testAHeadingBetweenRulesOfOtherExtentsCutsTheStack() {
        // The table below is narrower and its first row has figures (no header), so only its rules say it is
        // another table; the heading between them is set larger.
        let heading = [Make.word("MISSIONE", 60, 148, width: 60, size: 13), Make.word("1", 130, 148, width: 8, size: 13),
                       Make.word("SERVIZI", 150, 148, width: 55, size: 13)]
        let below = [Make.word("102", 60, 169, width: 15), Make.word("Programma", 90, 169, width: 45), Make.word("2", 150, 169, width: 6),
                     Make.word("Segreteria", 170, 169, width: 45),
                     Make.word("103", 60, 184, width: 15), Make.word("Programma", 90, 184, width: 45), Make.word("3", 150, 184, width: 6),
                     Make.word("Tributi", 170, 184, width: 35)]
        let rulings = rules([100, 115, 130, 145]) + rules([165, 180, 195], 50, 250)
        let tables = TableExtractor().tables(on: Make.page(words: tableA() + heading + below, rulings: rulings))
        XCTAssertEqual(tables.map(\.rows.count), [3, 2], "\(tables.map(\.rows))")
        XCTAssertFalse(tables.flatMap(\.rows).joined().contains { $0.contains("MISSIONE") }, "the heading is in no table")
    }

    func testAHeadingSetLargerOverTheRuleOfAnotherTableIsNoRowHoweverItsWordsLineUp() {
        // Spread over the width (justified), the heading's words stand apart like cells; the rule under it is the
        // top rule of a narrower table whose first row is no row of this one.
        let heading = [Make.word("MISSIONE", 60, 150, width: 60, size: 13), Make.word("1", 150, 150, width: 8, size: 13),
                       Make.word("SERVIZI", 300, 150, width: 55, size: 13)]
        let next = [Make.word("102", 60, 169, width: 15), Make.word("Programma", 80, 169, width: 45)]
        let withNarrowerRule = rules([100, 115, 130, 145]) + rules([165, 180], 50, 250)
        let tables = TableExtractor().tables(on: Make.page(words: tableA() + heading + next, rulings: withNarrowerRule))
        XCTAssertEqual(tables.map(\.rows.count), [3], "\(tables.map(\.rows))")
        // Over a rule like the table's own, a row set larger (a card under a cronoprogramma in small type) stays.
        let sameRules = TableExtractor().tables(on: Make.page(words: tableA() + heading, rulings: rules([100, 115, 130, 145, 165])))
        XCTAssertEqual(sameRules.map(\.rows.count), [4])
    }

    func testACellAloneInItsRowUnderTheHeaderIsNoCaption() {
        // The top of a continuation page: the header, the rest of a row cut by the page break (one cell, in the
        // third column), then a row of text. The header's centred words start elsewhere than the body's cells.
        let words = [Make.word("AREA", 70, 104, width: 25), Make.word("AZIONE", 160, 104, width: 35), Make.word("OBIETTIVO", 262, 104, width: 50),
                     Make.word("tema", 250, 119, width: 20), Make.word("del", 273, 119, width: 15), Make.word("riciclo", 291, 119, width: 45),
                     Make.word("Sociale", 60, 134, width: 35), Make.word("Sostegno", 150, 134, width: 40), Make.word("Gestione", 250, 134, width: 40)]
        let tables = TableExtractor().tables(on: Make.page(words: words, rulings: rules([100, 115, 130, 145])))
        XCTAssertEqual(tables.count, 1, "the lone cell sits in a column: it is a row, not a caption between two tables")
        XCTAssertEqual(tables.first?.rows.last, ["Sociale", "Sostegno", "Gestione"])
        XCTAssertTrue(tables.first?.rows.contains { $0.contains("tema del riciclo") } ?? false, "\(tables.first?.rows ?? [])")
    }

    func testAWordCrossingAGapThatOnlyItsHeaderFillsIsOneCell() {
        // "%" over "partecipazione", wider than the right-aligned figures under its end: no column beside them.
        var words = [Make.word("Nome", 60, 104, width: 25), Make.word("%", 150, 104, width: 7),
                     Make.word("partecipazione", 150, 114, width: 60), Make.word("Ore", 260, 104, width: 20)]
        for (index, name) in ["Rossi", "Verdi", "Neri"].enumerated() {
            let y = 129 + Double(index) * 15
            words += [Make.word(name, 60, y, width: 25), Make.word("30", 200, y, width: 10), Make.word("12", 260, y, width: 10)]
        }
        let tables = TableExtractor().tables(on: Make.page(words: words, rulings: rules([100, 125, 140, 155, 170], 50, 300)))
        XCTAssertEqual(tables.first?.rows, [["Nome", "% partecipazione", "Ore"], ["Rossi", "30", "12"], ["Verdi", "30", "12"], ["Neri", "30", "12"]])
    }

    func testAGroupHeaderOverTwoColumnsOfFiguresKeepsThemApart() {
        var words = [Make.word("Voce", 60, 104, width: 25), Make.word("Previsione", 160, 104, width: 50),
                     Make.word("iniziale", 150, 114, width: 30), Make.word("attuale", 200, 114, width: 30)]
        for (index, name) in ["Spese", "Entrate", "Fondi"].enumerated() {
            let y = 129 + Double(index) * 15
            words += [Make.word(name, 60, y, width: 30), Make.word("1.000", 155, y, width: 25), Make.word("2.000", 205, y, width: 25)]
        }
        let tables = TableExtractor().tables(on: Make.page(words: words, rulings: rules([100, 125, 140, 155, 170], 50, 300)))
        XCTAssertEqual(tables.first?.rows.last, ["Fondi", "1.000", "2.000"])
    }

    func testANarrowNumberColumnSetCloseToTheNextIsKeptApart() {
        // "N." over right-aligned numbers 5 points (more than a word space, less than a chunk gap) from the next
        // column, whose header line starts there ("INDIRIZZO" over "N. STRATEGICO").
        var words = [Make.word("INDIRIZZO", 80, 104, width: 45), Make.word("PROGETTO", 180, 104, width: 45),
                     Make.word("N.", 65, 113, width: 9), Make.word("STRATEGICO", 80, 113, width: 55), Make.word("STRATEGICO", 180, 113, width: 55)]
        for (index, (area, project)) in [("Sicurezza", "Vigilanza"), ("Cultura", "Biblioteca"), ("Sport", "Palestre")].enumerated() {
            let y = 129 + Double(index) * 15
            words += [Make.word("\(index + 1)", 70, y, width: 5), Make.word(area, 80, y, width: 40), Make.word(project, 180, y, width: 40)]
        }
        let tables = TableExtractor().tables(on: Make.page(words: words, rulings: rules([100, 125, 140, 155, 170], 55, 300)))
        XCTAssertEqual(tables.first?.rows.last, ["3", "Sport", "Palestre"])
        XCTAssertEqual(tables.first?.rows.first, ["N.", "INDIRIZZO STRATEGICO", "PROGETTO STRATEGICO"])
    }

    func testListingsAlikeUnderTheirCaptionsInOneStackOfRulesAreApart() {
        // "TITOLO 6 …" over a listing, "TITOLO 7 …" over another with the same header ("Piano Fin. 118/11" names a
        // law: a header may hold a figure), all between rules of one width, the captions set only a little larger.
        func listing(_ title: String, top: Double, code: String) -> [Word] {
            [Make.word("TITOLO", 60, top + 4, width: 35, size: 9.4), Make.word(title, 98, top + 4, width: 120, size: 9.4),
             Make.word("Piano", 60, top + 19, width: 22), Make.word("Fin.", 84, top + 19, width: 15), Make.word("118/11", 102, top + 19, width: 25),
             Make.word("Descrizione", 150, top + 19, width: 45), Make.word("Previsione", 300, top + 19, width: 45),
             Make.word(code, 60, top + 34, width: 50), Make.word("MUTUI", 150, top + 34, width: 30), Make.word("700.000,00", 300, top + 34, width: 45)]
        }
        let words = listing("6 - ACCENSIONE PRESTITI", top: 100, code: "E.6.03.01") + listing("7 - ANTICIPAZIONI", top: 145, code: "E.7.01.01")
        let tables = TableExtractor().tables(on: Make.page(words: words, rulings: rules([100, 115, 130, 145, 160, 175, 190], 50, 400)))
        XCTAssertEqual(tables.count, 2, "\(tables.map(\.rows))")
        XCTAssertEqual(tables.last?.rows.last?.first, "E.7.01.01")
        XCTAssertFalse(tables.contains { $0.rows.joined().contains { $0.contains("TITOLO") } }, "the captions belong to neither")
    }

    func testCellsOfTwoColumnsWrappedInOneRuledRowAreOneRow() {
        // Between two rules, lines that fill the same two columns but read on, line after line, in both: one row
        // of wrapped cells, not one record a line.
        let left = ["Adeguamento strumenti", "bancari per il passaggio", "di tesoreria a", "Banca Nuova"]
        let right = ["Espletamento delle operazioni", "di collegamento delle", "applicazioni di riscossione e", "pagamento"]
        var words = [Make.word("Azione", 60, 104, width: 30), Make.word("Obiettivo", 200, 104, width: 40),
                     Make.word("Prima", 60, 119, width: 25), Make.word("Verifica", 200, 119, width: 35)]
        for (index, (a, b)) in zip(left, right).enumerated() {
            let y = 134 + Double(index) * 11
            words += [Make.word(a, 60, y, width: 110), Make.word(b, 200, y, width: 120)]
        }
        words += [Make.word("Seconda", 60, 184, width: 35), Make.word("Controllo", 200, 184, width: 40)]
        let tables = TableExtractor().tables(on: Make.page(words: words, rulings: rules([100, 115, 130, 180, 195], 50, 350)))
        XCTAssertEqual(tables.first?.rows.count, 4, "\(tables.first?.rows ?? [])")
        XCTAssertEqual(tables.first?.rows[2], [left.joined(separator: " "), right.joined(separator: " ")])
    }

    func testAParagraphBetweenTwoRulesOfAStackBelongsToNoTable() {
        // A sheet framed by rules: a small table, then a paragraph of running text across the frame, then another
        // table whose columns differ: the paragraph cuts the stack, so neither table takes it or its columns.
        let paragraph = "La struttura ha proseguito il lavoro di coordinamento e di aggiornamento delle procedure"
        var words = tableA()
        var x = 60.0
        for word in paragraph.split(separator: " ") {
            let width = Double(word.count) * 4.5
            words.append(Make.word(String(word), x, 149, width: width))
            x += width + 2.5
        }
        // The table below starts its columns where the one above does: only the paragraph tells them apart.
        words += [Make.word("Nome", 60, 169, width: 25), Make.word("Ore", 300, 169, width: 20),
                  Make.word("Rossi", 60, 184, width: 25), Make.word("10", 300, 184, width: 10),
                  Make.word("Verdi", 60, 199, width: 25), Make.word("12", 300, 199, width: 10)]
        let tables = TableExtractor().tables(on: Make.page(words: words, rulings: rules([100, 115, 130, 145, 165, 180, 195, 210])))
        XCTAssertEqual(tables.map(\.rows.count), [3, 3], "\(tables.map(\.rows))")
        XCTAssertFalse(tables.contains { $0.rows.joined().contains { $0.contains("coordinamento") } })
    }

    func testAFigureRightAlignedAWordSpaceFromTheNextColumnIsACellOfItsOwn() {
        // "VACANTI" over figures that end 2.8 points before the names of an unlabelled column, row after row; the
        // same profile in every row ("ISTRUTT. AMM.", words, not a figure) stays one cell.
        var words = [Make.word("CAT.", 60, 104, width: 20), Make.word("PROFILO", 110, 104, width: 40), Make.word("VACANTI", 230, 104, width: 40)]
        for (index, name) in ["PORTA", "MANFREDINI", "ARCHETTI", "MARTINELLI"].enumerated() {
            let y = 119 + Double(index) * 15
            words += [Make.word("C\(index + 1)", 60, y, width: 10), Make.word("ISTRUTT.", 110, y, width: 35), Make.word("AMM.", 147.5, y, width: 20),
                      Make.word("0", 275, y, width: 5), Make.word(name, 282.8, y, width: 45)]
        }
        let tables = TableExtractor().tables(on: Make.page(words: words, rulings: rules([100, 115, 130, 145, 160, 175], 50, 350)))
        XCTAssertEqual(tables.first?.rows.last, ["C4", "ISTRUTT. AMM.", "0", "MARTINELLI"], "\(tables.first?.rows ?? [])")
    }

    func testAGroupHeadingInsideATableIsNoCaption() {
        // "Effectiveness" over data rows: the rows after it are figures, not the header of another table.
        let words = [Make.word("Indicators", 60, 104, width: 50), Make.word("Weight", 280, 104, width: 35),
                     Make.word("Effectiveness", 60, 119, width: 60),
                     Make.word("Employment", 60, 134, width: 55), Make.word("40", 330, 134, width: 10),
                     Make.word("Studies", 60, 149, width: 35), Make.word("15", 330, 149, width: 10)]
        let tables = TableExtractor().tables(on: Make.page(words: words, rulings: rules([100, 115, 130, 145, 160])))
        XCTAssertEqual(tables.count, 1)
        XCTAssertEqual(tables.first?.rows.count, 4)
    }

    func testColumnsOnlyTheHeaderFillsStayApart() {
        let words = [Make.word("Nome", 60, 104, width: 25), Make.word("Quota", 150, 104, width: 25),
                     Make.word("Costo", 200, 104, width: 25), Make.word("Ore", 250, 104, width: 20),
                     Make.word("Rossi Mario", 60, 119, width: 55), Make.word("60", 165, 119, width: 10),
                     Make.word("Verdi Luca", 60, 134, width: 50), Make.word("40", 165, 134, width: 10),
                     Make.word("Neri Anna", 60, 149, width: 45), Make.word("20", 165, 149, width: 10)]
        let tables = TableExtractor().tables(on: Make.page(words: words, rulings: rules([100, 115, 130, 145, 160], 50, 300)))
        XCTAssertEqual(tables.first?.rows.first, ["Nome", "Quota", "Costo", "Ore"])
        XCTAssertEqual(tables.first?.rows.last, ["Neri Anna", "20", "", ""])
    }

    /// A rule above the header, a double rule under it and one above the total, no rule under the total: the
    /// column rule running on down past the last horizontal rule bounds the table, total row included.
    func testATotalUnderTheLastRuleIsInsideTheColumnRule() {
        var words = [Make.word("Voce", 60, 104, width: 25), Make.word("Numero", 200, 104, width: 35), Make.word("Quota", 300, 104, width: 30)]
        for (index, name) in ["Spese", "Entrate", "Mutui"].enumerated() {
            let y = 122 + Double(index) * 12
            words += [Make.word(name, 60, y, width: 35), Make.word("\(index + 1)0", 200, y, width: 10), Make.word("\(index + 2),5", 300, y, width: 15)]
        }
        words += [Make.word("Totale", 60, 163, width: 30), Make.word("60", 200, 163, width: 10), Make.word("9,5", 300, 163, width: 15)]
        let rulings = rules([100, 117, 119, 158, 160]) + [Make.vertical(190, 100, 175)]
        let run = { (settings: TableSettings) in TableExtractor(settings: settings).tables(on: Make.page(words: words, rulings: rulings)) }
        XCTAssertEqual(run(TableSettings()).first?.rows.last, ["Totale", "60", "9,5"])
        var unbounded = TableSettings()
        unbounded.minRulesCrossedByColumnRule = .max
        XCTAssertEqual(run(unbounded).first?.rows.last, ["Mutui", "30", "4,5"], "without the column rule the table ends at its last rule")
    }
}
