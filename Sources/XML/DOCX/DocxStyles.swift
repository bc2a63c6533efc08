/// WordprocessingML namespaces (transitional and strict).
enum WordML {
    static let namespaces: Set<String> = ["http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                          "http://purl.oclc.org/ooxml/wordprocessingml/main"]

    static func isW(_ element: XElement, _ name: String) -> Bool {
        element.name == name && element.namespace.map(namespaces.contains) ?? false
    }

    static func child(_ element: XElement, _ name: String) -> XElement? {
        element.elements.first { isW($0, name) }
    }

    /// `w:val` of the child element `name`.
    static func value(_ element: XElement?, _ name: String) -> String? {
        element.flatMap { child($0, name) }.flatMap { $0.attributes.first { $0.name == "val" }?.value }
    }

    /// An on/off property (`<w:b/>`, `<w:b w:val="0"/>`): nil when absent.
    static func toggle(_ properties: XElement?, _ name: String) -> Bool? {
        guard let properties, let element = child(properties, name) else { return nil }
        guard let value = element.attributes.first(where: { $0.name == "val" })?.value else { return true }
        return !["0", "false", "off", "none"].contains(value.lowercased())
    }
}

/// `word/styles.xml`: which paragraph styles are headings (by name, id or outline level), which are bold, which
/// are numbered; `w:basedOn` followed.
struct DocxStyles {
    struct Style {
        var name: String?
        var basedOn: String?
        var outlineLevel: Int?
        var bold: Bool?
        var numbered: Bool?
    }

    private(set) var styles: [String: Style] = [:]

    init() {}

    init(root: XElement) {
        for element in root.elements where WordML.isW(element, "style") {
            guard let id = element.attributes.first(where: { $0.name == "styleId" })?.value else { continue }
            let paragraph = WordML.child(element, "pPr")
            styles[id] = Style(name: WordML.value(element, "name"), basedOn: WordML.value(element, "basedOn"),
                               outlineLevel: WordML.value(paragraph, "outlineLvl").flatMap { Int($0) },
                               bold: WordML.toggle(WordML.child(element, "rPr"), "b"),
                               numbered: paragraph.flatMap { WordML.child($0, "numPr") }.map { WordML.value($0, "numId") != "0" })
        }
    }

    /// Heading depth of a paragraph style: "Heading N" / "Titolo N" (name or id), "Title", or an outline level.
    func headingLevel(_ id: String?) -> Int? {
        resolve(id) { id, style in
            if let level = Self.headingLevel(named: style.name) ?? Self.headingLevel(named: id) { return level }
            if let outline = style.outlineLevel { return outline < 9 ? outline + 1 : 0 }
            return nil
        }.flatMap { $0 > 0 ? $0 : nil }
    }

    func isBold(_ id: String?) -> Bool { resolve(id) { $1.bold } ?? false }

    func isNumbered(_ id: String?) -> Bool { resolve(id) { $1.numbered } ?? false }

    static func headingLevel(named name: String?) -> Int? {
        guard let name else { return nil }
        let folded = name.lowercased().filter { !$0.isWhitespace }
        if folded == "title" || folded == "titolo" { return 1 }
        for prefix in ["heading", "titolo"] where folded.hasPrefix(prefix) {
            if let level = Int(folded.dropFirst(prefix.count)), (1...9).contains(level) { return level }
        }
        return nil
    }

    /// The first answer along the style and its `basedOn` ancestors (at most 20, against cycles).
    private func resolve<T>(_ id: String?, _ answer: (String, Style) -> T?) -> T? {
        var current = id
        for _ in 0..<20 {
            guard let id = current, let style = styles[id] else { return nil }
            if let found = answer(id, style) { return found }
            current = style.basedOn
        }
        return nil
    }
}
