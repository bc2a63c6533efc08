import Core

/// One row of a budget listing read through its header: the key fields (Tit, Piano Fin., Capitolo, article,
/// Descrizione…) and the amounts. Amounts are read by column when the row has the header's columns, else as
/// the numbers that end the row (the extraction merged some cells). The key columns are read as one run of
/// words against the key fields in header order, each by its shape, so that merged cells ("6 E.6.03.01.04.000",
/// "730 0", "1 U.1.03.02.05.000 13913 2 CIMITERI …") come apart: a chapter may carry its article ("13815 40",
/// "13213/40"), as "Capitolo" spans the article column in these listings.
struct BudgetRow {
    var key: [String: String] = [:]
    var amounts = BudgetAmounts()
    /// The text of the key columns (a total row's label).
    var keyText = ""
    /// Header label → cell text, for `raw`.
    var raw: [(String, String)] = []
    var warnings: [FieldWarning] = []
    /// Fields read by a cue other than their column's label (`amounts` → `position`).
    var cues: [(field: String, cue: String)] = []
}

struct BudgetRowReader {
    let layout: HeaderLayout
    let values: ValueParser
    let vocabulary: ListingVocabulary

    /// Amount columns: (column, part) for columns naming exactly one amount.
    var amountColumns: [(column: Int, part: String)] {
        layout.columns.enumerated().compactMap { index, column in
            let parts = column.fields.filter { $0.hasPrefix("amounts.") }
            return parts.count == 1 && column.fields.count == 1 ? (index, String(parts[0].dropFirst("amounts.".count))) : nil
        }
    }

    /// Key fields in header order; an article follows the chapter.
    var keyFields: [String] {
        var fields = layout.fields.filter { !$0.hasPrefix("amounts.") && $0 != "direction" && $0 != "as_of" }
        if let chapter = fields.firstIndex(of: "chapter"), !fields.contains("article") {
            fields.insert("article", at: chapter + 1)
        }
        return fields
    }

    /// Every amount the header names, in header order (a merged header cell may name several).
    var amountParts: [String] {
        var seen = Set<String>()
        return layout.fields.filter { $0.hasPrefix("amounts.") && seen.insert($0).inserted }.map { String($0.dropFirst("amounts.".count)) }
    }

    /// The row's amounts by column when every amount column holds one amount or nothing; else, the numbers
    /// ending the row taken in header order when there are as many as the header names amounts (cells the
    /// extraction merged or shifted); else by column, with a warning for what is not an amount.
    func read(_ row: [String]) -> BudgetRow? {
        var result = BudgetRow()
        let cells = row.map(ListingCells.clean)
        guard let firstAmount = amountColumns.first?.column else {
            return readByPosition(cells)
        }
        if linesUpWithHeader(cells) {
            readAmountsByColumn(cells, into: &result)
            result.keyText = ListingCells.filled(Array(cells.prefix(firstAmount))).joined(separator: " ")
            result.raw = rawKeyByColumn(cells, count: firstAmount) + result.raw
        } else if let positional = readByPosition(cells) {
            return positional
        } else if cells.count == layout.columnCount {
            readAmountsByColumn(cells, into: &result)
            result.keyText = ListingCells.filled(Array(cells.prefix(firstAmount))).joined(separator: " ")
            result.raw = rawKeyByColumn(cells, count: firstAmount) + result.raw
        } else {
            return nil
        }
        return result.amounts.isEmpty ? nil : result
    }

    /// The cells fit the header: one column per label, each amount column empty or one amount, every amount
    /// the header names in a column of its own, and no number among the key cells after the first amount.
    private func linesUpWithHeader(_ cells: [String]) -> Bool {
        guard cells.count == layout.columnCount, amountColumns.count == amountParts.count else { return false }
        return amountColumns.allSatisfy { column, _ in
            column >= cells.count || cells[column].isEmpty || ListingCells.isNumber(cells[column], values: values)
        }
    }

    private func readByPosition(_ cells: [String]) -> BudgetRow? {
        var result = BudgetRow()
        result.keyText = readTrailingAmounts(cells, into: &result)
        guard !result.amounts.isEmpty else { return nil }
        let keyLabels = layout.columns.filter { !$0.fields.contains { $0.hasPrefix("amounts.") } }.map(\.label).filter { !$0.isEmpty }
        if !result.keyText.isEmpty { result.raw.insert((keyLabels.joined(separator: " "), result.keyText), at: 0) }
        result.cues.append(("amounts", "position"))
        return result
    }

    /// Reads the key fields of a line (not of a total) from its key text.
    func readKey(_ row: inout BudgetRow) {
        var tokens = rejoinedChartCode(row.keyText.split(separator: " ").map(String.init))
        var fields = keyFields
        takeChartCodeByShape(&tokens, fields: &fields, into: &row)
        let implicitArticle = !layout.fields.contains("article")
        while let field = fields.first, field != "description" {
            fields.removeFirst()
            guard let token = tokens.first else { break }
            if field == "chapter", let (chapter, article) = chapterWithArticle(token) {
                row.key["chapter"] = chapter
                row.key["article"] = article
                if fields.first == "article" { fields.removeFirst() }
                tokens.removeFirst()
            } else if accepts(field, token, implicitArticle: implicitArticle, more: tokens.count > 1) {
                row.key[field] = token
                tokens.removeFirst()
            }
        }
        let rest = tokens.joined(separator: " ")
        guard !rest.isEmpty else { return }
        if fields.first == "description" {
            row.key["description"] = rest
        } else {
            row.warnings.append(FieldWarning(field: "description", message: "unread text in the key columns: \(rest)"))
        }
    }

    /// A chart code that a narrow cell broke after its part letter ("E." over "3.05.02.03.004") joined again,
    /// also when the next columns' text (a chapter and its article) came between the two lines ("U. 10221 1 1.01.01.01.000").
    func rejoinedChartCode(_ tokens: [String]) -> [String] {
        guard let letter = tokens.firstIndex(where: isPartLetter) else { return tokens }
        let rest = tokens.index(after: letter)..<min(tokens.count, letter + 5)
        guard let code = rest.first(where: { tokens[$0].first?.isNumber == true && isChartCode(tokens[$0]) }) else { return tokens }
        var joined = tokens
        joined[letter] = tokens[letter] + tokens[code]
        joined.remove(at: code)
        return joined
    }

    /// A D.Lgs. 118/2011 chart code tells itself by its shape wherever it stands among the key's codes: a stacked
    /// header or a merged cell may put it before or after the Titolo ("6 E.6.03.01.04.000 730 0" under
    /// "Piano Fin. Tit 118/11 Capitolo"). It is taken first, and the other codes are read in header order.
    private func takeChartCodeByShape(_ tokens: inout [String], fields: inout [String], into row: inout BudgetRow) {
        guard let expected = fields.firstIndex(of: "chart_code") else { return }
        let codes = tokens.prefix { isChartCode($0) || isDigits($0, maximum: 12) || chapterWithArticle($0) != nil }
        guard let index = codes.firstIndex(where: isChartCode) else { return }
        row.key["chart_code"] = tokens.remove(at: index)
        fields.remove(at: expected)
        if index != expected { row.cues.append(("chart_code", "shape")) }
    }

    /// "E." or "U.": the part letter of a chart code, alone.
    private func isPartLetter(_ token: String) -> Bool {
        token.count == 2 && token.last == "." && token.first?.isLetter == true && token.first?.isUppercase == true
    }

    private func accepts(_ field: String, _ token: String, implicitArticle: Bool, more: Bool) -> Bool {
        switch field {
        case "title_code": return isDigits(token, maximum: vocabulary.titleCodeMaximumDigits)
        case "chart_code": return isChartCode(token)
        case "article": return isDigits(token, maximum: implicitArticle ? 3 : 12) && (more || !implicitArticle)
        case "chapter", "mission_code", "program_code", "macroaggregate": return isDigits(token, maximum: 12)
        default: return false
        }
    }

    /// "13213/40" → ("13213", "40").
    private func chapterWithArticle(_ token: String) -> (String, String)? {
        let parts = token.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ isDigits(String($0), maximum: 12) }) else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    private func isDigits(_ token: String, maximum: Int) -> Bool {
        !token.isEmpty && token.count <= maximum && token.allSatisfy(\.isASCIIDigit)
    }

    /// "E.3.05.02.03.004", "U.1.03.02.99.005", "1.03.02.99.005": groups of digits joined by dots, three or more.
    func isChartCode(_ token: String) -> Bool {
        var groups = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if let first = groups.first, first.count == 1, first.first?.isLetter == true { groups.removeFirst() }
        return groups.count >= 3 && groups.allSatisfy { isDigits($0, maximum: 4) }
    }

    private func readAmountsByColumn(_ cells: [String], into row: inout BudgetRow) {
        for (column, part) in amountColumns where column < cells.count {
            read(cells[column], part: part, label: layout.columns[column].label, into: &row)
        }
    }

    /// The numbers ending the row, one per amount the header names, in header order; returns the text before them.
    /// Whether the row's last numbers are as many as the amounts the header names.
    func endsInEveryAmount(_ row: [String]) -> Bool {
        var line = BudgetRow()
        _ = readTrailingAmounts(row.map(ListingCells.clean), into: &line)
        return !line.amounts.isEmpty
    }

    private func readTrailingAmounts(_ cells: [String], into row: inout BudgetRow) -> String {
        let parts = amountParts
        var tokens = cells.flatMap { $0.split(separator: " ").map(String.init) }
        var trailing: [String] = []
        while trailing.count < parts.count, let last = tokens.last, ListingCells.isNumber(last, values: values) {
            trailing.insert(last, at: 0)
            tokens.removeLast()
        }
        guard trailing.count == parts.count else { return "" }
        for (part, text) in zip(parts, trailing) {
            read(text, part: part, label: label(of: part), into: &row)
        }
        return tokens.joined(separator: " ")
    }

    /// The header label naming an amount (its own column's, or the merged cell's).
    private func label(of part: String) -> String {
        layout.columns.first { $0.fields.contains("amounts.\(part)") }?.label ?? part
    }

    private func read(_ text: String, part: String, label: String, into row: inout BudgetRow) {
        guard !text.isEmpty else { return }
        row.raw.append((label, text))
        let parsed = values.parse(text, field: "amounts.\(part)")
        switch parsed.value.kind {
        case .number, .currency:
            guard let amount = parsed.value.number, amount.fits(precision: BudgetAmounts.precision, places: BudgetAmounts.places) else {
                row.warnings.append(FieldWarning(field: "amounts.\(part)", message: "not an amount in euro and cents: \(text)"))
                return
            }
            row.amounts[part] = amount
        case .empty: break
        default:
            row.warnings += parsed.warnings.isEmpty
                ? [FieldWarning(field: "amounts.\(part)", message: "not an amount: \(text)")] : parsed.warnings
        }
    }

    /// The key cells under their header labels (an unlabelled column under the label spanning it).
    private func rawKeyByColumn(_ cells: [String], count: Int) -> [(String, String)] {
        var keyRaw: [(String, String)] = []
        var label = ""
        for index in 0..<min(count, cells.count) {
            if !layout.columns[index].label.isEmpty { label = layout.columns[index].label }
            if !cells[index].isEmpty { keyRaw.append((label.isEmpty ? "colonna \(index + 1)" : label, cells[index])) }
        }
        return keyRaw
    }
}
