/// Joins the pieces of a text set on several lines: the lines of a cell or a paragraph (PDF stage), the rows
/// of a stacked header or of a wrapped listing row (Normalize).
///
/// A word hyphenated at a line end ("Disponi-" over "bilità") joins without its hyphen when the next piece
/// starts in lower case, unless the page writes the word with that hyphen elsewhere (`PageSpellings`); a range
/// broken at its hyphen ("2022-" over "2025") joins whole; a slash against a word ("CULTURA/" over "TEMPO
/// LIBERO") joins without a space; anything else joins with one space.
public enum WrappedText {
    public static func join(_ upper: String, _ lower: String, spellings: PageSpellings = .none) -> String {
        if upper.isEmpty { return lower }
        if lower.isEmpty { return upper }
        if endsWithBrokenWord(upper), lower.first?.isLowercase == true {
            return keepsHyphen(upper, lower, spellings: spellings) ? upper + lower : String(upper.dropLast()) + lower
        }
        if upper.hasSuffix("-"), upper.dropLast().last?.isNumber == true, lower.first?.isNumber == true { return upper + lower }
        if upper.hasSuffix("/"), upper.dropLast().last?.isLetter == true { return upper + lower }
        // A compound broken before its hyphen ("ECONOMICO" over "-FINANZIARIA"); a dash of a list has a space.
        if upper.last?.isLetter == true, lower.hasPrefix("-"), lower.dropFirst().first?.isLetter == true { return upper + lower }
        return upper + " " + lower
    }

    public static func join(_ pieces: [String], spellings: PageSpellings = .none) -> String {
        pieces.reduce("") { join($0, $1, spellings: spellings) }
    }

    /// "…amministra-" (a lower-case letter before the hyphen), not "2021-" or a dash standing alone.
    public static func endsWithBrokenWord(_ text: String) -> Bool {
        guard text.hasSuffix("-") || text.hasSuffix("\u{00AD}") else { return false }
        let beforeHyphen = text.dropLast().last
        return beforeHyphen?.isLetter == true && beforeHyphen?.isLowercase == true
    }

    /// A hyphen at the end of `upper` (not a soft hyphen, which is only ever a break) is part of the word when the
    /// page writes the word with it ("Ring-ding") at least as often as without it ("Ringding").
    static func keepsHyphen(_ upper: String, _ lower: String, spellings: PageSpellings) -> Bool {
        guard upper.hasSuffix("-"), !spellings.isEmpty else { return false }
        let head = PageSpellings.word(endingAt: upper.dropLast()), tail = PageSpellings.word(startingAt: lower)
        guard !head.isEmpty, !tail.isEmpty else { return false }
        let hyphenated = spellings.count(of: head + "-" + tail), joined = spellings.count(of: head + tail)
        return hyphenated > 0 && hyphenated >= joined
    }
}

/// The words a page writes whole, each with how often: what tells a hyphen a line end broke a word at
/// ("ammini-" over "strazione") from one that is part of it ("Ring-" over "ding" where the page writes
/// "Ring-ding" on one line elsewhere). Computed once per page and handed to the joining of its cells and
/// paragraphs; no dictionary. A word is a run of letters, digits and inner hyphens, compared in lower case.
public struct PageSpellings: Sendable, Equatable {
    private var counts: [String: Int]

    /// No evidence: every hyphen before a lower-case continuation is a break.
    public static let none = PageSpellings(counts: [:])

    private init(counts: [String: Int]) { self.counts = counts }

    /// The words of `texts` (a page's words, or any text), counted.
    public init(texts: some Sequence<String>) {
        var counts: [String: Int] = [:]
        for text in texts {
            for word in PageSpellings.words(of: text) { counts[word, default: 0] += 1 }
        }
        self.init(counts: counts)
    }

    public init(page: Page) { self.init(texts: page.words.lazy.map(\.text)) }

    public var isEmpty: Bool { counts.isEmpty }

    /// How often the page writes `word` whole (in any case).
    public func count(of word: String) -> Int { counts[word.lowercased()] ?? 0 }

    /// The runs of letters, digits and hyphens in `text`, hyphens trimmed at their ends, in lower case, each with a
    /// letter: "(Ring-ding)," → "ring-ding"; "dell'amministrazione" → "dell", "amministrazione"; a line-end
    /// "ammini-" → "ammini".
    static func words(of text: String) -> [String] {
        ASCIIText.read(text, asciiWords) ?? wordsByCharacters(of: text)
    }

    /// `words(of:)` read character by character: the reference the ASCII reading is tested against.
    static func wordsByCharacters(of text: String) -> [String] {
        text.split { !isWordCharacter($0) }
            .map { $0.drop { $0 == "-" } }
            .map { trimmingTrailingHyphens($0) }
            .filter { $0.contains(where: \.isLetter) }
            .map { $0.lowercased() }
    }

    /// `words(of:)` of ASCII bytes, where the letters are A-Z and a-z and the numbers 0-9, so a byte is a character
    /// (a CR LF pair, one character, is no word character, as neither of its bytes is).
    private static func asciiWords(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> [String] {
        let hyphen = UInt8(ascii: "-")
        func isWordByte(_ byte: UInt8) -> Bool { ASCIIText.isLetter(byte) || ASCIIText.isDigit(byte) || byte == hyphen }
        var words: [String] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            while index < bytes.endIndex, !isWordByte(bytes[index]) { index += 1 }
            var start = index
            while index < bytes.endIndex, isWordByte(bytes[index]) { index += 1 }
            var end = index
            while start < end, bytes[start] == hyphen { start += 1 }
            while end > start, bytes[end - 1] == hyphen { end -= 1 }
            guard bytes[start..<end].contains(where: ASCIIText.isLetter) else { continue }
            words.append(String(unsafeUninitializedCapacity: end - start) { buffer in
                for (offset, byte) in bytes[start..<end].enumerated() {
                    buffer[offset] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                }
                return end - start
            })
        }
        return words
    }

    /// The word that ends `text` ("della pubblica dell'ammini" → "ammini"), in lower case.
    static func word(endingAt text: Substring) -> String {
        String(text.reversed().prefix(while: isWordCharacter).reversed().drop { $0 == "-" }).lowercased()
    }

    /// The word that starts `text` ("ding, e altro" → "ding"), in lower case.
    static func word(startingAt text: String) -> String {
        String(trimmingTrailingHyphens(text.prefix(while: isWordCharacter))).lowercased()
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "-"
    }

    private static func trimmingTrailingHyphens(_ text: Substring) -> Substring {
        var text = text
        while text.last == "-" { text = text.dropLast() }
        return text
    }
}
