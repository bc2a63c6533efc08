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

    /// `LabelKey(raw).compact`, or nil when it has more than `limit` characters. ASCII text without a byte that
    /// `TextCleaner.clean` acts on (most cells) is read in one pass: cleaning changes only its spaces, and its
    /// compact key is its letters, digits and `%`, lower case.
    static func compactKey(of raw: String, limit: Int) -> String? {
        switch plainCompactKey(of: raw, limit: limit) {
        case .key(let key): return key
        case .tooLong: return nil
        case .notPlain:
            let key = LabelKey(raw)
            return key.length <= limit ? key.compact : nil
        }
    }

    /// `compactKey(of: words.joined(separator: " "), limit:)`, the words joined only when one of them is not plain.
    /// Cleaning removes nothing of a plain word (ASCII without a byte it acts on) unless markup comes before it,
    /// and folding only lowers it, so each plain word before the first word with markup adds its letters, digits
    /// and `%` to the key: a run whose plain words are already longer than `limit` is given up before it is joined.
    static func compactKey<Word: StringProtocol>(ofRun words: ArraySlice<Word>, limit: Int) -> String? {
        var compact: [UInt8] = []
        var allPlain = true
        for word in words {
            switch RunWord(word) {
            case .plain(let bytes): compact += bytes
            case .unmarked: allPlain = false
            case .markup: return compactKey(of: words.joined(separator: " "), limit: limit)
            }
            if compact.count > limit { return nil }
        }
        return allPlain ? String(decoding: compact, as: UTF8.self) : compactKey(of: words.joined(separator: " "), limit: limit)
    }

    /// A word of a run as the run's key sees it.
    private enum RunWord {
        /// ASCII without markup: its key bytes.
        case plain([UInt8])
        /// Other characters, no markup byte: cleaning leaves the words after it alone.
        case unmarked
        /// A byte cleaning acts on: it may take words after it away (a tag spanning spaces).
        case markup

        init<Word: StringProtocol>(_ word: Word) {
            var bytes: [UInt8] = []
            var ascii = true
            for byte in word.utf8 {
                if isMarkupByte(byte) { self = .markup; return }
                if byte >= 0x80 { ascii = false } else if isWordByte(byte) { bytes.append(loweredASCII(byte)) }
            }
            self = ascii ? .plain(bytes) : .unmarked
        }
    }

    private static func loweredASCII(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 0x20 : byte
    }

    private enum PlainReading {
        case key(String)
        case tooLong
        case notPlain
    }

    private static func plainCompactKey(of raw: String, limit: Int) -> PlainReading {
        var length = 0
        for byte in raw.utf8 {
            guard byte < 0x80, !isMarkupByte(byte) else { return .notPlain }
            if isWordByte(byte) { length += 1 }
        }
        guard length <= limit else { return .tooLong }
        var compact: [UInt8] = []
        compact.reserveCapacity(length)
        for byte in raw.utf8 where isWordByte(byte) {
            compact.append(loweredASCII(byte))
        }
        return .key(String(decoding: compact, as: UTF8.self))
    }

    /// The bytes `TextCleaner.clean` starts a change at: entities, tags, links, emphasis, escapes, heading marks.
    private static func isMarkupByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: "]"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "\\"),
             UInt8(ascii: "#"): return true
        default: return false
        }
    }

    /// A letter, digit or `%`: what `TextFolding.words` keeps of ASCII text.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "%"): return true
        default: return false
        }
    }

    /// True when `prefix` covers the start of this key and stops where a word of this key stops.
    func starts(with prefix: LabelKey) -> Bool {
        length > prefix.length && wordEnds.contains(prefix.length) && compact.hasPrefix(prefix.compact)
    }
}
