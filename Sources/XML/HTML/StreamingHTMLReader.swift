import Core
import Foundation

/// Well-formed XHTML (or HTML that parses as XML) read as a stream, in memory bounded by the largest paragraph,
/// heading, list item or table rather than by the file: the same blocks and tables, with the same sources, as
/// `HTMLReader` over the whole tree. Containers (body, div, section, lists… — block-level elements that only
/// hold other content) are walked tag by tag; every other element is copied whole as it comes and read by the
/// same `HTMLWalk`. Two passes: the first notes, for each container, which child names repeat (an XPath step is
/// `name[i]` only then, as `XElement.elementSteps` writes it), the second makes the items.
struct StreamingHTMLReader {
    /// Block-level elements walked tag by tag: those `HTMLWalk` reads by reading their children in turn.
    static let streamed: Set<String> = HTMLVocabulary.blockLevel.subtracting(
        ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "table", "dl", "dt", "dd", "caption", "tr", "td", "th", "thead",
         "tbody", "tfoot", "hr"])

    let path: String

    /// Hands each item over as soon as it is complete.
    func read(_ item: (ContentItem) throws -> Void) throws {
        var repeated = try self.repeatedNames().makeIterator()
        var nextRepeated = repeated.next()
        /// The repeated names of container `ordinal` (asked in increasing order, as containers open).
        func repeatedNames(of ordinal: Int) -> Set<String> {
            while let entry = nextRepeated, entry.ordinal < ordinal { nextRepeated = repeated.next() }
            guard let entry = nextRepeated, entry.ordinal == ordinal else { return [] }
            return entry.names
        }
        let reader = try XMLEventReader(path: path)
        var walk = HTMLWalk()
        var stack: [Frame] = []
        var ordinal = 0
        func pass() throws { for made in walk.drain() { try item(made) } }
        while let event = try reader.next() {
            switch event {
            case .text(let text):
                guard let frame = stack.last else { continue }
                walk.text(text, path: frame.path, context: frame.context)
            case .end:
                stack.removeLast()
                walk.flush()
                try pass()
            case .start(let element, _, let isEmpty):
                let elementPath: String
                if stack.isEmpty {
                    elementPath = "/" + element.qualifiedName
                } else {
                    elementPath = stack[stack.count - 1].path + "/" + stack[stack.count - 1].step(element.qualifiedName)
                }
                let context = stack.last?.context ?? HTMLWalk.Context()
                let name = element.name.lowercased()
                let own = Self.streamed.contains(name) ? ordinal : nil
                if own != nil { ordinal += 1 }
                if HTMLVocabulary.skipped.contains(name) || HTMLVocabulary.isHidden(element)
                    || (HTMLVocabulary.pageChrome.contains(name) && !context.inSection) {
                    if !isEmpty { ordinal += try skipCounting(reader) }
                    continue
                }
                guard let own else {
                    let whole = try reader.expand()
                    ordinal += Self.streamedDescendants(whole)
                    walk.element(whole, path: elementPath, context: context)
                    try pass()
                    continue
                }
                var inner = context
                if HTMLVocabulary.sectioning.contains(name) { inner.inSection = true }
                if HTMLVocabulary.isBold(element) { inner.bold = true }
                walk.flush()
                try pass()
                if isEmpty {
                    walk.flush()
                } else {
                    stack.append(Frame(path: elementPath, context: inner, repeated: repeatedNames(of: own)))
                }
            }
        }
        walk.flush()
        try pass()
    }

    /// An open container: its path, the context its children are read in, and its children's steps so far.
    struct Frame {
        var path: String
        var context: HTMLWalk.Context
        var repeated: Set<String>
        var seen: [String: Int] = [:]

        mutating func step(_ name: String) -> String {
            guard repeated.contains(name) else { return name }
            let index = (seen[name] ?? 0) + 1
            seen[name] = index
            return "\(name)[\(index)]"
        }
    }

    /// The containers (by ordinal: document order of elements with a `streamed` name) whose children's names
    /// repeat, with those names, in ordinal order. Kept small: 8 bytes per such container (a list of items is
    /// one), the name sets shared.
    func repeatedNames() throws -> RepeatedNames {
        let reader = try XMLEventReader(path: path)
        var found = RepeatedNames()
        var stack: [(ordinal: Int?, counts: [String: Int])] = []
        var ordinal = 0
        while let event = try reader.next() {
            switch event {
            case .start(let element, _, let isEmpty):
                if !stack.isEmpty { stack[stack.count - 1].counts[element.qualifiedName, default: 0] += 1 }
                var own: Int?
                if Self.streamed.contains(element.name.lowercased()) { own = ordinal; ordinal += 1 }
                if !isEmpty { stack.append((own, [:])) }
            case .end:
                let frame = stack.removeLast()
                guard let own = frame.ordinal else { continue }
                let names = Set(frame.counts.filter { $0.value > 1 }.keys)
                if !names.isEmpty { found.add(own, names) }
            case .text:
                continue
            }
        }
        found.entries.sort()
        return found
    }

    /// Ordinal → name set, as packed entries (ordinal << 24 | set index) and the distinct sets.
    struct RepeatedNames: Sequence {
        var entries: [UInt64] = []
        var sets: [Set<String>] = []
        private var index: [Set<String>: Int] = [:]

        mutating func add(_ ordinal: Int, _ names: Set<String>) {
            let set: Int
            if let known = index[names] {
                set = known
            } else {
                set = sets.count
                sets.append(names)
                index[names] = set
            }
            entries.append(UInt64(ordinal) << 24 | UInt64(set & 0xFFFFFF))
        }

        func makeIterator() -> AnyIterator<(ordinal: Int, names: Set<String>)> {
            var position = 0
            return AnyIterator {
                guard position < entries.count else { return nil }
                defer { position += 1 }
                let entry = entries[position]
                return (Int(entry >> 24), sets[Int(entry & 0xFFFFFF)])
            }
        }
    }

    /// Reads past the current element's subtree; returns how many `streamed` elements it held.
    private func skipCounting(_ reader: XMLEventReader) throws -> Int {
        var depth = 1, count = 0
        while depth > 0, let event = try reader.next() {
            switch event {
            case .start(let element, _, let isEmpty):
                if Self.streamed.contains(element.name.lowercased()) { count += 1 }
                if !isEmpty { depth += 1 }
            case .end: depth -= 1
            case .text: continue
            }
        }
        return count
    }

    static func streamedDescendants(_ element: XElement) -> Int {
        element.elements.reduce(0) { $0 + (streamed.contains($1.name.lowercased()) ? 1 : 0) + streamedDescendants($1) }
    }
}
