/// Joins the pieces of a text set on several lines: the lines of a cell or a paragraph (PDF stage), the rows
/// of a stacked header or of a wrapped listing row (Normalize).
///
/// A word hyphenated at a line end ("Disponi-" over "bilità") joins without its hyphen when the next piece
/// starts in lower case; a range broken at its hyphen ("2022-" over "2025") joins whole; a slash against a
/// word ("CULTURA/" over "TEMPO LIBERO") joins without a space; anything else joins with one space.
public enum WrappedText {
    public static func join(_ upper: String, _ lower: String) -> String {
        if upper.isEmpty { return lower }
        if lower.isEmpty { return upper }
        if endsWithBrokenWord(upper), lower.first?.isLowercase == true { return String(upper.dropLast()) + lower }
        if upper.hasSuffix("-"), upper.dropLast().last?.isNumber == true, lower.first?.isNumber == true { return upper + lower }
        if upper.hasSuffix("/"), upper.dropLast().last?.isLetter == true { return upper + lower }
        // A compound broken before its hyphen ("ECONOMICO" over "-FINANZIARIA"); a dash of a list has a space.
        if upper.last?.isLetter == true, lower.hasPrefix("-"), lower.dropFirst().first?.isLetter == true { return upper + lower }
        return upper + " " + lower
    }

    public static func join(_ pieces: [String]) -> String { pieces.reduce("") { join($0, $1) } }

    /// "…amministra-" (a lower-case letter before the hyphen), not "2021-" or a dash standing alone.
    public static func endsWithBrokenWord(_ text: String) -> Bool {
        guard text.hasSuffix("-") || text.hasSuffix("\u{00AD}") else { return false }
        let beforeHyphen = text.dropLast().last
        return beforeHyphen?.isLetter == true && beforeHyphen?.isLowercase == true
    }
}
