import Core

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
        (compact, wordEnds, length) = Self.compacted(words)
        wordCount = wordEnds.count
    }

    /// `words` without its spaces, the positions where its words end, and its length in characters. ASCII
    /// without CR (the common case) is read byte by byte: there each character is one byte.
    static func compacted(_ words: String) -> (compact: String, ends: Set<Int>, length: Int) {
        let ascii = ASCIIText.read(words) { bytes in bytes.contains(UInt8(ascii: "\r")) ? nil : compacted(ascii: bytes) }
        return (ascii ?? nil) ?? compactedByCharacters(words)
    }

    private static func compacted(ascii bytes: Slice<UnsafeBufferPointer<UInt8>>) -> (compact: String, ends: Set<Int>, length: Int) {
        var compact: [UInt8] = []
        compact.reserveCapacity(bytes.count)
        var ends = Set<Int>()
        for byte in bytes {
            if byte == UInt8(ascii: " ") { ends.insert(compact.count) } else { compact.append(byte) }
        }
        ends.insert(compact.count)
        return (String(decoding: compact, as: UTF8.self), ends, compact.count)
    }

    static func compactedByCharacters(_ words: String) -> (compact: String, ends: Set<Int>, length: Int) {
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
        return (compact, ends, length)
    }

    var isEmpty: Bool { compact.isEmpty }

    /// True when `prefix` covers the start of this key and stops where a word of this key stops.
    func starts(with prefix: LabelKey) -> Bool {
        length > prefix.length && wordEnds.contains(prefix.length) && compact.hasPrefix(prefix.compact)
    }
}
