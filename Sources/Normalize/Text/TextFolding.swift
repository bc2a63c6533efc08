import Foundation

/// Comparison forms of Italian text: lower case, no accents, one kind of apostrophe.
public enum TextFolding {
    /// Apostrophes and accents typed as apostrophes, as documents spell them.
    static let apostrophes: Set<Character> = ["'", "’", "‘", "`", "´", "ʼ", "′"]

    /// Lower case without diacritics (`È` → `e`, `à` → `a`), apostrophe variants made `'`.
    public static func fold(_ text: String) -> String {
        // Plain ASCII has no accents to strip: lower case is all (the common case for labels and figures).
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map(foldedASCII), as: UTF8.self)
        }
        return tableFold(text) ?? wholeFold(text)
    }

    /// `fold` scalar by scalar through `commonScalars`, or nil when the text has a scalar outside it.
    private static func tableFold(_ text: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                out.append(foldedASCII(UInt8(scalar.value)))
            } else if let known = commonScalars[scalar.value] {
                out.append(contentsOf: known.folded.utf8)
            } else {
                return nil
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func wholeFold(_ text: String) -> String {
        let decomposed = text.lowercased().decomposedStringWithCanonicalMapping
        var out = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
            out.append(scalar)
        }
        return String(String(out).map { apostrophes.contains($0) ? "'" : $0 })
    }

    /// The Latin letters, punctuation and currency signs of Western European text, each with its fold and
    /// whether it is a letter or digit. Only scalars that stand alone as a character are listed, so reading a
    /// text scalar by scalar gives the same as reading it character by character (`wholeFold`).
    private static let commonScalars: [UInt32: (folded: String, isWordCharacter: Bool)] = {
        var table: [UInt32: (folded: String, isWordCharacter: Bool)] = [:]
        let ranges: [ClosedRange<UInt32>] = [0x80...0x24F, 0x2B0...0x2FF, 0x2000...0x206F, 0x20A0...0x20CF]
        let joining: Set<Unicode.GeneralCategory> = [.control, .format, .nonspacingMark, .spacingMark, .enclosingMark]
        for value in ranges.joined() {
            guard let scalar = Unicode.Scalar(value), !joining.contains(scalar.properties.generalCategory),
                  !scalar.properties.isGraphemeExtend else { continue }
            let character = Character(scalar)
            table[value] = (wholeFold(String(character)), character.isLetter || character.isNumber)
        }
        return table
    }()

    /// A run of one letter written once: "efficienza" and "eficienza" both read "eficienza", "obbiettivo" and
    /// "obiettivo" "obietivo". Words compared this way survive a doubled or single consonant, the commonest
    /// misspelling of Italian.
    public static func singlingDoubledLetters<S: StringProtocol>(_ word: S) -> String {
        var out = ""
        out.reserveCapacity(word.utf8.count)
        var previous: Character?
        for character in word where character != previous || !character.isLetter {
            out.append(character)
            previous = character
        }
        return out
    }

    /// `fold`, then every character that is not a letter, a digit or `%` becomes a space, and
    /// spaces are collapsed: "A chi è rivolto l’obiettivo (stakeholder):" → "a chi e rivolto l obiettivo stakeholder".
    public static func words(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(text) }
        let folded = fold(text)
        if let fast = tableWords(folded) { return fast }
        var out = ""
        var pendingSpace = false
        for ch in folded {
            if ch.isLetter || ch.isNumber || ch == "%" {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// `words` of folded text scalar by scalar, or nil when it has a scalar outside `commonScalars`.
    private static func tableWords(_ folded: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            let isWord: Bool
            if scalar.isASCII {
                isWord = isASCIIWordByte(UInt8(scalar.value))
            } else if let known = commonScalars[scalar.value] {
                isWord = known.isWordCharacter
            } else {
                return nil
            }
            if isWord {
                if pendingSpace && !out.isEmpty { out.append(UInt8(ascii: " ")) }
                pendingSpace = false
                UTF8.encode(scalar) { out.append($0) }
            } else {
                pendingSpace = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `words` of ASCII text, byte by byte: most cells are ASCII, and Character iteration costs a label lookup
    /// more than the lookup itself.
    private static func asciiWords(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            let folded = foldedASCII(byte)
            if isASCIIWordByte(folded) {
                if pendingSpace && !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(folded)
            } else {
                pendingSpace = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lower case, and the ASCII apostrophe variants (`` ` ``) made `'`.
    private static func foldedASCII(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte + 0x20
        case UInt8(ascii: "`"): return UInt8(ascii: "'")
        default: return byte
        }
    }

    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "%")
    }
}
