import Core

/// A number with what is written around it: "< di 5", "€ 1.000", "Km. 32,00", "26,90 %", "+ 19".
struct Quantity: Equatable {
    var number: ExactDecimal
    var comparator: Value.Comparator?
    var isPercent = false
    var isCurrency = false
    var unit: String?
}

enum QuantityOutcome: Equatable {
    case quantity(Quantity)
    /// Shaped like a number but unreadable ("1.297,888,00"): the reason, for the warning.
    case malformed(String)
    case notAQuantity
}

/// Reads a whole text as one quantity:
/// `[comparator [connector]] [sign | currency | count mark | unit]* NUMBER [% | unit | currency]*`.
/// Anything left over (words, a second number) means the text is not a quantity.
struct QuantityParser {
    let vocabulary: ValueVocabulary

    func parse(_ folded: String) -> QuantityOutcome {
        var cursor = TextCursor(folded)
        var quantity = Quantity(number: 0)
        quantity.comparator = readComparator(&cursor)
        var negative = false
        readAffixes(&cursor, into: &quantity, negative: &negative, beforeNumber: true)
        guard let token = cursor.readNumberToken() else { return .notAQuantity }
        readAffixes(&cursor, into: &quantity, negative: &negative, beforeNumber: false)
        cursor.skipSpaces()
        guard cursor.isAtEnd else { return .notAQuantity }
        if quantity.isPercent && quantity.isCurrency { return .malformed("both % and a currency") }
        switch ItalianNumber.parse(token, isPercent: quantity.isPercent) {
        case .malformed(let reason):
            return .malformed("\"\(token)\": \(reason)")
        case .number(let value):
            quantity.number = negative ? value.negated : value
            return .quantity(quantity)
        }
    }

    private func readComparator(_ cursor: inout TextCursor) -> Value.Comparator? {
        cursor.skipSpaces()
        guard let phrase = vocabulary.comparators.first(where: { cursor.consume($0.words) }) else { return nil }
        cursor.skipSpaces()
        if vocabulary.comparatorConnectors.contains(where: { cursor.consume($0) }) { cursor.skipSpaces() }
        return phrase.meaning
    }

    private static let minusSigns: Set<Character> = ["-", "−", "–"]
    private static let plusSigns: Set<Character> = ["+"]
    private static let percentSigns: Set<Character> = ["%"]

    /// Currency marks and units on either side of the number; signs and count marks before it, `%` after it.
    private func readAffixes(_ cursor: inout TextCursor, into quantity: inout Quantity, negative: inout Bool, beforeNumber: Bool) {
        while true {
            cursor.skipSpaces()
            if beforeNumber, cursor.consumeCharacter(in: Self.minusSigns) {
                negative.toggle()
            } else if beforeNumber, cursor.consumeCharacter(in: Self.plusSigns) {
                continue
            } else if !beforeNumber, cursor.consumeCharacter(in: Self.percentSigns) {
                quantity.isPercent = true
            } else if vocabulary.currencyMarkers.contains(where: { cursor.consume($0) }) {
                quantity.isCurrency = true
            } else if beforeNumber, vocabulary.countMarkers.contains(where: { cursor.consume($0) }) {
                continue
            } else if quantity.unit == nil, let unit = vocabulary.units.first(where: { cursor.consume($0.words) }) {
                quantity.unit = unit.meaning
            } else {
                return
            }
        }
    }
}

/// A position in a text, with the few reads the value parsers need.
struct TextCursor {
    private let chars: [Character]
    /// The first UTF-8 byte of each character, to turn down most phrases without reading them.
    private let leadBytes: [UInt8]
    private var index = 0

    init(_ text: String) {
        chars = Array(text)
        leadBytes = chars.map { $0.utf8.first ?? 0 }
    }

    var isAtEnd: Bool { index >= chars.count }

    mutating func skipSpaces() {
        while index < chars.count, chars[index] == " " { index += 1 }
    }

    /// Consumes `phrase` when it comes next and, if it ends with a letter, is not the start of a longer word.
    mutating func consume(_ phrase: String) -> Bool {
        // Compared in place: the vocabulary's phrases are tried at every position of every value. Characters
        // that start with two different ASCII bytes differ (an ASCII scalar has no other canonical form).
        if index < chars.count, let first = phrase.utf8.first, first < 0x80, leadBytes[index] < 0x80, leadBytes[index] != first {
            return false
        }
        var end = index
        for character in phrase {
            guard end < chars.count, chars[end] == character else { return false }
            end += 1
        }
        guard end > index else { return false }
        if phrase.last?.isLetter == true, end < chars.count, chars[end].isLetter || chars[end].isNumber { return false }
        index = end
        return true
    }

    mutating func consumeCharacter(in set: Set<Character>) -> Bool {
        guard index < chars.count, set.contains(chars[index]) else { return false }
        index += 1
        return true
    }

    /// Digits, `.` and `,` starting with a digit or a `,` followed by a digit.
    mutating func readNumberToken() -> String? {
        let start = index
        guard index < chars.count else { return nil }
        let startsNumber = chars[index].isASCIIDigit
            || (chars[index] == "," && index + 1 < chars.count && chars[index + 1].isASCIIDigit)
        guard startsNumber else { return nil }
        while index < chars.count, chars[index].isASCIIDigit || chars[index] == "." || chars[index] == "," { index += 1 }
        return String(chars[start..<index])
    }
}
