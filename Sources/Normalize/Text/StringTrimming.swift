extension Substring {
    /// Drops characters of `set` from both ends.
    func trimmingCharacters(in set: String) -> Substring {
        var s = self
        while let first = s.first, set.contains(first) { s = s.dropFirst() }
        while let last = s.last, set.contains(last) { s = s.dropLast() }
        return s
    }
}

extension String {
    /// Drops characters of `set` from both ends.
    func trimmingCharacters(in set: String) -> Substring { Substring(self).trimmingCharacters(in: set) }

    func trimmingTrailing(while predicate: (Character) -> Bool) -> String {
        var s = Substring(self)
        while let last = s.last, predicate(last) { s = s.dropLast() }
        return String(s)
    }

    /// The rest of the line when its first words are `prefix`'s, compared folded
    /// ("CITTA' DI LUMEZZANE" starts with "Città di"); nil otherwise.
    func droppingWords(of prefix: String) -> String? {
        let wanted = TextFolding.words(prefix)
        let count = wanted.split(separator: " ").count
        let words = split(separator: " ", omittingEmptySubsequences: true)
        guard words.count > count, TextFolding.words(words.prefix(count).joined(separator: " ")) == wanted else { return nil }
        return words.dropFirst(count).joined(separator: " ")
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
