enum EditDistance {
    /// Levenshtein distance between `a` and `b`, or nil when it exceeds `limit`.
    static func levenshtein(_ a: String, _ b: String, limit: Int) -> Int? {
        // ASCII without CR, the common case, is compared byte by byte: there each character is one byte.
        if let a = asciiBytes(a), let b = asciiBytes(b) { return levenshtein(a, b, limit: limit) }
        return levenshtein(Array(a), Array(b), limit: limit)
    }

    private static func asciiBytes(_ text: String) -> [UInt8]? {
        text.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "\r") } ? Array(text.utf8) : nil
    }

    static func levenshtein<Element: Equatable>(_ a: [Element], _ b: [Element], limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            if current.min()! > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
