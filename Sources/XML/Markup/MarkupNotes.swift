/// Footnotes and endnotes (DOCX `w:footnoteReference` into `word/footnotes.xml`/`endnotes.xml`, ODT `text:note`),
/// read the same way by both readers.
///
/// A note's citation leaves nothing of the note in the sentence citing it. The notes' text comes after the body,
/// as blocks (and tables) of their own whose `source` is the note's location (its part and element): footnotes in
/// the order they are first cited, then endnotes likewise, each on the page of its citation. After the body rather
/// than after the citing paragraph, so a note never cuts a run of label lines or a sheet in two (a PDF sets
/// footnotes under the page's text, endnotes at the end).
enum NoteKind: Int, Sendable, Hashable, Comparable {
    case footnote, endnote

    static func < (a: NoteKind, b: NoteKind) -> Bool { a.rawValue < b.rawValue }
}

/// A note cited in the body: what kind, which note (`key`, unique per kind), the page of its first citation.
struct NoteCitation<Key: Hashable> {
    var kind: NoteKind
    var key: Key
    var page: Int
}

/// The notes cited so far, each once (the first citation counts).
struct NoteCitations<Key: Hashable> {
    private(set) var cited: [NoteCitation<Key>] = []
    private var seen: Set<Seen> = []

    private struct Seen: Hashable {
        var kind: NoteKind
        var key: Key
    }

    mutating func cite(_ kind: NoteKind, _ key: Key, page: Int) {
        guard seen.insert(Seen(kind: kind, key: key)).inserted else { return }
        cited.append(NoteCitation(kind: kind, key: key, page: page))
    }

    /// The order the notes' text is read in: footnotes, then endnotes, each in citation order.
    var readingOrder: [NoteCitation<Key>] {
        cited.enumerated().sorted { ($0.element.kind, $0.offset) < ($1.element.kind, $1.offset) }.map(\.element)
    }
}
