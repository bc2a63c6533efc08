/// The comparison form of a label. `words` is folded text with markup, punctuation, accents and
/// apostrophes gone ("a chi e rivolto l obiettivo stakeholder"); `compact` is the same without
/// spaces, so that words split by extraction ("% partecipazion e", "respon- sabile",
/// "Responsabil e politico") compare equal to the whole words.
struct LabelKey: Hashable {
    let words: String
    let compact: String
    /// For each position in `compact`, whether a word ends there in `words`.
    let wordEnds: Set<Int>

    init(_ raw: String) {
        words = TextFolding.words(TextCleaner.clean(raw))
        var compact = ""
        var ends = Set<Int>()
        for ch in words {
            if ch == " " {
                ends.insert(compact.count)
            } else {
                compact.append(ch)
            }
        }
        ends.insert(compact.count)
        self.compact = compact
        self.wordEnds = ends
    }

    var isEmpty: Bool { compact.isEmpty }

    var wordCount: Int { words.split(separator: " ").count }

    /// True when `prefix` covers the start of this key and stops where a word of this key stops.
    func starts(with prefix: LabelKey) -> Bool {
        compact.count > prefix.compact.count && compact.hasPrefix(prefix.compact) && wordEnds.contains(prefix.compact.count)
    }
}
