/// The comparison form of a label. `words` is folded text with markup, punctuation, accents and
/// apostrophes gone ("a chi e rivolto l obiettivo stakeholder"); `compact` is the same without
/// spaces, so that words split by extraction ("% partecipazion e", "respon- sabile",
/// "Responsabil e politico") compare equal to the whole words.
struct LabelKey: Hashable {
    let words: String
    let compact: String
    /// For each position in `compact`, whether a word ends there in `words`.
    let wordEnds: Set<Int>
    /// Characters in `compact` and words in `words`, counted once (a String counts its characters anew each time).
    let length: Int
    let wordCount: Int

    init(_ raw: String) {
        words = TextFolding.words(TextCleaner.clean(raw))
        var compact = ""
        var ends = Set<Int>()
        var length = 0
        for ch in words {
            if ch == " " {
                ends.insert(length)
            } else {
                compact.append(ch)
                length += 1
            }
        }
        ends.insert(length)
        self.compact = compact
        self.wordEnds = ends
        self.length = length
        self.wordCount = ends.count
    }

    var isEmpty: Bool { compact.isEmpty }

    /// True when `prefix` covers the start of this key and stops where a word of this key stops.
    func starts(with prefix: LabelKey) -> Bool {
        length > prefix.length && wordEnds.contains(prefix.length) && compact.hasPrefix(prefix.compact)
    }
}
