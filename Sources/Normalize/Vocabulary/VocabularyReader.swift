import Core
import Yams

/// One value of a vocabulary file with where it was read: its type is checked as it is taken, and a wrong
/// type is an error naming the source, the line and the key path ("vocabulary.yml:42: listings.total_words[3]
/// must be a string").
struct VocabularyValue {
    let node: Node
    /// The file name, or "bundled vocabulary".
    let source: String
    /// Key path below `vocabulary:` ("listings.total_levels[3].rank").
    let path: String

    func problem(_ text: String) -> VocabularyError {
        .invalid(source: source, line: node.mark?.line, path: path, problem: text)
    }

    /// A quoted or plain scalar that YAML reads as text (a plain `no`, `12` or `~` is no string).
    func string() throws -> String {
        guard let scalar = node.scalar, node.tag.description == Tag.Name.str.rawValue else {
            throw problem("must be a string (quote words YAML reads otherwise, such as \"no\" or \"1\")")
        }
        return scalar.string
    }

    func integer() throws -> Int {
        guard node.tag.description == Tag.Name.int.rawValue, let value = node.int else { throw problem("must be an integer") }
        return value
    }

    func character() throws -> Character {
        let text = try string()
        guard text.count == 1, let character = text.first else { throw problem("must be a single character") }
        return character
    }

    func list<Element>(_ element: (VocabularyValue) throws -> Element) throws -> [Element] {
        guard let sequence = node.sequence else { throw problem("must be a list") }
        return try sequence.enumerated().map { offset, item in
            try element(VocabularyValue(node: item, source: source, path: "\(path)[\(offset)]"))
        }
    }

    func strings() throws -> [String] {
        try list { try $0.string() }
    }

    /// A mapping whose keys are names of the data (month names, letters): `key: value` pairs, in file order.
    func table<Element>(_ element: (VocabularyValue) throws -> Element) throws -> [(key: String, value: Element)] {
        guard let mapping = node.mapping else { throw problem("must be a mapping") }
        return try mapping.map { key, value in
            let name = key.string ?? ""
            return (name, try element(VocabularyValue(node: value, source: source, path: "\(path).\(name)")))
        }
    }

    /// A list of two-string entries ("{phrase: tempo pieno, text: tempo pieno}").
    func pairs(_ first: String, _ second: String) throws -> [(String, String)] {
        try list { item in
            try item.entry { entry in (try entry.required(first) { try $0.string() }, try entry.required(second) { try $0.string() }) }
        }
    }

    /// A mapping with fixed keys, all required ("{word: titolo, level: titolo, rank: 1}").
    func entry<Entry>(_ read: (inout VocabularyReader) throws -> Entry) throws -> Entry {
        var reader = try VocabularyReader(self, requiresEveryKey: true)
        let entry = try read(&reader)
        try reader.rejectUnknownKeys()
        return entry
    }
}

/// Reads the keys of one mapping of a vocabulary file. Each key is taken once; keys nobody took are an
/// error, and so is a missing key when every key is required (the bundled file gives them all, an override
/// only those it replaces).
struct VocabularyReader {
    private let mapping: VocabularyValue
    private let pairs: [(key: String, line: Int?, node: Node)]
    private let requiresEveryKey: Bool
    private var taken = Set<String>()

    init(_ value: VocabularyValue, requiresEveryKey: Bool) throws {
        guard let mapping = value.node.mapping else { throw value.problem("must be a mapping") }
        self.mapping = value
        self.pairs = mapping.map { ($0.key.string ?? "", $0.key.mark?.line, $0.value) }
        self.requiresEveryKey = requiresEveryKey
    }

    /// The value of `key`, nil when it is absent and not required.
    mutating func value<T>(_ key: String, _ read: (VocabularyValue) throws -> T) throws -> T? {
        taken.insert(key)
        let path = self.path(of: key)
        guard let node = pairs.first(where: { $0.key == key })?.node else {
            guard requiresEveryKey else { return nil }
            throw VocabularyError.invalid(source: mapping.source, line: mapping.node.mark?.line, path: path, problem: "is missing")
        }
        return try read(VocabularyValue(node: node, source: mapping.source, path: path))
    }

    /// Replaces `target` with the value of `key` when the mapping gives one.
    mutating func update<T>(_ target: inout T, _ key: String, _ read: (VocabularyValue) throws -> T) throws {
        if let value = try value(key, read) { target = value }
    }

    mutating func update(_ target: inout [String], _ key: String) throws {
        try update(&target, key) { try $0.strings() }
    }

    mutating func update(_ target: inout Set<String>, _ key: String) throws {
        try update(&target, key) { Set(try $0.strings()) }
    }

    mutating func update(_ target: inout [String: Int], _ key: String) throws {
        try update(&target, key) { value in
            Dictionary(try value.table { try $0.integer() }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// A required value (inside an entry, every key is required).
    mutating func required<T>(_ key: String, _ read: (VocabularyValue) throws -> T) throws -> T {
        guard let value = try value(key, read) else {
            throw VocabularyError.invalid(source: mapping.source, line: mapping.node.mark?.line, path: path(of: key), problem: "is missing")
        }
        return value
    }

    func rejectUnknownKeys() throws {
        guard let unknown = pairs.first(where: { !taken.contains($0.key) }) else { return }
        throw VocabularyError.invalid(source: mapping.source, line: unknown.line, path: path(of: unknown.key), problem: "is not a known key")
    }

    private func path(of key: String) -> String {
        mapping.path.isEmpty ? key : mapping.path + "." + key
    }
}

extension VocabularyReader {
    /// The YAML document of a data file (vocabulary, XBRL budget mapping), which must be a mapping.
    static func root(of yaml: String, source: String) throws -> Node {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw VocabularyError.notYAML("\(source): \(error)")
        }
        guard let root, root.mapping != nil else {
            throw VocabularyError.invalid(source: source, line: root?.mark?.line, path: "(file)", problem: "must be a mapping")
        }
        return root
    }
}
