/// Visual order → logical order for right-to-left scripts (Hebrew, Arabic): a PDF paints the letters of a line left
/// to right as they look, and a reader wants them as they are read. The Unicode bidirectional algorithm, inverted
/// and cut down to what a painted line still tells: each letter's or word's direction (from its scalars), the
/// levels the algorithm gives them on a line of one base direction, and the reversals of its rule L2 undone.
/// Used twice: on the characters of one word (`logical`), and on the words of one line (`readingOrder`).
/// A line without a right-to-left letter is given back as it is.
public enum BidiOrder {
    /// The bidirectional classes the reordering needs (UAX #9, cut down: AL counts as R, AN as EN, the
    /// separators and neutrals that no rule tells apart as `neutral`).
    enum Direction: Equatable { case left, right, number, commonSeparator, numberSeparator, numberTerminator, mark, neutral }

    /// The characters of one word, given left to right as painted → in logical order. Numbers and Latin runs inside
    /// a right-to-left word keep their left-to-right order ("2024-ב" painted reads "ב-2024").
    public static func logical(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        logical(scalars, scalar: { $0 })
    }

    /// The same for elements that each stand for one scalar (a word's glyphs).
    public static func logical<Element>(_ elements: [Element], scalar: (Element) -> Unicode.Scalar) -> [Element] {
        guard elements.contains(where: { isRightToLeft(scalar($0)) }) else { return elements }
        let classes = elements.map { direction(scalar($0)) }
        return reordered(elements, levels: levels(classes, rightToLeft: isRightToLeftBase(classes)))
    }

    /// The texts of one line's words, left to right as they stand → in reading order: on a line mostly in a
    /// right-to-left script the words read right to left, numbers and Latin words among them left to right; a
    /// right-to-left run inside a left-to-right line reads right to left in its place.
    public static func readingOrder(_ texts: [String]) -> [String] {
        guard texts.contains(where: hasRightToLeft) else { return texts }
        let classes = texts.map(wordDirection)
        let scalarClasses = texts.flatMap { $0.unicodeScalars.map(direction) }
        return reordered(texts, levels: levels(classes, rightToLeft: isRightToLeftBase(scalarClasses)))
    }

    /// A line's words joined by spaces in reading order.
    public static func joinLine(_ texts: [String]) -> String {
        readingOrder(texts).joined(separator: " ")
    }

    /// Whether `text` holds a right-to-left letter; plain ASCII and Latin text is answered from its UTF-8 bytes.
    public static func hasRightToLeft(_ text: String) -> Bool {
        // U+0590, the first right-to-left letter, is D6 90 in UTF-8: a lower lead byte is no such letter.
        text.utf8.contains { $0 >= 0xD6 } && text.unicodeScalars.contains(where: isRightToLeft)
    }

    static func isRightToLeft(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x0590 && direction(scalar) == .right }

    static func direction(_ scalar: Unicode.Scalar) -> Direction {
        if scalar.isASCII {
            switch scalar {
            case "0"..."9": return .number
            case ",", ".", ":", "/": return .commonSeparator
            case "+", "-": return .numberSeparator
            case "%", "$", "#": return .numberTerminator
            default: return scalar.properties.isAlphabetic ? .left : .neutral
            }
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return .mark
        case .decimalNumber: return .number
        case .currencySymbol: return .numberTerminator
        default: break
        }
        if rightToLeftBlocks.contains(where: { $0.contains(scalar.value) }) { return .right }
        return properties.isAlphabetic ? .left : .neutral
    }

    /// Blocks of the right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, NKo and their supplements, the Hebrew
    /// and Arabic presentation forms, and the right-to-left ranges of the supplementary planes.
    static let rightToLeftBlocks: [ClosedRange<UInt32>] = [
        0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF,
    ]

    /// A word's direction: that of its first strong letter; a word of digits (and signs) is a number.
    static func wordDirection(_ text: String) -> Direction {
        var sawNumber = false
        for scalar in text.unicodeScalars {
            switch direction(scalar) {
            case .left: return .left
            case .right: return .right
            case .number: sawNumber = true
            default: continue
            }
        }
        return sawNumber ? .number : .neutral
    }

    /// A line reads right to left when it holds more right-to-left letters than left-to-right ones (poppler's
    /// rule for a line's primary direction).
    static func isRightToLeftBase(_ classes: [Direction]) -> Bool {
        var balance = 0
        for direction in classes {
            if direction == .left { balance += 1 } else if direction == .right { balance -= 1 }
        }
        return balance < 0
    }

    /// Embedding levels (0 left to right, 1 right to left, 2 left to right inside right to left) of elements of
    /// the given classes on a line of the given base direction: UAX #9 rules W1, W4, W5, W7, N1, N2, I1 and I2,
    /// with neighbours taken as they stand on the line.
    static func levels(_ input: [Direction], rightToLeft: Bool) -> [Int] {
        let base: Direction = rightToLeft ? .right : .left
        var classes = input
        // W1: a mark takes the class of the character before it.
        for i in classes.indices where classes[i] == .mark { classes[i] = i > 0 ? classes[i - 1] : base }
        // W4: one separator between two digits is part of the number ("1,250").
        for i in classes.indices.dropFirst().dropLast() where classes[i - 1] == .number && classes[i + 1] == .number
            && (classes[i] == .commonSeparator || classes[i] == .numberSeparator) { classes[i] = .number }
        // W5: terminators next to a number are part of it ("15%").
        for i in classes.indices where classes[i] == .numberTerminator {
            var j = i
            while j < classes.count && classes[j] == .numberTerminator { j += 1 }
            let touches = (i > 0 && classes[i - 1] == .number) || (j < classes.count && classes[j] == .number)
            if touches { for k in i..<j { classes[k] = .number } }
        }
        // W7: a number after a left-to-right letter (or at the start of a left-to-right line) is left to right.
        var strong = base
        for i in classes.indices {
            switch classes[i] {
            case .left, .right: strong = classes[i]
            case .number where strong == .left: classes[i] = .left
            default: break
            }
        }
        // N1, N2: neutrals between two of one direction take it (a number counts as right to left), else the base.
        func side(_ direction: Direction) -> Direction { direction == .number ? .right : direction }
        var i = 0
        while i < classes.count {
            guard classes[i] != .left, classes[i] != .right, classes[i] != .number else { i += 1; continue }
            var j = i
            while j < classes.count && classes[j] != .left && classes[j] != .right && classes[j] != .number { j += 1 }
            let before = i > 0 ? side(classes[i - 1]) : base
            let after = j < classes.count ? side(classes[j]) : base
            for k in i..<j { classes[k] = before == after ? before : base }
            i = j
        }
        // I1, I2.
        return classes.map { direction in
            switch direction {
            case .right: return 1
            case .number: return 2
            default: return rightToLeft ? 2 : 0
            }
        }
    }

    /// Rule L2 undone: what L2 reverses (every run at level 1 or more, then every run at level 2) is reversed
    /// back; the two reversals commute, so painted order → logical order is the same two steps.
    static func reordered<Element>(_ elements: [Element], levels: [Int]) -> [Element] {
        var items = Array(zip(elements, levels))
        for level in [1, 2] {
            var start = 0
            while start < items.count {
                guard items[start].1 >= level else { start += 1; continue }
                var end = start
                while end < items.count && items[end].1 >= level { end += 1 }
                items[start..<end].reverse()
                start = end
            }
        }
        return items.map(\.0)
    }
}
