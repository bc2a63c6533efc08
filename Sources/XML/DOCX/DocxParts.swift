/// `word/_rels/document.xml.rels`: the package parts the document refers to (notes, headers, footers), by
/// relationship id and type.
struct DocxRelationships {
    static let part = "word/_rels/document.xml.rels"
    /// The folder relative targets start from (the document part's).
    static let base = "word/"

    struct Relationship: Hashable {
        var id: String
        /// The type's last step ("footnotes", "header"), the same in transitional and strict OOXML.
        var type: String
        /// The target part's name in the package ("word/footnotes.xml").
        var part: String
    }

    private(set) var relationships: [Relationship] = []
    /// Whether the package has the relationships part (without it, parts are looked for by their usual names).
    private(set) var isKnown = false

    init() {}

    init(root: XElement) {
        isKnown = true
        for element in root.elements where element.name == "Relationship" {
            guard element.attribute("TargetMode")?.lowercased() != "external", let id = element.attribute("Id"),
                  let type = element.attribute("Type"), let target = element.attribute("Target") else { continue }
            relationships.append(Relationship(id: id, type: String(type.split(separator: "/").last ?? ""),
                                              part: Self.partName(target)))
        }
    }

    /// A target as a part name: absolute ("/word/x.xml") from the package root, relative from `word/`, ".." followed.
    static func partName(_ target: String) -> String {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : base + target
        var steps: [Substring] = []
        for step in joined.split(separator: "/") {
            if step == ".." { _ = steps.popLast() } else if step != "." { steps.append(step) }
        }
        return steps.joined(separator: "/")
    }

    /// The part of the first relationship of `type`, or `usual` when the package has no relationships part.
    func part(ofType type: String, usual: String) -> String? {
        isKnown ? relationships.first { $0.type == type }?.part : usual
    }
}

/// The notes of `word/footnotes.xml` or `word/endnotes.xml` by id, each with its location (the separator notes
/// Word keeps there are never cited, so never read).
struct DocxNotes {
    static let footnotesPart = "word/footnotes.xml"
    static let endnotesPart = "word/endnotes.xml"

    let part: String
    private(set) var notes: [String: DeferredElement] = [:]

    init(part: String, root: XElement) {
        self.part = part
        for (note, step) in root.elementSteps() where WordML.isW(note, "footnote") || WordML.isW(note, "endnote") {
            guard let id = note.attributes.first(where: { $0.name == "id" })?.value else { continue }
            notes[id] = DeferredElement(element: note, path: "/" + root.qualifiedName + "/" + step)
        }
    }
}
