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

    /// The part a relationship id names.
    func part(id: String) -> String? { relationships.first { $0.id == id }?.part }

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

/// What the document's sections (`w:sectPr`: one in the paragraph ending each section, the last one at the end of
/// the body) say about their pages.
enum DocxSections {
    /// Fields that print the page's number or the count of pages.
    static let pageNumberFields: Set<String> = ["PAGE", "NUMPAGES", "SECTIONPAGES"]

    /// The relationship ids of the sections' headers and footers, in document order.
    static func furnitureReferences(in body: XElement) -> [String] {
        sections(in: body).flatMap { section in
            section.elements.filter { WordML.isW($0, "headerReference") || WordML.isW($0, "footerReference") }
                .compactMap { reference in reference.attributes.first { $0.name == "id" }?.value }
        }
    }

    private static func sections(in body: XElement) -> [XElement] {
        body.elements.compactMap { child in
            if WordML.isW(child, "sectPr") { return child }
            if WordML.isW(child, "p") { return WordML.child(child, "pPr").flatMap { WordML.child($0, "sectPr") } }
            return nil
        }
    }

    /// Whether a paragraph holds a page-number field (`w:fldSimple w:instr="PAGE"`, or `w:instrText` of a
    /// complex field).
    static func holdsPageNumber(_ element: XElement) -> Bool {
        element.elements.contains { child in
            let instruction: String?
            if WordML.isW(child, "fldSimple") {
                instruction = child.attributes.first { $0.name == "instr" }?.value
            } else if WordML.isW(child, "instrText") {
                instruction = child.textContent
            } else {
                instruction = nil
            }
            if let instruction, let field = instruction.split(whereSeparator: \.isWhitespace).first,
               pageNumberFields.contains(field.uppercased()) { return true }
            return holdsPageNumber(child)
        }
    }
}
